import { describe, expect, test } from 'vitest';
import { InvalidTableError, balance, fromRows } from '../../src/index.js';

// The figures, from the document (the encyclopedia article on World War II in Yugoslavia):
// "The demographic losses due to a 335,000 reduction in the number of births and emigration of
// about 660,000 are not included with war casualties." — "An estimate of 1.7 million war related
// deaths was later submitted ... despite it being an estimate of total demographic loss that
// covered the expected population if war did not break out, the number of unborn children, and
// losses from emigration and disease." — "A study by Vladimir Žerjavić estimates total war related
// deaths at 1,027,000." — "Statistician Bogoljub Kočović calculated that the actual war losses were
// 1,014,000." — "The total number of those killed was found to be 597,323." — "Vego cites figures
// from 900,000 to 1,000,000 dead."

describe('balance', () => {
  // Why (issue 11): "No check across tables. The documents give deaths, a births deficit and
  // emigration that together come to about 2.0 million, against a 'demographic loss' of 1.7
  // million; nothing shows it."
  test('balance() sets deaths + births deficit + emigration against the demographic loss, for each deaths estimate', () => {
    const rows = balance().objects();
    const of = (source: string) => rows.find((r) => r.deaths_source === source)!;
    // One row per source of a deaths figure in total-estimates.
    expect(rows.map((r) => r.deaths_source)).toEqual([
      'yu-1964',
      'kocovic',
      'zerjavic',
      'us-census-1954',
      'vego',
      'abarrow',
    ]);
    // The 1.7 million is given four times (Tito 1945, Vučković 1947, Kardelj, 1948); three rows
    // restate the first, so it is one loss, and there is one row per deaths figure, not four.
    // Žerjavić: 1,027,000 + 335,000 + 660,000 = 2,022,000; 2,022,000 − 1,700,000 = +322,000.
    expect(of('zerjavic')).toMatchObject({
      deaths_kind: 'demographic-estimate',
      deaths: 1027000,
      births_deficit: 335000,
      births_deficit_source: 'enc-ww2-yugoslavia-text',
      emigration: 660000,
      emigration_qualifier: 'approximate',
      emigration_source: 'enc-ww2-yugoslavia-text',
      parts: 2022000,
      loss: 1700000,
      loss_source: 'yu-official',
      approximate: true,
      gap: 322000,
    });
    // Intervals from how the sources rounded (precision): 1,027,000 to the thousand → 1,026,500–
    // 1,027,500; "about 660,000" to the ten thousand → 655,000–665,000; "1.7 million" to the
    // hundred thousand → 1,650,000–1,750,000. Parts 2,016,500–2,027,500;
    // gap 2,016,500 − 1,750,000 = 266,500 to 2,027,500 − 1,650,000 = 377,500.
    expect(of('zerjavic')).toMatchObject({
      deaths_low: 1026500,
      deaths_high: 1027500,
      emigration_low: 655000,
      emigration_high: 665000,
      loss_low: 1650000,
      loss_high: 1750000,
      parts_low: 2016500,
      parts_high: 2027500,
      gap_low: 266500,
      gap_high: 377500,
    });
    // Kočović: 1,014,000 + 335,000 + 660,000 = 2,009,000; gap +309,000
    // (2,003,500 − 1,750,000 = 253,500 to 2,014,500 − 1,650,000 = 364,500).
    expect(of('kocovic')).toMatchObject({
      parts: 2009000,
      gap: 309000,
      gap_low: 253500,
      gap_high: 364500,
    });
    // The 1964 list (a named list, given to the unit): 597,323 + 995,000 = 1,592,323; gap −107,677
    // (1,587,323 − 1,750,000 = −162,677 to 1,597,323 − 1,650,000 = −52,677).
    expect(of('yu-1964')).toMatchObject({
      deaths_kind: 'named-list',
      parts: 1592323,
      gap: -107677,
      gap_low: -162677,
      gap_high: -52677,
    });
    // Vego's range carries through: 900,000–1,000,000 + 335,000 + 655,000–665,000 =
    // 1,890,000–2,000,000; the gap 140,000–350,000 around the midpoint's 245,000.
    expect(of('vego')).toMatchObject({
      deaths: 950000,
      deaths_low: 900000,
      deaths_high: 1000000,
      parts_low: 1890000,
      parts_high: 2000000,
      gap: 245000,
      gap_low: 140000,
      gap_high: 350000,
    });
  });

  const figure = (source: string, measure: string, value: number | null, extra: object = {}) => ({
    source,
    measure,
    unit: 'persons',
    value,
    low: value,
    high: value,
    qualifier: value === null ? 'not-reported' : 'exact',
    label: `${measure} (${source})`,
    note: null,
    ...extra,
  });

  test('balance({ table }) uses a source’s own births deficit and emigration, else the one the table gives', () => {
    const table = fromRows(
      [
        figure('a', 'demographic-loss', 1700000),
        figure('b', 'deaths', 900000),
        figure('b', 'births-deficit', 300000),
        figure('b', 'emigration', 600000),
        figure('c', 'emigration', 660000),
      ],
      { sources: ['a', 'b', 'c'] },
    );
    // b gives its own births deficit and emigration: 900,000 + 300,000 + 600,000 = 1,800,000; gap +100,000.
    const rows = balance({ table }).objects();
    expect(rows.find((r) => r.deaths_source === 'b')).toMatchObject({
      births_deficit_source: 'b',
      emigration_source: 'b',
      parts: 1800000,
      gap: 100000,
    });
    // Deaths from a, which gives neither: the table's one births deficit (b's) will do, but it
    // gives two emigrations, and neither is a's.
    const withA = fromRows([...table.objects(), figure('a', 'deaths', 1000000)], {
      sources: ['a', 'b', 'c'],
    });
    expect(() => balance({ table: withA })).toThrow(InvalidTableError);
    expect(() => balance({ table: withA })).toThrow(
      /balance: for the deaths of a, the table gives 2 emigration figures \('emigration \(b\)' \(b\), 'emigration \(c\)' \(c\)\); expected one from the same source, or one in all\./,
    );
    // Without c's emigration, b's is the one in all: a 1,000,000 + 300,000 + 600,000 = 1,900,000.
    const single = withA.filter((d) => d.source !== 'c');
    expect(
      balance({ table: single })
        .objects()
        .find((r) => r.deaths_source === 'a'),
    ).toMatchObject({
      births_deficit_source: 'b',
      emigration_source: 'b',
      parts: 1900000,
      gap: 200000,
    });
  });

  test('balance({ table }) refuses a part that is not reported, and a table without one of the four measures', () => {
    const rows = [
      figure('a', 'demographic-loss', 1700000),
      figure('a', 'deaths', 1000000),
      figure('a', 'births-deficit', null),
      figure('a', 'emigration', 600000),
    ];
    expect(() => balance({ table: fromRows(rows, { sources: ['a'] }) })).toThrow(
      /'births-deficit \(a\)' \(a, births-deficit\) is not reported; a balance needs every part/,
    );
    expect(() => balance({ table: fromRows(rows.slice(0, 2), { sources: ['a'] }) })).toThrow(
      /balance: the table has no row of measure 'births-deficit'; expected rows of demographic-loss, deaths, births-deficit and emigration \(it has demographic-loss, deaths\)/,
    );
    // @ts-expect-error options must be an object
    expect(() => balance('total-estimates')).toThrow(/balance: options is 'total-estimates'/);
  });
});
