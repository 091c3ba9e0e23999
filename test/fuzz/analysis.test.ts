// The analysis functions: on valid tables, results checked against a plain JavaScript computation
// written here; on bad tables and options, a package error, never another exception or a wrong number.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  agreement,
  audit,
  compare,
  datasets,
  harmonize,
  load,
  rates,
  rollup,
  spread,
  CasualtiesError,
  InvalidOptionError,
  InvalidTableError,
  type CasualtyRow,
  type StatedTotal,
} from '../../src/index.js';
import {
  anything,
  attempt,
  evilString,
  expectFiniteNumbers,
  fewRuns,
  groupBy,
  keyValue,
  plainSum,
  rawTable,
  runs,
  validTable,
  type ValidTable,
  quoted,
} from './arbitraries.js';

/** A valid table with one dimension (named `region`, or a name objects already have) and one measure. */
const oneDimension = validTable({
  dimensions: fc.constantFrom(['region'], ['constructor'], ['toString']),
  measures: ['deaths'],
  minRows: 1,
  maxRows: 14,
});
const by = (t: ValidTable) => t.dimensions[0]!;
const reported = (rows: readonly CasualtyRow[]) => rows.filter((r) => r.value !== null);
/** Whether a row lacks its key: compare, spread and agreement then refuse (a missing key is not a category). */
const keyless = (t: ValidTable) => t.rows.some((r) => r[by(t)] == null);
/** For a table with a row that lacks its key: the call fails with InvalidTableError saying so. */
function expectKeylessRefused(result: ReturnType<typeof attempt>): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error).toBeInstanceOf(InvalidTableError);
    expect(result.error.message).toMatch(/a missing key is not a category/);
  }
}

describe('rollup(table, { by })', () => {
  test('low, value and high are the plain sums of the reported parts; a group with none reported is null, never 0', () => {
    fc.assert(
      fc.property(validTable(), fc.boolean(), (t, all) => {
        const dims = all ? t.dimensions : t.dimensions.slice(0, 1);
        const result = attempt(() => rollup(t.table, { by: dims }));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const keys = ['source', ...dims, 'measure', 'unit'];
        const groups = [...groupBy(t.rows, keys).values()];
        const out = result.value.objects();
        expect(out).toHaveLength(groups.length);
        groups.forEach((parts, i) => {
          const row = out[i]!;
          for (const k of keys) expect(row[k]).toBe(parts[0]![k] ?? null);
          const got = reported(parts);
          expect(row.parts).toBe(got.length);
          expect(row.not_reported).toBe(parts.length - got.length);
          if (got.length === 0) {
            expect(row).toMatchObject({
              value: null,
              low: null,
              high: null,
              qualifier: 'not-reported',
            });
            return;
          }
          expect(row.value).toBe(plainSum(got.map((p) => p.value!)));
          expect(row.low).toBe(plainSum(got.map((p) => p.low!)));
          // A part unbounded above, or not reported (a dash: unknown, never 0), leaves no upper bound.
          const open = got.some((p) => p.high === null) || got.length < parts.length;
          expect(row.high).toBe(open ? null : plainSum(got.map((p) => p.high!)));
          if (parts.length === 1) expect(row.qualifier).toBe(parts[0]!.qualifier);
          else expect(row.qualifier).toBe(open ? 'at-least' : 'derived');
        });
        expectFiniteNumbers(result.value);
      }),
      runs,
    );
  });

  test("with missing: 'fail', a group with a part not reported throws InvalidTableError naming it", () => {
    fc.assert(
      fc.property(validTable(), (t) => {
        const result = attempt(() => rollup(t.table, { by: t.dimensions, missing: 'fail' }));
        const anyMissing = t.rows.some((r) => r.value === null);
        expect(result.ok).toBe(!anyMissing);
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(InvalidTableError);
          expect(result.error.message).toMatch(/is not reported; with missing: 'fail'/);
        }
      }),
      runs,
    );
  });

  test('bad options throw InvalidOptionError naming the option and the value', () => {
    fc.assert(
      fc.property(
        validTable(),
        fc.oneof(anything, evilString, fc.array(evilString, { maxLength: 3 })),
        fc.oneof(anything, fc.constantFrom('skip', 'fail')),
        (t, b, missing) => {
          const result = attempt(() =>
            rollup(t.table, { by: b as string, missing: missing as 'skip' }),
          );
          const byOk =
            b === undefined ||
            (typeof b === 'string'
              ? t.dimensions.includes(b)
              : Array.isArray(b) && b.every((x) => t.dimensions.includes(x)));
          const missingOk = missing === undefined || missing === 'skip' || missing === 'fail';
          if (byOk && missingOk) return; // may still throw for missing: 'fail' with a dash
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.error).toBeInstanceOf(InvalidOptionError);
          expect(result.error.message).toMatch(byOk ? /option missing/ : /option by/);
          if (!byOk && typeof b === 'string' && b.length < 100)
            expect(result.error.message).toContain(quoted(b as string));
        },
      ),
      runs,
    );
    fc.assert(
      fc.property(
        anything.filter(
          (o) => o !== undefined && (typeof o !== 'object' || o === null || Array.isArray(o)),
        ),
        (o) => {
          const result = attempt(() => rollup(load('by-status'), o as never));
          expect(result.ok).toBe(false);
        },
      ),
      fewRuns,
    );
  });
});

describe('compare(table, { by, baseline })', () => {
  test('one row per category and source; value, difference and ratio as computed here; a dash stays null', () => {
    fc.assert(
      fc.property(oneDimension, fc.nat(), (t, pick) => {
        const column = by(t);
        const sources = [...new Set(t.rows.map((r) => r.source))];
        const baseline = sources[pick % sources.length]!;
        const result = attempt(() => compare(t.table, { by: column, baseline }));
        if (keyless(t)) {
          expectKeylessRefused(result);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const categories = [...new Set(t.rows.map((r) => r[column] ?? null))];
        const out = result.value.objects() as Record<string, unknown>[];
        expect(out).toHaveLength(categories.length * sources.length);
        const find = (s: string, c: unknown) =>
          t.rows.find((r) => r.source === s && (r[column] ?? null) === c);
        for (const row of out) {
          const r = find(row.source as string, row[column]);
          const value = r?.value ?? null;
          const base = find(baseline, row[column])?.value ?? null;
          expect(row.value).toBe(value);
          expect(row.reported).toBe(value !== null);
          expect(row.difference).toBe(value === null || base === null ? null : value - base);
          expect(row.ratio).toBe(
            value === null || base === null || base === 0 ? null : value / base,
          );
          if (value === null) expect(row).toMatchObject({ share: null, rank: null });
          else {
            const own = reported(t.rows.filter((x) => x.source === row.source)).map(
              (x) => x.value!,
            );
            expect(row.rank).toBe(own.filter((v) => v > value).length + 1);
            const total = plainSum(own);
            if (total === 0) expect(row.share).toBeNull();
            else expect(row.share as number).toBeCloseTo(value / total, 12);
          }
        }
        expectFiniteNumbers(result.value);
      }),
      runs,
    );
  });

  test('a baseline that is not a source of the table throws UnknownIdError naming it', () => {
    fc.assert(
      fc.property(oneDimension, fc.oneof(evilString, anything), (t, baseline) => {
        fc.pre(baseline != null && !t.rows.some((r) => r.source === baseline)); // null or undefined: the default baseline
        fc.pre(!keyless(t));
        const result = attempt(() => compare(t.table, { by: by(t), baseline: baseline as string }));
        expect(result.ok).toBe(false);
        if (!result.ok && typeof baseline === 'string' && baseline.length < 100)
          expect(result.error.message).toContain(quoted(baseline as string));
      }),
      runs,
    );
  });
});

describe('spread(table, { by })', () => {
  test('count, min, max, mean and not_reported as computed here; a category nobody reports has count 0 and nulls', () => {
    fc.assert(
      fc.property(oneDimension, (t) => {
        const column = by(t);
        const result = attempt(() => spread(t.table, { by: column }));
        if (keyless(t)) {
          expectKeylessRefused(result);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const sources = new Set(t.rows.map((r) => r.source));
        for (const row of result.value.objects() as Record<string, unknown>[]) {
          const values = reported(t.rows.filter((r) => (r[column] ?? null) === row[column])).map(
            (r) => r.value!,
          );
          expect(row.count).toBe(values.length);
          expect(row.not_reported).toBe(sources.size - values.length);
          if (values.length === 0) {
            expect(row).toMatchObject({
              min: null,
              max: null,
              mean: null,
              median: null,
              sd: null,
              range: null,
            });
            continue;
          }
          expect(row.min).toBe(Math.min(...values));
          expect(row.max).toBe(Math.max(...values));
          expect(row.mean as number).toBeCloseTo(plainSum(values) / values.length, 3);
          expect(row.range).toBe(Math.max(...values) - Math.min(...values));
          if (values.length < 2) expect(row.sd).toBeNull();
          // Never outside what the figures allow: the mean within [min, max], equal figures an sd of 0.
          expect(row.mean as number).toBeGreaterThanOrEqual(row.min as number);
          expect(row.mean as number).toBeLessThanOrEqual(row.max as number);
          if (values.length > 1 && values.every((v) => v === values[0])) expect(row.sd).toBe(0);
          // low and high: the smallest low and the largest high (unbounded if any high is).
          const rowsOf = reported(t.rows.filter((r) => (r[column] ?? null) === row[column]));
          expect(row.low).toBe(Math.min(...rowsOf.map((r) => r.low!)));
          expect(row.high).toBe(
            rowsOf.some((r) => r.high === null) ? null : Math.max(...rowsOf.map((r) => r.high!)),
          );
        }
        expectFiniteNumbers(result.value);
      }),
      runs,
    );
  });
});

describe('agreement(table, { by })', () => {
  test('n, excluded and the mean absolute difference as computed here; correlations in [-1, 1] or null', () => {
    fc.assert(
      fc.property(oneDimension, (t) => {
        const column = by(t);
        const result = attempt(() => agreement(t.table, { by: column }));
        if (keyless(t)) {
          expectKeylessRefused(result);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        for (const row of result.value.objects()) {
          const of = (s: string) =>
            new Map(
              reported(t.rows.filter((r) => r.source === s)).map((r) => [
                r[column] ?? null,
                r.value!,
              ]),
            );
          const [a, b] = [of(row.source_a), of(row.source_b)];
          const shared = [...a.keys()].filter((k) => b.has(k));
          expect(row.n).toBe(shared.length);
          expect(row.excluded).toBe(new Set([...a.keys(), ...b.keys()]).size - shared.length);
          if (shared.length === 0) expect(row.mean_abs_difference).toBeNull();
          else
            expect(row.mean_abs_difference!).toBeCloseTo(
              plainSum(shared.map((k) => Math.abs(a.get(k)! - b.get(k)!))) / shared.length,
              3,
            );
          for (const r of [row.pearson, row.spearman])
            if (r !== null) expect(Math.abs(r)).toBeLessThanOrEqual(1 + 1e-9);
        }
        expectFiniteNumbers(result.value);
      }),
      runs,
    );
  });
});

describe('harmonize(table, { dimension, crosswalk })', () => {
  test('each group is the plain interval sum of the rows whose keys map to it; unmapped keys stay, with a warning', () => {
    const crosswalk = fc.uniqueArray(
      fc.record({
        key: keyValue as fc.Arbitrary<string>,
        group: fc.constantFrom('g-one', 'g-two', 'serbia', 'constructor'),
      }),
      { selector: (e) => e.key, maxLength: 6 },
    );
    fc.assert(
      fc.property(oneDimension, crosswalk, (t, entries) => {
        const column = by(t);
        const result = attempt(() => harmonize(t.table, { dimension: column, crosswalk: entries }));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const group = new Map(entries.map((e) => [e.key, e.group]));
        const mapped = t.rows.map((r) => ({
          ...r,
          original: r[column] ?? null,
          [column]: r[column] == null ? null : (group.get(r[column] as string) ?? r[column]),
        }));
        const groups = [...groupBy(mapped, ['source', column, 'measure', 'unit']).values()];
        const out = result.value.objects() as Record<string, unknown>[];
        expect(out).toHaveLength(groups.length);
        groups.forEach((parts, i) => {
          const got = reported(parts);
          expect(out[i]![column]).toBe(parts[0]![column] ?? null);
          expect(out[i]!.value).toBe(got.length === 0 ? null : plainSum(got.map((p) => p.value!)));
          expect(out[i]!.low).toBe(got.length === 0 ? null : plainSum(got.map((p) => p.low!)));
          const unmapped = parts.some(
            (p) => p.original !== null && !group.has(p.original as string),
          );
          if (unmapped) expect(out[i]!.warning).toMatch(/no crosswalk entry/);
          expect(out[i]!.comparability).toBe(
            unmapped || parts.some((p) => p.original === null) ? null : 'same',
          );
        });
      }),
      runs,
    );
  });

  test('a malformed crosswalk or dimension throws InvalidOptionError', () => {
    fc.assert(
      fc.property(
        oneDimension,
        fc.oneof(anything, fc.array(anything, { maxLength: 3 })),
        fc.oneof(evilString, anything),
        (t, crosswalk, dimension) => {
          const result = attempt(() =>
            harmonize(t.table, { dimension: dimension as string, crosswalk: crosswalk as never }),
          );
          if (!result.ok) expect(result.error).toBeInstanceOf(InvalidOptionError);
          const second = attempt(() =>
            harmonize(t.table, { dimension: by(t), crosswalk: crosswalk as never }),
          );
          if (second.ok) expectFiniteNumbers(second.value);
        },
      ),
      runs,
    );
  });
});

describe('rates(table, population, { by, per })', () => {
  test('rate = count / population × per, for count, low and high (high at most per); null where not reported or no population, never 0; a count above its population refused', () => {
    const population = fc.dictionary(
      keyValue as fc.Arbitrary<string>,
      fc.integer({ min: 1, max: 50_000_000 }),
      { maxKeys: 5 },
    );
    fc.assert(
      fc.property(oneDimension, population, fc.constantFrom(100, 1000), (t, pop, per) => {
        const column = by(t);
        const people = Object.entries(pop).map(([k, v]) => ({
          [column]: k,
          population: v,
          year: 1941,
        }));
        const result = attempt(() => rates(t.table, people, { by: column, per: per as 100 }));
        const popOf = (r: CasualtyRow) => {
          const key = (r[column] ?? null) as string | null;
          return key !== null && Object.hasOwn(pop, key) ? pop[key]! : null;
        };
        const above = t.rows.some((r) => {
          const p = popOf(r);
          return p !== null && r.value !== null && r.value > p;
        });
        if (above) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.message).toMatch(/is above its population/);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        result.value.objects().forEach((row, i) => {
          const r = t.rows[i]!;
          const p = popOf(r);
          const scale = (x: number | null) =>
            x === null || p === null ? null : Math.min((x / p) * per, per);
          expect(row.rate).toBe(scale(r.value));
          expect(row.rate_low).toBe(scale(r.low));
          expect(row.rate_high).toBe(scale(r.high));
          if (r.value === null) expect(row.rate).toBeNull();
        });
        expectFiniteNumbers(result.value);
      }),
      runs,
    );
  });

  test('a bad population or per throws a package error naming the value', () => {
    fc.assert(
      fc.property(
        oneDimension,
        anything,
        fc.oneof(anything, fc.constantFrom(0, -5, NaN, Infinity, '1,000')),
        anything,
        (t, key, value, per) => {
          const column = by(t);
          const result = attempt(() =>
            rates(t.table, [{ [column]: key as string, population: value as number, year: 1941 }], {
              by: column,
              per: per as 100,
            }),
          );
          const perOk = per === undefined || per === 100 || per === 1000;
          if (!perOk) expect(result.ok).toBe(false);
          if (typeof value !== 'number' || !(value > 0) || value === Infinity)
            expect(result.ok).toBe(false);
        },
      ),
      runs,
    );
  });
});

describe('audit(table, { totals })', () => {
  test('difference = parts − stated, where parts is the plain sum of the reported rows a total covers', () => {
    fc.assert(
      fc.property(
        validTable(),
        fc.integer({ min: 0, max: 1e9 }),
        fc.option(fc.integer({ min: 0, max: 1e6 })),
        (t, value, slack) => {
          const totals: StatedTotal[] = [...groupBy(t.rows, ['source', 'measure']).values()].map(
            (g) => ({
              source: g[0]!.source,
              measure: g[0]!.measure,
              scope: null,
              parts: null,
              value,
              low: value,
              high: slack === null ? null : value + slack,
            }),
          );
          const result = attempt(() => audit(t.table, { totals }));
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          result.value.objects().forEach((row, i) => {
            const covered = t.rows.filter(
              (r) =>
                r.source === totals[i]!.source &&
                r.measure === totals[i]!.measure &&
                r.unit === 'persons',
            );
            const got = reported(covered);
            const parts = got.length === 0 ? null : plainSum(got.map((r) => r.value!));
            const low = got.length === 0 ? null : plainSum(got.map((r) => r.low!));
            const high =
              got.length === 0 || got.some((r) => r.high === null)
                ? null
                : plainSum(got.map((r) => r.high!));
            expect(row.rows).toBe(covered.length);
            expect(row.not_reported).toBe(covered.length - got.length);
            expect(row.parts).toBe(parts);
            expect(row.difference).toBe(parts === null ? null : parts - value);
            const statedHigh = slack === null ? Infinity : value + slack;
            // Three answers: a shortfall that a dash could hold is undetermined (null), never
            // inconsistent; nothing reported is undetermined too.
            const dashes = covered.length - got.length;
            const expected =
              low === null
                ? null
                : low > statedHigh
                  ? false
                  : (high ?? Infinity) >= value
                    ? true
                    : dashes > 0
                      ? null
                      : false;
            expect(row.consistent).toBe(expected);
            expect(row.check).toBe(
              expected === null ? 'undetermined' : expected ? 'consistent' : 'inconsistent',
            );
          });
        },
      ),
      runs,
    );
  });

  test('bad totals or options throw a package error; a stated total with low > high is rejected', () => {
    fc.assert(
      fc.property(
        fc.oneof(anything, fc.array(anything, { maxLength: 2 })),
        fc.oneof(anything, evilString, fc.constantFrom(...datasets)),
        (totals, dataset) => {
          attempt(() => audit(load('by-nationality'), { totals: totals as never }));
          attempt(() => audit(load('by-nationality'), { dataset: dataset as never }));
          attempt(() => audit(undefined, { totals: totals as never }));
          attempt(() => audit(totals as never));
        },
      ),
      fewRuns,
    );
    const total = {
      source: 'yu-1964',
      measure: 'deaths',
      scope: null,
      parts: null,
      value: 10,
      low: 20,
      high: 30,
    };
    expect(() => audit(load('by-nationality'), { totals: [total] })).toThrow(
      /stated total 1, field 'low': 20; expected a number ≤ the value 10/,
    );
  });

  test('audit() of the bundled data: difference = parts − stated on every row', () => {
    for (const row of audit().objects())
      if (row.parts !== null && row.stated !== null)
        expect(row.difference).toBe(row.parts - row.stated);
      else expect(row.difference).toBeNull();
  });
});

describe('every analysis function on a raw table with bad cells', () => {
  const bad = fc.constantFrom<unknown>(
    NaN,
    Infinity,
    -1,
    -1e9,
    1e308,
    '5',
    null,
    undefined,
    {},
    [],
    true,
    10n,
    Symbol('s'),
    '__proto__',
    'd => globalThis.pwned = 1',
  );
  const base = {
    source: 'kocovic',
    region: 'serbia',
    measure: 'deaths',
    unit: 'persons',
    value: 5,
    low: 4,
    high: 6,
    qualifier: 'approximate',
    label: 'X',
    note: null,
  };
  test('either a package error, or finite numbers out', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(base)),
        bad,
        fc.boolean(),
        (column, value, second) => {
          const rows = [
            { ...base, [column]: value },
            ...(second
              ? [{ ...base, source: 'zerjavic', value: 7, low: 7, high: 7, qualifier: 'exact' }]
              : []),
          ];
          const table = rawTable(rows, Object.keys(base));
          const calls: (() => unknown)[] = [
            () => rollup(table, { by: 'region' }),
            () => compare(table, { by: 'region' }),
            () => spread(table, { by: 'region' }),
            () => agreement(table, { by: 'region' }),
            () => harmonize(table, { dimension: 'region' }),
            () =>
              rates(table, [{ region: 'serbia', population: 100, year: 1941 }], { by: 'region' }),
            () =>
              audit(table, {
                totals: [
                  { source: 'kocovic', measure: 'deaths', scope: null, parts: null, value: 5 },
                ],
              }),
          ];
          for (const call of calls) {
            const result = attempt(call);
            if (result.ok) expectFiniteNumbers(result.value);
            else expect(result.error).toBeInstanceOf(CasualtiesError);
          }
        },
      ),
      runs,
    );
  });

  test('low above value, high below it, or a negative count is rejected by readTable', () => {
    const t = (over: object) => rawTable([{ ...base, ...over }], Object.keys(base));
    // derived: an interval that only low ≤ value ≤ high constrains (see checkFigure)
    expect(() => rollup(t({ low: 9, qualifier: 'derived' }))).toThrow(
      /row 1, column 'low': 9 is above the value 5/,
    );
    expect(() => rollup(t({ high: 2, qualifier: 'derived' }))).toThrow(
      /row 1, column 'high': 2 is below the value 5/,
    );
    expect(() => rollup(t({ value: -5, low: -5 }))).toThrow(
      /row 1, column 'value': -5; expected a number from 0/,
    );
  });

  test('a range off its midpoint or upside down, or an at-least row with a high, is rejected by readTable', () => {
    const t = (over: object) => rawTable([{ ...base, ...over }], Object.keys(base));
    // (4 + 8) / 2 = 6, not 5
    expect(() => rollup(t({ high: 8, qualifier: 'range' }))).toThrow(
      /row 1, column 'value': 5, but a range's value is its midpoint; expected 6/,
    );
    // (6 + 4) / 2 = 5 is the midpoint, but low 6 lies above the value 5
    expect(() => rollup(t({ low: 6, high: 4, qualifier: 'range' }))).toThrow(
      /row 1, column 'low': 6 is above the value 5/,
    );
    expect(() => rollup(t({ low: 5, qualifier: 'at-least' }))).toThrow(
      /row 1, column 'high': 6, but the qualifier is 'at-least'/,
    );
    expect(() =>
      rollup(t({ value: 2 ** 53, low: 2 ** 53, high: null, qualifier: 'at-least' })),
    ).toThrow(/row 1, column 'value': 9007199254740992; expected a number from 0/);
    // the usual rows pass: a range on its midpoint, a lower bound at or below its value
    expect(rollup(t({ low: 4, high: 6, qualifier: 'range' })).get('high', 0)).toBe(6);
    expect(rollup(t({ low: 3, high: null, qualifier: 'at-least' })).get('low', 0)).toBe(3);
  });

  test('empty tables: functions that need rows throw InvalidTableError; rollup returns no rows', () => {
    const empty = rawTable([], Object.keys(base));
    expect(rollup(empty, { by: 'region' }).numRows()).toBe(0);
    for (const call of [
      () => compare(empty, { by: 'region' }),
      () => spread(empty, { by: 'region' }),
      () => agreement(empty, { by: 'region' }),
    ]) {
      expect(call).toThrow(InvalidTableError);
    }
  });

  test('any first argument or options at all: a package error or a result', () => {
    fc.assert(
      fc.property(
        fc.oneof(anything, fc.constant(load('by-status'))),
        anything,
        (table, options) => {
          for (const f of [rollup, compare, spread, agreement, harmonize, audit] as ((
            t: unknown,
            o: unknown,
          ) => unknown)[]) {
            const result = attempt(() => f(table, options));
            if (result.ok) expectFiniteNumbers(result.value);
          }
          attempt(() => rates(table as never, options as never, { by: 'status' }));
          attempt(() => rates(load('by-status'), table as never, options as never));
        },
      ),
      runs,
    );
  });
});
