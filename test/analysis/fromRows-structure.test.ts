// fromRows/fromCSV check a user's structure columns and the README's qualifier rules.
import { describe, expect, test } from 'vitest';
import { InvalidOptionError, InvalidTableError, fromCSV, fromRows } from '../../src/index.js';

const base = {
  source: 'kocovic',
  measure: 'deaths',
  unit: 'persons',
  qualifier: 'exact',
  note: null,
};
const fig = (v: number) => ({ value: v, low: v, high: v });
/** A whole of 100 and two parts of it, structured as the bundled data are. */
const table = () => [
  { ...base, id: 'all', region: null, ...fig(100), label: 'All', subset_of: null },
  { ...base, id: 'a', region: 'a', ...fig(60), label: 'A', subset_of: 'all' },
  { ...base, id: 'b', region: 'b', ...fig(40), label: 'B', subset_of: 'all' },
];

describe('fromRows(rows) checks the structure columns', () => {
  test('keeps a well-formed structure, id first and the structure columns last', () => {
    const t = fromRows(table());
    expect(t.columnNames()).toEqual([
      'id',
      'source',
      'region',
      'measure',
      'unit',
      'value',
      'low',
      'high',
      'qualifier',
      'label',
      'note',
      'subset_of',
    ]);
    expect(t.array('subset_of')).toEqual([null, 'all', 'all']);
  });

  test('a part of an unknown total', () => {
    const rows = [{ ...table()[1]!, subset_of: null, part_of: 'by-nationality-kocovik' }];
    expect(() => fromRows(rows)).toThrow(InvalidTableError);
    expect(() => fromRows(rows)).toThrow(
      /row 1, column 'part_of': 'by-nationality-kocovik' is not a stated total, so the row would be a part of an unknown whole\. Did you mean 'by-nationality-kocovic'\?/,
    );
    // A bundled stated total, or one of the user's own (option totals), is known.
    const bundled = [{ ...rows[0]!, part_of: 'by-nationality-kocovic' }];
    expect(fromRows(bundled).get('part_of', 0)).toBe('by-nationality-kocovic');
    const own = [{ ...rows[0]!, part_of: 'my-total' }];
    expect(fromRows(own, { totals: [{ id: 'my-total', value: 100 }] }).get('part_of', 0)).toBe(
      'my-total',
    );
  });

  test('a circle of subsets, and a row that is a subset of itself', () => {
    const circle = table();
    circle[0]!.subset_of = 'b';
    expect(() => fromRows(circle)).toThrow(
      /row 1: subset_of and restates go round in a circle \('all' → 'b' → 'all'\)/,
    );
    const self = table();
    self[1]!.subset_of = 'a';
    expect(() => fromRows(self)).toThrow(/row 2, column 'subset_of': 'a' is the row itself/);
  });

  test('a subset larger than its whole', () => {
    const rows = table();
    rows[1] = { ...rows[1]!, ...fig(160) };
    expect(() => fromRows(rows)).toThrow(
      /row 2, column 'subset_of': this row's figure \(at least 160\) is larger than its whole 'all' \(row 1, at most 100\)/,
    );
    // At least 120 within a whole of about 100–150 is possible: no error.
    const range: Record<string, unknown>[] = table();
    range[0] = { ...range[0]!, value: 125, low: 100, high: 150, qualifier: 'range', note: 'mid' };
    range[1] = { ...range[1]!, value: 120, low: 120, high: null, qualifier: 'at-least' };
    expect(fromRows(range).numRows()).toBe(3);
  });

  test('restating a missing row, or restating a different figure', () => {
    const missing = table();
    (missing[2] as Record<string, unknown>).restates = 'al';
    missing[2]!.subset_of = null;
    expect(() => fromRows(missing)).toThrow(
      /row 3, column 'restates': 'al' is the id of no row of the table\. Did you mean 'all'\?/,
    );
    const different = table();
    (different[2] as Record<string, unknown>).restates = 'a';
    different[2]!.subset_of = null;
    expect(() => fromRows(different)).toThrow(
      /row 3, column 'restates': 'a' \(row 2\) is 60, this row 40; expected the same figure/,
    );
    // "1.7 million" (rounded to the 100,000) restated as 1,700,000: the same figure.
    const million = [
      {
        ...base,
        id: 'm1',
        ...fig(1700000),
        label: '1.7 million',
        precision: 100000,
        restates: null,
      },
      {
        ...base,
        id: 'm2',
        measure: 'losses',
        ...fig(1700000),
        label: '1,700,000',
        precision: null,
        restates: 'm1',
      },
    ];
    expect(fromRows(million).numRows()).toBe(2);
  });

  test('ids: unique, and needed to name rows', () => {
    const twice = table();
    twice[2]!.id = 'a';
    twice[2]!.subset_of = null;
    expect(() => fromRows(twice)).toThrow(
      /row 3, column 'id': 'a' is also the id of row 2; expected an id unique in the table/,
    );
    const noIds = table().map((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'id')),
    );
    expect(() => fromRows(noIds)).toThrow(
      /row 2, column 'subset_of': 'all', but the table has no column 'id' to name rows by/,
    );
  });

  test('fromCSV(text) checks the same, naming the line', () => {
    const csv =
      'id,source,region,measure,unit,value,low,high,qualifier,label,note,subset_of,precision\n' +
      'all,kocovic,,deaths,persons,100,100,100,exact,All,,,\n' +
      'a,kocovic,a,deaths,persons,160,160,160,exact,A,,all,10\n';
    expect(() => fromCSV(csv)).toThrow(
      /row 2 \(line 3\), column 'subset_of': this row's figure \(at least 160\) is larger than its whole 'all'/,
    );
    expect(fromCSV(csv.replace(',160,160,160,', ',60,60,60,')).get('precision', 1)).toBe(10);
  });

  test('user totals that go round in a circle are refused', () => {
    const rows = [{ ...table()[1]!, subset_of: null, part_of: 'x' }];
    expect(() =>
      fromRows(rows, {
        totals: [
          { id: 'x', part_of: 'y' },
          { id: 'y', part_of: 'x' },
        ],
      }),
    ).toThrow(InvalidOptionError);
    expect(() =>
      fromRows(rows, {
        totals: [
          { id: 'x', part_of: 'y' },
          { id: 'y', part_of: 'x' },
        ],
      }),
    ).toThrow(/the stated totals' part_of go round in a circle: x → y → x/);
  });
});

describe('fromRows(rows) enforces the qualifier rules of the README', () => {
  const row = (figure: object) => [{ ...base, label: 'X', ...figure }];

  test('a range’s value is its midpoint', () => {
    // 69–71,000: the midpoint is (69,000 + 71,000) / 2 = 70,000.
    expect(
      fromRows(row({ value: 70000, low: 69000, high: 71000, qualifier: 'range' })).get('value', 0),
    ).toBe(70000);
    expect(() =>
      fromRows(row({ value: 69500, low: 69000, high: 71000, qualifier: 'range' })),
    ).toThrow(
      /row 1, column 'value': 69500, but a range's value is its midpoint; expected 70000, the midpoint of 69000–71000/,
    );
    // 43–46,000 has the midpoint 44,500; a range of 1–2 persons the midpoint 1.5 (not a count).
    expect(fromRows(row({ value: 1.5, low: 1, high: 2, qualifier: 'range' })).get('value', 0)).toBe(
      1.5,
    );
  });

  test('exact and approximate figures have low = value = high', () => {
    expect(() =>
      fromRows(row({ value: 850000, low: 800000, high: 900000, qualifier: 'approximate' })),
    ).toThrow(
      /row 1, column 'low': 800000, but the figure is approximate \("about"\), which gives no interval; expected 850000/,
    );
    expect(() => fromRows(row({ value: 10, low: 10, high: 12, qualifier: 'exact' }))).toThrow(
      /row 1, column 'high': 12, but the figure is exact; expected 10/,
    );
  });

  test('an at-least figure has low = value and no high', () => {
    expect(() =>
      fromRows(row({ value: 3000, low: 2000, high: null, qualifier: 'at-least' })),
    ).toThrow(
      /row 1, column 'low': 2000, but the qualifier is 'at-least' \("over 3000"\); expected 3000, the value/,
    );
    expect(() =>
      fromRows(row({ value: 3000, low: 3000, high: 4000, qualifier: 'at-least' })),
    ).toThrow(
      /row 1, column 'high': 4000, but the qualifier is 'at-least'; expected an empty cell/,
    );
  });

  test('counts of persons are whole numbers; percentages need not be', () => {
    expect(() => fromRows(row({ value: 12.5, low: 12.5, high: 12.5 }))).toThrow(
      /row 1, column 'value': 12\.5, but a count of persons is a whole number/,
    );
    expect(
      fromRows(row({ unit: 'percent', value: 12.5, low: 12.5, high: 12.5 })).get('value', 0),
    ).toBe(12.5);
  });
});
