import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { exact, row } from '../helpers.js';

describe('ndh-croats-goldstein', () => {
  test("Goldstein's two figures", () => {
    // "According to Ivo Goldstein, on NDH territory 45,000 of Croats are killed as Partisans while
    //  19,000 perishing in prisons or camps."
    expect(row('ndh-croats-goldstein', { status: 'partisan' })).toMatchObject({ source: 'goldstein', ...exact(45000) });
    expect(row('ndh-croats-goldstein', { cause: 'prisons-or-camps' })).toMatchObject({ status: null, ...exact(19000) });
    expect(load('ndh-croats-goldstein').numRows()).toBe(2);
  });
});
