// fromRows and fromCSV: a valid table goes in and comes out unchanged; every breach of the data
// contract throws InvalidTableError naming the row, the column and the value.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  fromCSV,
  fromRows,
  sources,
  InvalidOptionError,
  InvalidTableError,
  type CasualtyRow,
} from '../../src/index.js';
import { toCSV } from '../../src/exchange/index.js';
import {
  anything,
  attempt,
  codeStrings,
  evilString,
  hugeString,
  prototypeNames,
  runs,
  validTable,
  quoted,
} from './arbitraries.js';

/** The row as fromRows returns it: every column present, undefined as null. */
const normalized = (row: CasualtyRow, columns: readonly string[]) =>
  Object.fromEntries(columns.map((c) => [c, Object.hasOwn(row, c) ? (row[c] ?? null) : null]));

describe('fromRows(rows) with valid rows', () => {
  test('returns the rows unchanged, with the dimensions after source', () => {
    fc.assert(
      fc.property(validTable(), ({ rows, dimensions, table }) => {
        const columns = [
          'source',
          ...dimensions,
          'measure',
          'unit',
          'value',
          'low',
          'high',
          'qualifier',
          'label',
          'note',
        ];
        expect(table.columnNames()).toEqual(columns);
        expect(table.objects()).toEqual(rows.map((r) => normalized(r, columns)));
      }),
      runs,
    );
  });

  test('fromCSV(toCSV(table)) gives the same table back (notes and labels with quotes, commas, line breaks, code)', () => {
    fc.assert(
      fc.property(validTable(), ({ table }) => {
        const back = attempt(() => fromCSV(toCSV(table, { safe: false })));
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.value.objects()).toEqual(table.objects());
      }),
      runs,
    );
  });
});

const registry = sources().array('id') as string[];

/** Breaks one cell of a valid row; says which column, and the bad value. */
const breakage = fc.oneof(
  fc.record({
    column: fc.constantFrom('value', 'low', 'high'),
    bad: fc.constantFrom<unknown>(
      NaN,
      Infinity,
      -Infinity,
      -1,
      -0.5,
      '12,000',
      '5',
      true,
      {},
      [],
      1e308,
      2 ** 60,
    ),
  }),
  fc.record({
    column: fc.constant('qualifier'),
    bad: fc
      .oneof(evilString, anything)
      .filter(
        (q) =>
          !['exact', 'approximate', 'at-least', 'range', 'not-reported', 'derived'].includes(
            q as string,
          ),
      ),
  }),
  fc.record({
    column: fc.constant('unit'),
    bad: fc.oneof(evilString, anything).filter((u) => u !== 'persons' && u !== 'percent'),
  }),
  fc.record({
    column: fc.constant('measure'),
    bad: fc.oneof(
      fc.constantFrom<unknown>(
        'Deaths',
        'killed and missing',
        '',
        ' deaths',
        ...codeStrings,
        '__proto__',
        5,
        null,
      ),
      anything.filter((m) => typeof m !== 'string'),
    ),
  }),
  fc.record({
    column: fc.constant('label'),
    bad: fc.constantFrom<unknown>('', '   ', null, undefined, 5, {}, []),
  }),
  fc.record({
    column: fc.constant('source'),
    bad: fc.oneof(evilString, anything).filter((s) => !registry.includes(s as string)),
  }),
);

describe('fromRows(rows) with one bad cell', () => {
  test('throws InvalidTableError naming the row and the column (and the value, where it is short text)', () => {
    fc.assert(
      fc.property(validTable(), fc.nat(), breakage, ({ rows }, at, { column, bad }) => {
        const i = at % rows.length;
        const broken = rows.map((r, j) => (j === i ? { ...r, [column]: bad } : r));
        const outcome = attempt(() => fromRows(broken));
        expect(outcome.ok, `${column} = ${fc.stringify(bad)}`).toBe(false);
        if (outcome.ok) return;
        expect(outcome.error).toBeInstanceOf(InvalidTableError);
        // Where the bad cell is a figure, the knock-on check may name a neighbouring figure column instead.
        const named = ['value', 'low', 'high'].includes(column)
          ? /column '(value|low|high)'/
          : new RegExp(`column '${column}'`);
        expect(outcome.error.message).toMatch(named);
        expect(outcome.error.message).toContain(`row ${i + 1}`);
        if (typeof bad === 'string' && bad.length > 0 && bad.length < 100)
          expect(outcome.error.message).toContain(quoted(bad as string));
      }),
      runs,
    );
  });

  test('low above value, or high below it, throws naming both numbers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.boolean(),
        (value, gap, lowSide) => {
          const row = {
            source: 'kocovic',
            measure: 'deaths',
            unit: 'persons',
            value,
            low: lowSide ? value + gap : value,
            high: lowSide ? value + gap : value - gap,
            qualifier: 'approximate',
            label: 'X',
            note: null,
          };
          if (!lowSide && value - gap < 0) return;
          const outcome = attempt(() => fromRows([row]));
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) {
            expect(outcome.error.message).toContain(String(value));
            expect(outcome.error.message).toContain(String(lowSide ? value + gap : value - gap));
          }
        },
      ),
      runs,
    );
  });

  test('a repeated row (same source, dimensions and measure) throws, naming both rows', () => {
    fc.assert(
      fc.property(validTable(), fc.nat(), ({ rows }, at) => {
        const i = at % rows.length;
        const outcome = attempt(() => fromRows([...rows, { ...rows[i]!, label: 'again' }]));
        expect(outcome.ok).toBe(false);
        if (!outcome.ok)
          expect(outcome.error.message).toContain(`row ${rows.length + 1}: repeats row ${i + 1}`);
      }),
      runs,
    );
  });
});

describe('fromRows(rows, options) with input that is not rows', () => {
  test('anything that is not an array of row objects throws InvalidTableError', () => {
    fc.assert(
      fc.property(fc.oneof(anything, fc.array(anything, { maxLength: 3 })), (rows) => {
        const outcome = attempt(() => fromRows(rows as object[]));
        if (outcome.ok) expect(outcome.value.numRows()).toBeGreaterThan(0);
      }),
      runs,
    );
    expect(() => fromRows([])).toThrow(/the table has no rows/);
  });

  test('an option sources that is not a list of ids throws InvalidOptionError', () => {
    fc.assert(
      fc.property(
        anything.filter(
          (s) => s !== undefined && !(Array.isArray(s) && s.every((x) => typeof x === 'string')),
        ),
        (s) => {
          const row = {
            source: 'kocovic',
            measure: 'deaths',
            unit: 'persons',
            value: 1,
            low: 1,
            high: 1,
            qualifier: 'exact',
            label: 'X',
            note: null,
          };
          const outcome = attempt(() => fromRows([row], { sources: s as string[] }));
          expect(outcome.ok).toBe(false);
          if (!outcome.ok) expect(outcome.error).toBeInstanceOf(InvalidOptionError);
        },
      ),
      runs,
    );
  });

  test('column names that objects already have: a row without them has nothing there', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...prototypeNames.filter((n) => n !== '__proto__')),
        fc.constantFrom('a', null),
        (name, key) => {
          const base = {
            source: 'kocovic',
            measure: 'deaths',
            unit: 'persons',
            value: 1,
            low: 1,
            high: 1,
            qualifier: 'exact',
            label: 'X',
            note: null,
          };
          const withIt = Object.defineProperty({ ...base }, name, { value: key, enumerable: true });
          const t = fromRows([withIt, { ...base, source: 'zerjavic' }]);
          expect(t.array(name)).toEqual([key, null]);
        },
      ),
      runs,
    );
  });
});

describe('fromCSV(text)', () => {
  test('any text at all: a table, or InvalidTableError', () => {
    const header = 'source,region,measure,unit,value,low,high,qualifier,label,note\n';
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string().map((s) => header + s),
          fc
            .array(
              fc.constantFrom(
                'kocovic',
                ',',
                '"',
                '\n',
                '\r',
                '5',
                'exact',
                'deaths',
                'persons',
                'x',
                ...codeStrings,
              ),
              { maxLength: 40 },
            )
            .map((a) => header + a.join('')),
        ),
        (text) => {
          const outcome = attempt(() => fromCSV(text));
          if (!outcome.ok) expect(outcome.error).toBeInstanceOf(InvalidTableError);
        },
      ),
      runs,
    );
  });

  test('anything that is not text throws InvalidTableError', () => {
    fc.assert(
      fc.property(
        anything.filter((x) => typeof x !== 'string'),
        (x) => {
          const outcome = attempt(() => fromCSV(x as string));
          expect(outcome.ok).toBe(false);
        },
      ),
      runs,
    );
  });

  test('a number too large to be exact (or to be finite) is rejected, not read as Infinity', () => {
    const text = (n: string) =>
      `source,measure,unit,value,low,high,qualifier,label,note\nkocovic,deaths,persons,${n},${n},${n},exact,X,\n`;
    expect(() => fromCSV(text('1' + '0'.repeat(400)))).toThrow(
      /column 'value': '1000.*expected at most 9007199254740991/,
    );
    expect(() => fromCSV(text('9007199254740993'))).toThrow(InvalidTableError);
    expect(fromCSV(text('9007199254740991')).get('value', 0)).toBe(9007199254740991);
  });

  test('a huge cell is read, and named cut short in a message', () => {
    const text = `source,measure,unit,value,low,high,qualifier,label,note\nkocovic,deaths,persons,1,1,1,${hugeString},X,\n`;
    const start = performance.now();
    expect(() => fromCSV(text)).toThrow(/column 'qualifier': 'xxxx.*… \(250002 characters\)/);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
