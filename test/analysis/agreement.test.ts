import { describe, expect, test } from 'vitest';
import { InvalidOptionError, load } from '../../src/index.js';
import { agreement, fromRows } from '../../src/index.js';
import { dash, exact, row, sources } from './fixtures.js';

describe('agreement', () => {
  test('agreement(byNationality, { by }) for Kočović and Žerjavić: 12 shared nationalities', () => {
    const pair = agreement(load('by-nationality'), { by: 'nationality' })
      .objects()
      .find((r) => r.source_a === 'kocovic' && r.source_b === 'zerjavic')!;
    expect(pair).toMatchObject({ n: 12, excluded: 0 });
    // |487−530| + |207−192| + |32−42| + |50−20| + |7−6| + |86−103| + |12−7| + |6−18| + |60−57| + |27−18| + |26−28| + |14−6|
    // = 43 + 15 + 10 + 30 + 1 + 17 + 5 + 12 + 3 + 9 + 2 + 8 = 155 thousand, over 12 categories.
    expect(pair.mean_abs_difference).toBeCloseTo(155000 / 12, 9); // 12,916.67
    // Pearson confirmed with Python's statistics.correlation on the same 12 pairs.
    expect(pair.pearson).toBeCloseTo(0.9951828943548905, 12);
    // Spearman: midranks by hand (1 = smallest), in the order Serbs, Croats, Slovenes, Montenegrins, Macedonians,
    // Muslims, Other Slavs, Albanians, Jews, Gypsies, Germans, Others:
    //   Kočović  12, 11, 7, 8, 2,   10, 3, 1,   9, 6,   5, 4
    //   Žerjavić 12, 11, 8, 6, 1.5, 10, 3, 4.5, 9, 4.5, 7, 1.5   (6 = 6 share ranks 1–2, 18 = 18 share ranks 4–5)
    // Pearson of these ranks, by Python's statistics.correlation: 0.8947423499236925
    // (the no-ties formula 1 − 6·Σd²/(n(n²−1)) with Σd² = 30 gives 1 − 180/1716 = 0.8951, close).
    expect(pair.spearman).toBeCloseTo(0.8947423499236925, 12);
  });

  test('agreement(byNationality, { by }) pairs the 1964 list only over the categories both report', () => {
    const pair = agreement(load('by-nationality'), { by: 'nationality' })
      .objects()
      .find((r) => r.source_a === 'yu-1964' && r.source_b === 'kocovic')!;
    // Both: Serbs, Croats, Slovenes, Montenegrins, Macedonians, Muslims, Albanians, Jews (8).
    // One only: Hungarians, Slovaks, Turks, Unknown (1964 list); Other Slavs, Gypsies, Germans, Others (Kočović) (8).
    expect(pair).toMatchObject({ n: 8, excluded: 8 });
    // |346,740−487,000| + |83,257−207,000| + |42,027−32,000| + |16,276−50,000| + |6,724−7,000| + |32,300−86,000|
    // + |3,241−6,000| + |45,000−60,000| = 140,260 + 123,743 + 10,027 + 33,724 + 276 + 53,700 + 2,759 + 15,000 = 379,489
    expect(pair.mean_abs_difference).toBeCloseTo(379489 / 8, 9);
    expect(agreement(load('by-nationality'), { by: 'nationality' }).numRows()).toBe(3); // 3 sources → 3 pairs
  });

  test('agreement(table, { by }) on a small table, by hand', () => {
    const table = fromRows(
      [
        row('a', 'x', exact(1)),
        row('a', 'y', exact(2)),
        row('a', 'z', exact(3)),
        row('a', 'w', exact(9)),
        row('b', 'x', exact(2)),
        row('b', 'y', exact(4)),
        row('b', 'z', exact(7)),
        row('b', 'w', dash),
      ],
      { sources },
    );
    const [pair] = agreement(table, { by: 'category' }).objects();
    // w is reported by a only: left out. x: 1,2,3 (mean 2), y: 2,4,7 (mean 13/3).
    // Σ dx·dy = (−1)(−7/3) + 0 + (1)(8/3) = 5; Σ dx² = 2; Σ dy² = (49 + 1 + 64)/9 = 114/9
    // r = 5 / √(2 · 114/9) = 15 / √228
    expect(pair).toMatchObject({ source_a: 'a', source_b: 'b', n: 3, excluded: 1, spearman: 1 });
    expect(pair!.pearson).toBeCloseTo(15 / Math.sqrt(228), 12);
    expect(pair!.mean_abs_difference).toBeCloseTo((1 + 2 + 4) / 3, 12);
  });

  test('agreement(table, { by }) gives no correlation for fewer than 2 pairs or figures that do not vary', () => {
    const one = fromRows(
      [row('a', 'x', exact(5)), row('b', 'x', exact(8)), row('b', 'y', exact(1))],
      { sources },
    );
    expect(agreement(one, { by: 'category' }).object()).toMatchObject({
      n: 1,
      excluded: 1,
      pearson: null,
      spearman: null,
      mean_abs_difference: 3,
    });
    const flat = fromRows(
      [
        row('a', 'x', exact(5)),
        row('a', 'y', exact(5)),
        row('b', 'x', exact(1)),
        row('b', 'y', exact(2)),
      ],
      { sources },
    );
    expect(agreement(flat, { by: 'category' }).object()).toMatchObject({
      n: 2,
      pearson: null,
      spearman: null,
      mean_abs_difference: 3.5,
    }); // (4 + 3) / 2
    const none = fromRows([row('a', 'x', exact(5)), row('b', 'y', exact(1))], { sources });
    expect(agreement(none, { by: 'category' }).object()).toMatchObject({
      n: 0,
      excluded: 2,
      pearson: null,
      mean_abs_difference: null,
    });
  });

  test('agreement(table, { by }) rejects a by that is not a dimension column', () => {
    expect(() => agreement(load('by-nationality'), { by: 'Nationality' })).toThrow(
      InvalidOptionError,
    );
    expect(() => agreement(load('by-nationality'), { by: 'Nationality' })).toThrow(
      /agreement: option by is 'Nationality'.*Did you mean 'nationality'\?/,
    );
  });
});
