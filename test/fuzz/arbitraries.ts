// Generators and checks shared by the fuzz tests: bad input of every kind, and valid tables in
// the shape of the data contract (built only through fromRows, so that they are what a user gets).
import { table as arqueroTable } from 'arquero';
import type { ColumnTable } from 'arquero';
import fc from 'fast-check';
import { afterEach, expect } from 'vitest';
import { CasualtiesError, fromRows, type CasualtyRow, type Qualifier } from '../../src/index.js';

/** Runs per property: modest, so that the whole fuzz suite stays well under 20 s on 2 cores. */
export const runs = { numRuns: 200 } as const;
export const fewRuns = { numRuns: 80 } as const;

/** Strings that would do something if anything evaluated them, as Arquero or as JavaScript. */
export const codeStrings = [
  'd => globalThis.pwned = 1',
  'd => (globalThis.pwned = 1)',
  '() => { globalThis.pwned = 1 }',
  'op.sum(d.value)',
  'd => op.sum(d.value)',
  'process.exit(1)',
  'globalThis.pwned = 1',
  "'); globalThis.pwned = 1; ('",
  '"]; globalThis.pwned = 1; ["',
  '${globalThis.pwned = 1}',
  '<script>globalThis.pwned = 1</script>',
  '=HYPERLINK("http://x")',
  '+1',
  '-1',
  '@SUM(A1)',
] as const;

/** Names that an object already has, or that change it when assigned. */
export const prototypeNames = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'prototype',
  '__defineGetter__',
] as const;

/** A string that is very long (a quarter of a million characters). */
export const hugeString = 'x'.repeat(250_000);

/** Any string a user might pass where a name or id is expected. */
export const evilString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    ...codeStrings,
    ...prototypeNames,
    '',
    ' ',
    'NaN',
    'Infinity',
    '1e309',
    '\u0000',
    '\\',
    '"',
    "'",
    ',',
    '\n',
    hugeString,
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** Any value at all: wrong types, special numbers, evil strings, table-like impostors. */
export const anything: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    maxDepth: 2,
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
  }),
  fc.constantFrom(
    NaN,
    Infinity,
    -Infinity,
    -1,
    -0,
    1e308,
    Number.MAX_VALUE,
    0.1,
    10n,
    Symbol('s'),
    () => 1,
    [],
    {},
    null,
    undefined,
    true,
    new Date(0),
  ),
  evilString,
  fc.constant({ objects: () => [], columnNames: () => [] }),
  fc.constant({ objects: () => 'not rows', columnNames: () => ['source'] }),
);

/** Fails unless `globalThis.pwned` is still unset: no user string was ever evaluated. */
export function expectNotEvaluated(): void {
  expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
}
afterEach(expectNotEvaluated);

/** The outcome of a call: what it returned, or the package error it threw. Any other exception fails the property. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: CasualtiesError };

/**
 * Calls `f` under the error contract: it may return, or throw an instance of the package's
 * CasualtiesError; anything else (a TypeError, a RangeError, an Arquero error) fails, naming it.
 */
export function attempt<T>(f: () => T): Outcome<T> {
  let outcome: Outcome<T>;
  try {
    outcome = { ok: true, value: f() };
  } catch (error) {
    if (!(error instanceof CasualtiesError)) {
      throw new Error(
        `expected a CasualtiesError or a result; got ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`,
        { cause: error },
      );
    }
    expect(error.message.length).toBeGreaterThan(0);
    outcome = { ok: false, error };
  }
  expectNotEvaluated();
  return outcome;
}

/** Fails unless every number in a table (or row list) is finite: no NaN or Infinity slips out. */
export function expectFiniteNumbers(result: unknown): void {
  const rows = isTable(result) ? (result.objects() as Record<string, unknown>[]) : [];
  for (const row of rows) {
    for (const [column, v] of Object.entries(row)) {
      if (typeof v === 'number') expect(Number.isFinite(v), `column ${column}: ${v}`).toBe(true);
    }
  }
}

export function isTable(x: unknown): x is ColumnTable {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ColumnTable).objects === 'function' &&
    typeof (x as ColumnTable).columnNames === 'function'
  );
}

// --- Valid tables ---------------------------------------------------------------------------

/** Source ids of the bundled registry used by the generated tables. */
export const someSources = ['yu-1964', 'kocovic', 'zerjavic', 'vego', 'goldstein'] as const;

/** Dimension column names, including ones that an object already has. */
export const dimensionNames = [
  'region',
  'nationality',
  'constructor',
  'toString',
  'valueOf',
  'status',
] as const;

/** Keys a dimension may hold: kebab-case, some of them the names of Object.prototype's members. */
export const keyValue = fc.constantFrom(
  'serbia',
  'croatia',
  'a',
  'b',
  'c',
  'constructor',
  'proto',
  'tostring',
  'x-1',
);

/** A label: the category in the words of a source; any non-blank text, code and markup included. */
export const label = fc
  .oneof(
    fc.constantFrom(
      ...codeStrings,
      'constructor',
      '__proto__',
      'Serbs',
      'Gypsies',
      'a "quoted", comma',
      'line\nbreak',
      '<b>bold</b> & more',
      '50% of $x_1$ {#}',
    ),
    fc.string({ minLength: 1, maxLength: 12 }),
  )
  .filter((s) => s.trim() !== '');

/** A note: nothing, or any non-empty text. */
export const note = fc.oneof(fc.constant(null), label);

/** A count: a whole number of persons, from small to large (up to ten billion). */
const count = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.integer({ min: 0, max: 10_000_000_000 }),
);

/** The figure columns of a row, agreeing with its qualifier as the data contract says. */
export const figure: fc.Arbitrary<
  Pick<CasualtyRow, 'value' | 'low' | 'high' | 'qualifier'> & { needsNote: boolean }
> = fc.oneof(
  count.map((v) => ({
    value: v,
    low: v,
    high: v,
    qualifier: 'exact' as Qualifier,
    needsNote: false,
  })),
  // "about 850,000": no interval (low = value = high), as the README's qualifier rules say.
  count.map((v) => ({
    value: v,
    low: v,
    high: v,
    qualifier: 'approximate' as Qualifier,
    needsNote: false,
  })),
  // "over 3,000": low = value, no upper bound.
  count.map((v) => ({
    value: v,
    low: v,
    high: null,
    qualifier: 'at-least' as Qualifier,
    needsNote: false,
  })),
  fc.tuple(count, count).map(([a, b]) => {
    const [low, high] = [Math.min(a, b), Math.max(a, b)];
    return {
      value: (low + high) / 2,
      low,
      high,
      qualifier: 'range' as Qualifier,
      needsNote: false,
    };
  }),
  fc.constant({
    value: null,
    low: null,
    high: null,
    qualifier: 'not-reported' as Qualifier,
    needsNote: false,
  }),
  fc.tuple(count, fc.boolean()).map(([v, open]) => ({
    value: v,
    low: v,
    high: open ? null : v,
    qualifier: 'derived' as Qualifier,
    needsNote: true,
  })),
);

export interface ValidTable {
  rows: CasualtyRow[];
  dimensions: string[];
  table: ColumnTable;
}

/**
 * A valid table: rows that follow the data contract, no two with the same source, dimensions and
 * measure, made into a table by fromRows.
 */
export function validTable(
  options: {
    dimensions?: fc.Arbitrary<string[]>;
    measures?: readonly string[];
    units?: readonly string[];
    minRows?: number;
    maxRows?: number;
  } = {},
): fc.Arbitrary<ValidTable> {
  const dims =
    options.dimensions ?? fc.subarray([...dimensionNames], { minLength: 0, maxLength: 2 });
  const measures = options.measures ?? ['deaths', 'killed', 'missing'];
  const units = options.units ?? ['persons'];
  return dims.chain((dimensions) => {
    const row = fc
      .record({
        source: fc.constantFrom(...someSources),
        measure: fc.constantFrom(...measures),
        unit: fc.constantFrom(...units),
        figure,
        label,
        note,
        keys: fc.tuple(...dimensions.map(() => fc.option(keyValue, { nil: null, freq: 6 }))),
      })
      .map(({ figure: f, keys, note: n, ...rest }) => {
        const r: CasualtyRow = {
          ...rest,
          value: f.value,
          low: f.low,
          high: f.high,
          qualifier: f.qualifier,
          note: f.needsNote ? (n ?? 'derived from two rows') : n,
        };
        dimensions.forEach((d, i) =>
          Object.defineProperty(r, d, {
            value: keys[i] ?? null,
            enumerable: true,
            writable: true,
            configurable: true,
          }),
        );
        return r;
      });
    return fc
      .uniqueArray(row, {
        minLength: options.minRows ?? 1,
        maxLength: options.maxRows ?? 12,
        selector: (r) =>
          JSON.stringify(['source', ...dimensions, 'measure'].map((c) => r[c] ?? null)),
      })
      .map((rows) => ({ rows, dimensions, table: fromRows(rows) }));
  });
}

/** A raw Arquero table (not checked by fromRows) with the given rows, all columns of the first row. */
export function rawTable(
  rows: readonly Record<string, unknown>[],
  names?: readonly string[],
): ColumnTable {
  const columns = names ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const data: Record<string, unknown[]> = {};
  for (const c of columns)
    Object.defineProperty(data, c, {
      value: rows.map((r) => (Object.hasOwn(r, c) ? r[c] : null)),
      enumerable: true,
    });
  return arqueroTable(data, [...columns]);
}

/** Plain JavaScript sum (the independent means for the interval sums). */
export const plainSum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Groups rows by the JSON of some columns, in order of first appearance. */
export function groupBy<T extends Record<string, unknown>>(
  rows: readonly T[],
  columns: readonly string[],
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const key = JSON.stringify(columns.map((c) => r[c] ?? null));
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return groups;
}

/**
 * How an error message quotes a given string: in single quotes, each control character (C0, DEL,
 * C1), line or paragraph separator and bidirectional override written as an escape, so that the
 * value can add no line to the message and send no code to a terminal.
 */
export function quoted(value: string): string {
  const short: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  let out = '';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    const control =
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069);
    out += control ? (short[c] ?? `\\u${code.toString(16).padStart(4, '0')}`) : c;
  }
  return `'${out}'`;
}
