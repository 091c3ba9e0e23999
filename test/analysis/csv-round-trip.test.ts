// fromCSV(toCSV(t)) gives t back, figures included, however small or large: toCSV writes numbers
// in positional notation (the readers refuse an exponent, as the data contract says).
import { describe, expect, test } from 'vitest';
import { InvalidTableError, fromCSV, fromRows } from '../../src/index.js';
import { positional, toCSV } from '../../src/exchange/csv.js';

const table = (value: number) =>
  fromRows(
    [
      {
        source: 'a',
        measure: 'share',
        unit: 'percent',
        value,
        low: value,
        high: value,
        qualifier: 'exact',
        label: 'x',
        note: null,
      },
    ],
    { sources: ['a'] },
  );

describe('fromCSV(toCSV(t))', () => {
  // 1e-7 = 0.0000001 (six zeros after the point); 5e-324 is the smallest double above 0 (the
  // subnormal 2^-1074): 0., 323 zeros, 5; 1,700,000 and 47.5 are ordinary figures.
  const written: [number, string][] = [
    [1e-7, '0.0000001'],
    [5e-324, `0.${'0'.repeat(323)}5`],
    [1.5e-9, '0.0000000015'],
    [1700000, '1700000'],
    [47.5, '47.5'],
    [0, '0'],
    [9007199254740991, '9007199254740991'],
  ];
  test.each(written)('%d is written %s and read back as the same number', (value, text) => {
    const csv = toCSV(table(value));
    expect(csv.split('\n')[1]).toBe(`a,share,percent,${text},${text},${text},exact,x,`);
    const back = fromCSV(csv, { sources: ['a'] }).object();
    expect([back.value, back.low, back.high]).toEqual([value, value, value]);
    expect(Object.is(back.value, value)).toBe(true);
  });

  test('1e21 has no exponent either, though the contract refuses it as a figure', () => {
    // 1e21 = 1 followed by 21 zeros; 1.5e21 = 15 followed by 20 zeros; the sign stays
    expect(positional(1e21)).toBe(`1${'0'.repeat(21)}`);
    expect(positional(1.5e21)).toBe(`15${'0'.repeat(20)}`);
    expect(positional(-1e-7)).toBe('-0.0000001');
    expect(Number(positional(1e21))).toBe(1e21);
    // a figure above Number.MAX_SAFE_INTEGER is not exact, so no table holds one to write
    expect(() => table(1e21)).toThrow(InvalidTableError);
  });
});
