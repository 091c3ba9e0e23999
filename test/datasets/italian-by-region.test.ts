import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { exact, row } from '../helpers.js';

describe('italian-by-region', () => {
  test('the Italian casualties by region', () => {
    // "Their highest losses were in Bosnia and Herzegovina: 12,394. In Croatia the total was
    //  10,472 and in Montenegro 4,999. Dalmatia was less bellicose: 1,773. The quietest area was
    //  Slovenia, where the Italians incurred 893 casualties."
    const seed = { 'Bosnia and Herzegovina': 12394, Croatia: 10472, Montenegro: 4999, Dalmatia: 1773, Slovenia: 893 };
    for (const [label, value] of Object.entries(seed)) {
      expect(row('italian-by-region', { label }), label).toMatchObject({ measure: 'casualties', ...exact(value) });
    }
    expect(load('italian-by-region').numRows()).toBe(5);
  });
});
