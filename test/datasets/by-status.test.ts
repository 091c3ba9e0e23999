import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { exact, row } from '../helpers.js';

describe('by-status', () => {
  test("Žerjavić's military and civilian losses", () => {
    // "Military losses are estimated at 237,000 Yugoslav partisans and 209,000 collaborators,
    //  while civilian losses at 581,000, including 57,000 Jews."
    expect(row('by-status', { source: 'zerjavic', status: 'partisan' })).toMatchObject(exact(237000));
    expect(row('by-status', { source: 'zerjavic', status: 'collaborator' })).toMatchObject(exact(209000));
    expect(row('by-status', { source: 'zerjavic', status: 'civilian' })).toMatchObject(exact(581000));
  });

  test("A'Barrow's soldiers and civilians", () => {
    // "Stephen R. A'Barrow estimates that the war caused 446,000 dead soldiers and 514,000 dead
    //  civilians, or 960,000 dead in total"
    expect(row('by-status', { source: 'abarrow', status: 'military' })).toMatchObject(exact(446000));
    expect(row('by-status', { source: 'abarrow', status: 'civilian' })).toMatchObject(exact(514000));
    expect(load('by-status').numRows()).toBe(5);
  });
});
