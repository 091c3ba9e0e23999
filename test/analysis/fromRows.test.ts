import { describe, expect, test } from 'vitest';
import {
  InvalidOptionError,
  InvalidTableError,
  load,
  sources as registry,
} from '../../src/index.js';
import { compare, fromRows } from '../../src/index.js';

const good = () => ({
  source: 'kocovic',
  nationality: 'serbs',
  measure: 'deaths',
  unit: 'persons',
  value: 487000,
  low: 487000,
  high: 487000,
  qualifier: 'exact',
  label: 'Serbs',
  note: null,
});

describe('fromRows', () => {
  test('fromRows(rows) returns a table in the column order of the bundled datasets', () => {
    const table = fromRows([
      {
        note: 'my note',
        label: 'Serbs',
        qualifier: 'range',
        high: 500000,
        low: 480000,
        value: 490000,
        unit: 'persons',
        measure: 'deaths',
        nationality: 'serbs',
        source: 'kocovic',
      },
      {
        ...good(),
        nationality: 'croats',
        label: 'Croats',
        value: null,
        low: null,
        high: null,
        qualifier: 'not-reported',
        note: undefined,
      },
    ]);
    expect(table.columnNames()).toEqual([
      'source',
      'nationality',
      'measure',
      'unit',
      'value',
      'low',
      'high',
      'qualifier',
      'label',
      'note',
    ]);
    expect(table.objects()[1]).toEqual({
      source: 'kocovic',
      nationality: 'croats',
      measure: 'deaths',
      unit: 'persons',
      value: null,
      low: null,
      high: null,
      qualifier: 'not-reported',
      label: 'Croats',
      note: null,
    });
  });

  test('fromRows(bundled rows) accepts every bundled dataset, row for row', () => {
    for (const id of [
      'by-nationality',
      'ndh-croats-bosniaks',
      'military-losses',
      'total-estimates',
      'slovenia-2005',
    ] as const) {
      const rows = load(id).objects();
      expect(fromRows(rows).objects(), id).toEqual(rows);
    }
  });

  test('fromRows(rows) names the row, column, value and what was expected', () => {
    const check = (change: Record<string, unknown>, message: RegExp) => {
      const rows = [good(), { ...good(), nationality: 'croats', ...change }];
      expect(() => fromRows(rows)).toThrow(InvalidTableError);
      expect(() => fromRows(rows)).toThrow(message);
    };
    check(
      { value: '207,000' },
      /row 2, column 'value': '207,000'; expected a finite number ≥ 0, or null where not reported\./,
    );
    check(
      { value: -5, low: -5, high: -5 },
      /row 2, column 'value': -5; expected a finite number ≥ 0/,
    );
    check(
      { source: 'kocevic' },
      /row 2, column 'source': 'kocevic' is not a known source\. Did you mean 'kocovic'\? Expected one of: yu-1964, kocovic/,
    );
    check(
      { qualifier: 'aproximate' },
      /row 2, column 'qualifier': 'aproximate'; expected one of exact, approximate, at-least, at-most, range, not-reported, derived\./,
    );
    check({ unit: 'people' }, /row 2, column 'unit': 'people'; expected 'persons' or 'percent'\./);
    check(
      { measure: 'Deaths' },
      /row 2, column 'measure': 'Deaths'; expected a kebab-case measure such as 'deaths'\./,
    );
    check(
      { nationality: 'Croats' },
      /row 2, column 'nationality': 'Croats'; expected a kebab-case key/,
    );
    check(
      { label: '' },
      /row 2, column 'label': ''; expected the category in the words of the source/,
    );
    check(
      { low: 500000, high: 600000, qualifier: 'range' },
      /row 2, column 'low': 500000 is above the value 487000; expected low ≤ value\./,
    );
    check(
      { low: 400000, high: 450000, qualifier: 'range' },
      /row 2, column 'high': 450000 is below the value 487000; expected value ≤ high\./,
    );
    check(
      { low: 480000 },
      /row 2, column 'low': 480000, but the figure is exact; expected 487000, the value\./,
    );
    check(
      { qualifier: 'at-least' },
      /row 2, column 'high': 487000, but the qualifier is 'at-least'; expected an empty cell \(unbounded\)\./,
    );
    check(
      { qualifier: 'not-reported' },
      /row 2, column 'value': 487000, but the qualifier is 'not-reported'; expected an empty cell\./,
    );
    check(
      { value: null },
      /row 2, column 'value': empty, but the qualifier is 'exact'; expected a number \(or the qualifier 'not-reported'\)/,
    );
    check(
      { qualifier: 'derived' },
      /row 2, column 'note': empty, but the row is 'derived'; expected a note naming the figures/,
    );
    check(
      { nationality: 'serbs' },
      /row 2: repeats row 1 \(source 'kocovic', nationality 'serbs', measure 'deaths'\); expected one row per observation\./,
    );
  });

  test('fromRows(rows) reports every problem at once and loads nothing', () => {
    const rows = [
      good(),
      { ...good(), nationality: 'croats', value: '1', unit: 'people' },
      { ...good(), nationality: 'slovenes', source: 'me' },
    ];
    expect(() => fromRows(rows)).toThrow(
      /the table does not follow the data contract \(3 problems\); nothing was loaded:\n- row 2, column 'unit'.*\n- row 2, column 'value'.*\n- row 3, column 'source'/,
    );
  });

  test('fromRows(rows) rejects what is not a table of rows', () => {
    expect(() => fromRows([])).toThrow(/fromRows: the table has no rows; expected at least one\./);
    // @ts-expect-error not an array
    expect(() => fromRows('source,measure')).toThrow(
      /fromRows: expected an array of row objects; got 'source,measure'\./,
    );
    // @ts-expect-error not an object
    expect(() => fromRows([good(), 5])).toThrow(
      /row 2: 5; expected an object with a property per column\./,
    );
    const noNote: Record<string, unknown> = { ...good() };
    delete noNote.note;
    expect(() => fromRows([noNote])).toThrow(
      /fromRows: the table has no column 'note'; every table needs source, measure, unit, value, low, high, qualifier, label, note/,
    );
  });

  test('fromRows(rows, { sources }) takes the user source registry', () => {
    const mine = { ...good(), source: 'my-survey' };
    expect(() => fromRows([mine])).toThrow(/'my-survey' is not a known source/);
    expect(fromRows([mine], { sources: ['my-survey'] }).object()).toMatchObject({
      source: 'my-survey',
    });
    // Extending the bundled registry:
    const both = fromRows([good(), { ...mine, nationality: 'croats' }], {
      sources: [...(registry().array('id') as string[]), 'my-survey'],
    });
    expect(both.numRows()).toBe(2);
    // @ts-expect-error not a list
    expect(() => fromRows([mine], { sources: 'my-survey' })).toThrow(InvalidOptionError);
  });

  test('fromRows(rows) returns a table compare accepts', () => {
    const table = fromRows([
      good(),
      { ...good(), source: 'zerjavic', value: 530000, low: 530000, high: 530000 },
    ]);
    // 487,000 − 530,000 = −43,000
    expect(compare(table, { by: 'nationality', baseline: 'zerjavic' }).object(0)).toMatchObject({
      source: 'kocovic',
      difference: -43000,
    });
  });
});
