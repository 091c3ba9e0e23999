import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { exact, row } from '../helpers.js';

describe('by-republic-zerjavic', () => {
  test('the losses of the republics and killed abroad, as the seed gives them', () => {
    // "Losses of the Yugoslav Republics were Bosnia 316,000; Serbia 273,000; Croatia 271,000;
    //  Slovenia 33,000; Montenegro 27,000; Macedonia 17,000; and killed abroad 80,000."
    const seed = { Bosnia: 316000, Serbia: 273000, Croatia: 271000, Slovenia: 33000, Montenegro: 27000, Macedonia: 17000, 'killed abroad': 80000 };
    for (const [label, value] of Object.entries(seed)) {
      expect(row('by-republic-zerjavic', { label }), label).toMatchObject({ source: 'zerjavic', ...exact(value) });
    }
    expect(load('by-republic-zerjavic').numRows()).toBe(7);
  });

  test('says that the scope of Serbia is not stated', () => {
    expect(row('by-republic-zerjavic', { region: 'serbia' }).note).toMatch(/does not say whether/);
  });
});
