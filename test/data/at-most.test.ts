// The qualifier at-most ("as many as N", "up to N"; DATA-CONTRACT.md: high = the figure, low
// empty): checked on input, written as ≤N, and carried through a sum with its missing low as 0.
import { describe, expect, test } from 'vitest';
import { InvalidTableError, compare, fromCSV, fromRows, rollup, spread } from '../../src/index.js';
import { formatFigure } from '../../src/exchange/index.js';
import { qualifiers } from '../../src/data/contract.js';

const base = {
  source: 'enc-ww2-yugoslavia-text',
  measure: 'deaths',
  unit: 'persons',
  label: 'as many as 36,000',
  note: null,
};

describe('at-most', () => {
  test('is a qualifier of the contract, after at-least', () => {
    expect(qualifiers).toEqual([
      'exact',
      'approximate',
      'at-least',
      'at-most',
      'range',
      'not-reported',
      'derived',
    ]);
  });

  test('fromRows accepts value = high and an empty low', () => {
    const t = fromRows([{ ...base, value: 36000, low: null, high: 36000, qualifier: 'at-most' }]);
    expect(t.objects()[0]).toMatchObject({ value: 36000, low: null, high: 36000 });
  });

  test('fromRows rejects a low, and a high that is not the value, naming the column', () => {
    expect(() =>
      fromRows([{ ...base, value: 36000, low: 36000, high: 36000, qualifier: 'at-most' }]),
    ).toThrow(/column 'low': 36000, but the qualifier is 'at-most' .*expected an empty cell/);
    expect(() =>
      fromRows([{ ...base, value: 36000, low: null, high: 40000, qualifier: 'at-most' }]),
    ).toThrow(/column 'high': 40000, but the qualifier is 'at-most' .*expected 36000, the value/);
    expect(() =>
      fromRows([{ ...base, value: 36000.5, low: null, high: 36000.5, qualifier: 'at-most' }]),
    ).toThrow(InvalidTableError);
    // without the qualifier, an empty low is still an error
    expect(() =>
      fromRows([{ ...base, value: 36000, low: null, high: 36000, qualifier: 'approximate' }]),
    ).toThrow(/column 'low': empty/);
  });

  test('fromCSV reads an empty low as missing, never 0', () => {
    const csv =
      'source,measure,unit,value,low,high,qualifier,label,note\n' +
      'enc-ww2-yugoslavia-text,deaths,persons,36000,,36000,at-most,"as many as 36,000",\n';
    expect(fromCSV(csv).objects()[0]).toMatchObject({ low: null, high: 36000 });
  });

  test('formatFigure writes a share given in words to two decimals, keeping the data whole', () => {
    // "Approximately every sixth Serb living in the NDH": 100 / 6 = 16.666…
    const share = { value: 100 / 6, low: 100 / 6, high: 100 / 6, qualifier: 'approximate' };
    expect(formatFigure({ ...share, unit: 'percent' })).toBe('~16.67%');
    expect(formatFigure({ value: 2.5, low: 2.5, high: 2.5, qualifier: 'exact' })).toBe('2.5');
    // a figure computed here is written in full
    expect(formatFigure({ value: 1 / 3, low: 1 / 3, high: 1 / 3, qualifier: 'derived' })).toBe(
      '0.3333333333333333*',
    );
  });

  test('formatFigure writes it ≤N', () => {
    expect(formatFigure({ value: 36000, low: null, high: 36000, qualifier: 'at-most' })).toBe(
      '≤36,000',
    );
  });

  test('a sum with an at-most part: its low counts that part as 0, its high as the figure', () => {
    const t = fromRows([
      { ...base, region: 'a', value: 36000, low: null, high: 36000, qualifier: 'at-most' },
      { ...base, region: 'b', value: 1000, low: 1000, high: 1000, qualifier: 'exact', label: 'b' },
    ]);
    const [sum] = rollup(t).objects();
    // low: 0 + 1,000; high: 36,000 + 1,000; value: 36,000 + 1,000
    expect(sum).toMatchObject({ value: 37000, low: 1000, high: 37000, qualifier: 'derived' });
    expect(sum!.note).toMatch(
      /upper figures with no lower one, taken as 0 in the low: 'as many as 36,000'/,
    );
  });

  test('spread: no lowest figure where a source gives only an upper one; compare: bounds from 0', () => {
    const t = fromRows([
      {
        ...base,
        source: 'kocovic',
        region: 'a',
        value: 36000,
        low: null,
        high: 36000,
        qualifier: 'at-most',
      },
      {
        ...base,
        source: 'zerjavic',
        region: 'a',
        value: 20000,
        low: 20000,
        high: 20000,
        qualifier: 'exact',
        label: 'z',
      },
    ]);
    expect(spread(t, { by: 'region' }).object()).toMatchObject({
      min: 20000,
      max: 36000,
      low: null,
      high: 36000,
    });
    const row = compare(t, { by: 'region', baseline: 'zerjavic' })
      .objects()
      .find((r) => r.source === 'kocovic')!;
    // 0 − 20,000 to 36,000 − 20,000; ratio 0 / 20,000 to 36,000 / 20,000
    expect(row).toMatchObject({
      difference: 16000,
      difference_low: -20000,
      difference_high: 16000,
    });
    expect([row.ratio_low, row.ratio_high]).toEqual([0, 1.8]);
  });
});
