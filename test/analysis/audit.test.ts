import { describe, expect, test } from 'vitest';
import { InvalidOptionError, InvalidTableError, load, statedTotals } from '../../src/index.js';
import { audit, fromRows } from '../../src/index.js';
import { figure } from '../../src/analysis/audit.js';
import { atLeast, dash, exact, row, sources } from './fixtures.js';

const find = (
  dataset: string,
  source: string,
  extra: (r: { scope: string | null; measure: string }) => boolean = () => true,
) =>
  audit()
    .objects()
    .filter((r) => r.dataset === dataset && r.source === source && extra(r));

describe('audit', () => {
  test('audit() checks every stated total of the bundled data', () => {
    const result = audit();
    expect(result.numRows()).toBe(statedTotals().numRows()); // 25: 19 stated, 6 wholes given only in parts
    expect(result.columnNames()).toEqual(
      expect.arrayContaining([
        'dataset',
        'source',
        'measure',
        'parts',
        'stated',
        'difference',
        'rounding',
        'check',
        'consistent',
        'reason',
      ]),
    );
  });

  test('audit() finds the two published tables that do not add up, with both numbers', () => {
    const findings = audit()
      .objects()
      .filter((r) => r.check === 'inconsistent')
      .map((r) => [r.dataset, r.source, r.measure, r.parts, r.stated, r.difference, r.rounding]);
    expect(findings).toEqual([
      // 177,045 + 194,749 + 19,076 + 16,903 + 40,791 + 97,728 + 7,927 + 41,370 + 1,744 = 597,333: exact, no rounding
      ['by-location-1964', 'yu-1964', 'deaths', 597333, 597323, 10, 0],
      // 316,000 + 273,000 + 271,000 + 33,000 + 27,000 + 17,000 + 80,000 = 1,017,000; rounding to the
      // thousand moves 7 parts and the total by at most 8 × 500 = 4,000, less than the 10,000 gap.
      ['by-republic-zerjavic', 'zerjavic', 'deaths', 1017000, 1027000, -10000, 4000],
    ]);
  });

  test('audit() calls the 1964 list by nationality undetermined: its four dashes could hold the 1,030', () => {
    // 346,740 + 83,257 + 42,027 + 16,276 + 6,724 + 32,300 + 3,241 + 45,000 + 2,680 + 1,160 + 686 + 16,202 = 596,293;
    // 597,323 − 596,293 = 1,030; dashes: Other Slavs, Gypsies, Germans, Others.
    expect(find('by-nationality', 'yu-1964')[0]).toMatchObject({
      rows: 16,
      not_reported: 4,
      parts: 596293,
      parts_high: null,
      stated: 597323,
      difference: -1030,
      check: 'undetermined',
      consistent: null,
      reason:
        'the parts reported come to 596,293, 1,030 short of the stated 597,323; the 4 parts not reported (a dash) could hold the difference',
    });
  });

  test('audit(table, { totals }): parts 500 and a dash against a stated 600 is undetermined, not inconsistent', () => {
    const table = fromRows([row('a', 'x', exact(500)), row('a', 'y', dash)], { sources });
    const [r] = audit(table, {
      totals: [{ source: 'a', scope: null, measure: 'deaths', parts: null, value: 600 }],
    }).objects();
    expect(r).toMatchObject({ parts: 500, parts_high: null, check: 'undetermined' });
    expect(r!.reason).toMatch(
      /100 short of the stated 600; the part not reported \(a dash\) could hold/,
    );
    // Without the dash the same shortfall is inconsistent; above the total, a dash cannot help.
    const noDash = fromRows([row('a', 'x', exact(500))], { sources });
    expect(
      audit(noDash, {
        totals: [{ source: 'a', scope: null, measure: 'deaths', parts: null, value: 600 }],
      }).get('check', 0),
    ).toBe('inconsistent');
    expect(
      audit(table, {
        totals: [{ source: 'a', scope: null, measure: 'deaths', parts: null, value: 400 }],
      }).get('check', 0),
    ).toBe('inconsistent');
  });

  test('audit(table, { totals }) allows for rounding before it calls a difference inconsistent', () => {
    // Approximate parts "about 316,000" and "about 273,000" (rounded to the thousand) against
    // "about 590,000" (to the ten thousand): 589,000 is 1,000 short, within 500 + 500 + 5,000.
    const table = fromRows(
      [
        { ...row('a', 'x', { ...exact(316000), qualifier: 'approximate' }), precision: 1000 },
        { ...row('a', 'y', { ...exact(273000), qualifier: 'approximate' }), precision: 1000 },
      ],
      { sources },
    );
    const total = { source: 'a', scope: null, measure: 'deaths', parts: null, value: 590000 };
    expect(audit(table, { totals: [{ ...total, precision: 10000 }] }).object()).toMatchObject({
      parts: 589000,
      difference: -1000,
      rounding: 6000,
      check: 'consistent',
    });
    // Without the precision of the figures, the same 1,000 is an inconsistency.
    const bare = fromRows(
      [
        row('a', 'x', { ...exact(316000), qualifier: 'approximate' }),
        row('a', 'y', { ...exact(273000), qualifier: 'approximate' }),
      ],
      { sources },
    );
    expect(audit(bare, { totals: [total] }).get('check', 0)).toBe('inconsistent');
  });

  test('audit() finds every other table consistent, each sum checked by hand', () => {
    const parts = (
      dataset: string,
      source: string,
      extra?: (r: { scope: string | null; measure: string }) => boolean,
    ) => find(dataset, source, extra).map((r) => [r.parts, r.stated, r.consistent]);
    // 487 + 207 + 32 + 50 + 7 + 86 + 12 + 6 + 60 + 27 + 26 + 14 = 1,014 thousand
    expect(parts('by-nationality', 'kocovic')).toEqual([[1014000, 1014000, true]]);
    expect(find('by-nationality', 'kocovic')[0]!.reason).toBe(
      'the parts add up to the stated total; the 4 parts not reported (a dash) must then hold little or nothing',
    );
    // 530 + 192 + 42 + 20 + 6 + 103 + 7 + 18 + 57 + 18 + 28 + 6 = 1,027 thousand
    expect(parts('by-nationality', 'zerjavic')).toEqual([[1027000, 1027000, true]]);
    // 49,242 + 106,220 + 32,374 + 14,136 + 101,929 + 123,818 + 13,960 + 65,957 + 2,213 = 509,849
    expect(parts('by-location-1964', 'yu-1964', (r) => r.measure === 'survived')).toEqual([
      [509849, 509849, true],
    ]);
    // 237,000 + 209,000 + 581,000 = 1,027,000; A'Barrow 446,000 + 514,000 = 960,000
    expect(parts('by-status', 'zerjavic')).toEqual([[1027000, 1027000, true]]);
    expect(parts('by-status', 'abarrow')).toEqual([[960000, 960000, true]]);
    // Croats abroad 4,000 + 10,000 = 14,000; Bosniaks abroad 1,000 + 2,000 = 3,000
    expect(parts('ndh-croats-bosniaks', 'zerjavic', (r) => r.scope!.includes('abroad'))).toEqual([
      [14000, 14000, true],
      [3000, 3000, true],
    ]);
    // Ustaše 17 + 7 = 24; Partisans 14 + 2 = 16; German forces 7 + 4 = 11; Italian forces 5 + 3 = 8; abroad 10 + 2 = 12 (thousand)
    expect(
      parts(
        'ndh-civilians-by-perpetrator',
        'zerjavic',
        (r) => r.scope !== 'perpetrator=chetniks' && r.scope !== 'region=ndh',
      ),
    ).toEqual([
      [24000, 24000, true],
      [16000, 16000, true],
      [11000, 11000, true],
      [8000, 8000, true],
      [12000, 12000, true],
    ]);
    // Italians: 9,065 killed + 15,160 wounded + 6,306 missing = 30,531
    expect(parts('military-losses', 'enc-ww2-yugoslavia-text')).toEqual([[30531, 30531, true]]);
    // Italians by region: 12,394 + 10,472 + 4,999 + 1,773 + 893 = 30,531
    expect(parts('italian-by-region', 'enc-ww2-yugoslavia-text')).toEqual([[30531, 30531, true]]);
    // Soviets: 4,350 killed and missing + 14,488 wounded or sick = 18,838
    expect(parts('belgrade-offensive', 'enc-belgrade-offensive-infobox')).toEqual([
      [18838, 18838, true],
    ]);
  });

  test('audit() counts lower bounds as consistent with any total at or above their sum', () => {
    // Chetniks: 18,000+ Croats and 20,000+ Bosniaks: 38,000 or more, against 41,000.
    const [chetniks] = find(
      'ndh-civilians-by-perpetrator',
      'zerjavic',
      (r) => r.scope === 'perpetrator=chetniks',
    );
    expect(chetniks).toMatchObject({
      parts: 38000,
      parts_low: 38000,
      parts_high: null,
      stated: 41000,
      difference: -3000,
      consistent: true,
    });
  });

  test('audit(table, { totals }) checks a user table against user totals, interval-aware', () => {
    const table = fromRows(
      [
        row('a', 'x', atLeast(100)),
        row('a', 'y', exact(50)),
        row('b', 'x', exact(70)),
        row('b', 'y', exact(80)),
      ],
      { sources },
    );
    const result = audit(table, {
      totals: [
        { source: 'a', scope: null, measure: 'deaths', parts: null, value: 200 }, // 150+ ≤ 200: consistent
        { source: 'a', scope: null, measure: 'deaths', parts: null, value: 140 }, // 150+ > 140: not
        { source: 'a', scope: null, measure: 'deaths', parts: null, value: 150 }, // a third time: 150+ ≤ 150
        {
          source: 'b',
          scope: null,
          measure: 'deaths',
          parts: null,
          value: 150,
          low: 140,
          high: 160,
        }, // 70 + 80 = 150 in 140–160
        { source: 'b', scope: 'category=x', measure: 'deaths', parts: null, value: 69 }, // 70 ≠ 69
      ],
    }).objects();
    expect(
      result.map((r) => [r.parts, r.parts_high, r.stated, r.difference, r.consistent, r.rows]),
    ).toEqual([
      [150, null, 200, -50, true, 2],
      [150, null, 140, 10, false, 2],
      [150, null, 150, 0, true, 2],
      [150, 150, 150, 0, true, 2],
      [70, 70, 69, 1, false, 1],
    ]);
  });

  test('audit(table, { totals }) adds the rows of several measures (parts), within a scope', () => {
    const table = fromRows(
      [
        row('a', 'y', exact(50)),
        { ...row('a', 'y', exact(7)), measure: 'missing' },
        row('a', 'x', exact(100)),
        { ...row('a', 'x', exact(30)), measure: 'missing' },
      ],
      { sources },
    );
    const total = { source: 'a', measure: 'losses', parts: 'deaths|missing' };
    const result = audit(table, {
      totals: [
        { ...total, scope: 'category=x', value: 130 }, // 100 + 30
        { ...total, scope: null, value: 190 }, // 100 + 30 + 50 + 7 = 187
      ],
    }).objects();
    expect(result.map((r) => [r.rows, r.parts, r.difference, r.check])).toEqual([
      [2, 130, 0, 'consistent'],
      [4, 187, -3, 'inconsistent'],
    ]);
  });

  test('audit(table, { dataset }) checks a table against the bundled totals of that dataset', () => {
    const result = audit(load('by-republic-zerjavic'), {
      dataset: 'by-republic-zerjavic',
    }).objects();
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      parts: 1017000,
      stated: 1027000,
      difference: -10000,
      consistent: false,
    });
    // A corrected copy (a user's hypothetical: 'killed abroad' 90,000) adds up: 1,017,000 − 80,000 + 90,000 = 1,027,000.
    const corrected = load('by-republic-zerjavic')
      .objects()
      .map((r) => (r.region === 'abroad' ? { ...r, value: 90000, low: 90000, high: 90000 } : r));
    expect(audit(fromRows(corrected), { dataset: 'by-republic-zerjavic' }).object()).toMatchObject({
      parts: 1027000,
      consistent: true,
    });
  });

  test('audit(table, options) rejects what it cannot check', () => {
    expect(() => audit(load('by-nationality'))).toThrow(InvalidOptionError);
    expect(() => audit(load('by-nationality'))).toThrow(
      /a table was given without the option dataset or totals; expected \{ dataset \} \(one of: by-nationality, by-location-1964/,
    );
    // @ts-expect-error not a dataset id
    expect(() => audit(load('by-nationality'), { dataset: 'by-nationalty' })).toThrow(
      /option dataset is 'by-nationalty'.*Did you mean 'by-nationality'\?/,
    );
    expect(() => audit(load('total-estimates'), { dataset: 'total-estimates' })).toThrow(
      /the dataset 'total-estimates' has no stated total; datasets with one: by-nationality/,
    );
    const table = fromRows([row('a', 'x', exact(1))], { sources });
    expect(() =>
      audit(table, {
        totals: [{ source: 'a', scope: 'region=x', measure: 'deaths', parts: null, value: 1 }],
      }),
    ).toThrow(InvalidTableError);
    expect(() =>
      audit(table, {
        totals: [{ source: 'a', scope: 'region=x', measure: 'deaths', parts: null, value: 1 }],
      }),
    ).toThrow(/scope 'region=x', but 'region=x' names no column of the table/);
    expect(() =>
      audit(table, {
        totals: [{ source: 'b', scope: null, measure: 'deaths', parts: null, value: 1 }],
      }),
    ).toThrow(/no row of the table matches the stated total 1 \(source 'b', measure deaths\)/);
    expect(() =>
      audit(table, {
        // @ts-expect-error value must be a number
        totals: [{ source: 'a', scope: null, measure: 'deaths', parts: null, value: '1' }],
      }),
    ).toThrow(/stated total 1, field 'value': '1'; expected the stated total, a number/);
    expect(() => audit(table, { dataset: 'by-nationality', totals: [] })).toThrow(
      /both options dataset and totals were given/,
    );
  });

  test('audit() sums a whole the source gives only in parts, and leaves it undetermined', () => {
    const whole = (id: string) =>
      audit()
        .objects()
        .find((r) => r.id === id)!;
    // Serbs in the NDH: 82,000 + 23,000 + 20,000 (Sajmište, "a further") + the civilians
    // 78,000 + 45,000 + 15,000 + 34,000 + 25,000 = 197,000; together 322,000.
    expect(whole('ndh-serbs-zerjavic-civilians')).toMatchObject({ parts: 197000, rows: 5 });
    expect(whole('ndh-serbs-zerjavic')).toMatchObject({
      rows: 4,
      parts: 322000,
      stated: null,
      difference: null,
      check: 'undetermined',
      reason: 'the source states no total; its parts come to 322,000',
    });
    // Croats: 69–71,000 + 43–46,000 + 60–64,000 in the NDH and "a further 14,000" abroad:
    // 186,000–195,000 (the midpoints 70,000 + 44,500 + 62,000 + 14,000 = 190,500).
    expect(whole('ndh-croats-zerjavic')).toMatchObject({
      parts: 190500,
      parts_low: 186000,
      parts_high: 195000,
      reason: 'the source states no total; its parts come to 186,000–195,000',
    });
    // Civilians in the NDH: the five perpetrators' totals 41 + 24 + 16 + 11 + 8 = 100 thousand;
    // the 12,000 who died abroad are not among them.
    expect(whole('ndh-civilians-in-ndh')).toMatchObject({ rows: 5, parts: 100000 });
  });

  test('audit(table, { totals }) follows part_of to a user total with an id, and its smaller totals', () => {
    // A whole 'w' of 100 with a part x = 30 and a smaller total 'v' (stated 70) made of y = 40, z = 30.
    const totals = [
      { id: 'w', source: 'a', scope: null, measure: 'deaths', parts: null, value: 100 },
      {
        id: 'v',
        part_of: 'w',
        source: 'a',
        scope: null,
        measure: 'deaths',
        parts: null,
        value: 70,
      },
    ];
    const table = fromRows(
      [
        { ...row('a', 'x', exact(30)), part_of: 'w' },
        { ...row('a', 'y', exact(40)), part_of: 'v' },
        { ...row('a', 'z', exact(30)), part_of: 'v' },
      ],
      { sources, totals },
    );
    const result = audit(table, { totals }).objects();
    // w: 30 + 70 (v as stated) = 100; v: 40 + 30 = 70. The scope (every row of 'a') is not used.
    expect(result.map((r) => [r.id, r.rows, r.parts, r.check])).toEqual([
      ['w', 2, 100, 'consistent'],
      ['v', 2, 70, 'consistent'],
    ]);
  });
});

describe("audit's figures in words", () => {
  test('are written as Intl.NumberFormat en-US writes them, whole counts by hand included', () => {
    const intl = new Intl.NumberFormat('en-US');
    const edges = [0, -0, 1, 9, 10, 999, 1000, 1001, 99999, 100000, 597323, 1027000];
    const more = [2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, -1, -1234567, 0.5, 1234.5678, 1e-7];
    const random = Array.from({ length: 2000 }, (_, i) =>
      Math.floor((((i * 7919) % 1000) / 1000) * 10 ** (1 + (i % 16))),
    );
    for (const n of [...edges, ...more, ...random, NaN, Infinity])
      expect(figure(n)).toBe(intl.format(n));
    // the grouping itself, independent of Intl
    expect([
      figure(0),
      figure(999),
      figure(1000),
      figure(1234567),
      figure(9007199254740991),
    ]).toEqual(['0', '999', '1,000', '1,234,567', '9,007,199,254,740,991']);
  });
});
