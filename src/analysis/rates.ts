import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../data/load.js';
import { InvalidOptionError, InvalidTableError, show, showNamed } from '../errors.js';
import { checkBy } from './categories.js';
import { rowsOf, type Qualifier } from '../data/contract.js';
import { readTable, toTable, unique } from './columns.js';
import { halfUnit, widen } from './intervals.js';
import { optionError } from './options.js';

/**
 * A row of a population table: the category in the `by` column(s), the population as a figure
 * (`population`, with `low` and `high` where it is uncertain), and the `year` it refers to.
 */
export type PopulationRow = Record<string, string | number | null>;

/** Options of {@link rates}. */
export interface RatesOptions<By extends string = string> {
  /** The dimension column (or columns) that match the table to the population, e.g. `'region'`. */
  by: By | readonly By[];
  /** Deaths per how many people: 1000 (per mille) or 100 (per cent). @default 1000 */
  per?: 1000 | 100;
  /**
   * The measure(s) to give rates for; rows of other measures are left out. Rates are for deaths
   * unless you ask: survivors or the wounded get a rate only when named here.
   * @default 'deaths'
   */
  measure?: string | readonly string[];
}

/** A row of the result of {@link rates}. */
export interface RateRow {
  source: string;
  measure: string;
  label: string;
  /** The count (the table's `value`); `null` where not reported. */
  count: number | null;
  count_low: number | null;
  /** `null` where unbounded (`at-least`). */
  count_high: number | null;
  /** The population given for the category; `null` if none was given. */
  population: number | null;
  population_low: number | null;
  population_high: number | null;
  /** The year the population refers to. */
  population_year: number | null;
  /** 1000 or 100. */
  per: number;
  /**
   * `count / population × per`; `null` where the count
   * is not reported or no population is given (never 0).
   */
  rate: number | null;
  /**
   * The lowest rate the intervals allow: `count_low / population_high × per`
   * (the count widened by half its `precision`, where rounded).
   */
  rate_low: number | null;
  /**
   * The highest rate the intervals allow: `count_high / population_low × per`,
   * never above `per`; `null` where the count is unbounded above.
   */
  rate_high: number | null;
  /**
   * `derived`; `approximate` if the count is ("about"); `at-least` if it is unbounded;
   * `not-reported` if it is; `null` without a population.
   */
  qualifier: Qualifier | null;
  /** How the rate was computed, or why there is none. */
  note: string;
}

/** A population as the user gave it. */
interface Population {
  value: number;
  low: number;
  high: number;
  year: number;
}

/**
 * Deaths per 1,000 or per 100 of a population the user supplies; no population data is bundled,
 * because the sources disagree on it. A population is a figure like any other: it refers to a
 * `year` (required) and may carry an interval (`low`, `high`). Each row of the table gets one
 * rate, and the intervals are carried through: `rate_low = count_low / population_high × per`,
 * `rate_high = count_high / population_low × per` (never above `per`; `null`, unbounded, for an
 * `at-least` count), a count rounded to `precision` standing for ± half of it; a rate of an
 * approximate count is `approximate`. A count that is not reported, a row with no key, or a
 * category with no population gets a `null` rate, never 0, and a note saying why. A count above its
 * population is refused. Rates are given for deaths unless `measure` asks for another measure: a
 * rate of survivors is not a death rate.
 *
 * @param table A table in the shape of the data contract whose rows count persons.
 * @param population A table (or array of objects) with the `by` column(s), `population` (a number
 *   > 0), `year` (an integer), and optionally `low` and `high`; one row per category.
 * @param options See {@link RatesOptions}.
 * @returns A new table with columns: the `by` column(s), `source`, `measure`, `label`, `count`,
 *   `count_low`, `count_high`, `population`, `population_low`, `population_high`,
 *   `population_year`, `per`, `rate`, `rate_low`, `rate_high`, `qualifier`, `note`; one row per
 *   row of the table of the chosen measure(s).
 * @throws {InvalidOptionError} If `by` is not a dimension column, `per` is not 1000 or 100, or
 *   `measure` names a measure the table does not hold.
 * @throws {InvalidTableError} If a chosen row is not in persons or is above its population, or
 *   the population has no `by`, `population` or `year`, a population that is not a number > 0 or
 *   outside its `low`–`high`, or a category twice.
 * @example
 * rates(
 *   load('by-republic-zerjavic'),
 *   [{ region: 'slovenia', population: 1500000, year: 1941 }],
 *   { by: 'region' },
 * )
 *   .filter((d) => d.region === 'slovenia').select('count', 'rate', 'qualifier').object();
 * // => { count: 33000, rate: 22, qualifier: 'derived' }   (population made up for the example)
 */
export function rates<By extends string>(
  table: ColumnTable,
  population: ColumnTable | readonly PopulationRow[],
  options: RatesOptions<By>,
): TypedTable<RateRow & Record<By, string | null>> {
  const { rows: all, dimensions } = readTable(table, 'rates');
  const by = checkBy(options?.by, dimensions, 'rates');
  const per = options.per ?? 1000;
  if (per !== 1000 && per !== 100) throw optionError('rates', 'per', per, '1000 or 100');
  const measures = checkMeasures(
    options.measure,
    all.map((r) => r.measure),
  );
  const rows = all.filter((r) => measures.includes(r.measure));
  rows.forEach((r) => {
    if (r.unit !== 'persons')
      throw new InvalidTableError(
        `rates: row ${all.indexOf(r) + 1}, column 'unit': ${show(r.unit)}; expected 'persons' (a ` +
          'rate needs a count of people).',
      );
  });
  const people = populations(population, by);
  const where = (key: (string | null)[]) => showNamed(by, (_, k) => key[k]);

  // a figure and its interval: name, name_low, name_high
  const bounds = (name: string) => [name, `${name}_low`, `${name}_high`];
  const names = [
    ...by,
    'source',
    'measure',
    'label',
    ...bounds('count'),
    ...bounds('population'),
    'population_year',
    'per',
    ...bounds('rate'),
    'qualifier',
    'note',
  ];
  const result = rows.map((r) => {
    const key = by.map((d) => (r[d] ?? null) as string | null);
    const keyless = key.some((k) => k === null);
    const pop = keyless ? null : (people.get(JSON.stringify(key)) ?? null);
    if (pop !== null && r.value !== null && r.value > pop.value)
      throw new InvalidTableError(
        `rates: row ${all.indexOf(r) + 1}: the count ${r.value} ('${r.label}', ${r.source}) is ` +
          `above its population ${pop.value} (${where(key)}, ${pop.year}); expected a count of ` +
          'at most its population.',
      );
    const scale = (x: number | null, p: number | undefined) =>
      x === null || p === undefined ? null : Math.min((x / p) * per, per);
    // A rounded count stands for ± half its rounding unit.
    const half = halfUnit(r.precision);
    const { low, high } = widen(r.low, r.high, r.precision);
    let qualifier: Qualifier | null =
      r.value === null
        ? 'not-reported'
        : r.high === null
          ? 'at-least'
          : r.qualifier === 'approximate'
            ? 'approximate'
            : 'derived';
    let note =
      `derived: ${r.value} / ${pop?.value} × ${per} (the count '${r.label}' of ${r.source}, and ` +
      `the population of ${pop?.year} given for ${where(key)})`;
    if (r.value === null) note = `the count '${r.label}' is not reported; no rate (not 0)`;
    else if (keyless) {
      qualifier = null;
      note =
        `no ${by.filter((_, i) => key[i] === null).join(' or ')}: a missing key is not a ` +
        'category; no rate';
    } else if (pop === null) {
      qualifier = null;
      note = `no population given for ${where(key)}; no rate`;
    } else if (r.high === null) note += '; the count is a lower bound, so the rate is one too';
    if (qualifier === 'approximate')
      note += '; the count is approximate ("about"), so the rate is too';
    if (half > 0 && pop !== null && r.value !== null)
      note += `; the count is rounded to ${r.precision}, so the interval allows ${half} either way`;
    // in the order of names
    return [
      ...key,
      r.source,
      r.measure,
      r.label,
      r.value,
      r.low,
      r.high,
      pop?.value ?? null,
      pop?.low ?? null,
      pop?.high ?? null,
      pop?.year ?? null,
      per,
      scale(r.value, pop?.value),
      scale(low, pop?.high),
      scale(high, pop?.low),
      qualifier,
      note,
    ];
  });
  return toTable<RateRow & Record<By, string | null>>(result, names);
}

/** The measures to give rates for: 'deaths' unless asked; each must be in the table. */
function checkMeasures(given: unknown, present: string[]): string[] {
  const held = unique(present);
  if (given === undefined) {
    if (!held.includes('deaths'))
      throw new InvalidOptionError(
        `rates: the table holds no deaths (it holds ${held.join(', ') || 'no rows'}); rates are ` +
          'given for deaths unless you ask for another measure with the option measure.',
      );
    return ['deaths'];
  }
  const list = Array.isArray(given) ? given : [given];
  for (const m of list)
    if (typeof m !== 'string' || !held.includes(m))
      throw optionError(
        'rates',
        'measure',
        given,
        `measures the table holds (it holds no ${show(m)}): one or more of ${held.join(', ')}`,
        held,
      );
  return list as string[];
}

/** Reads the population table into a map from category key to population. */
function populations(population: unknown, by: readonly string[]): Map<string, Population> {
  const list = rowsOf(population);
  const columns = [...by, 'population', 'year'].map((c) => `'${c}'`).join(', ');
  if (!Array.isArray(list))
    throw new InvalidTableError(
      `rates: population is ${show(population)}; expected a table or an array of objects with ` +
        `columns ${columns}.`,
    );
  const map = new Map<string, Population>();
  Array.from(list).forEach((entry: unknown, i) => {
    // a hole in a sparse array is a bad row, not skipped
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    // own only: not Object.prototype's 'constructor'
    const own = (c: string) => (Object.hasOwn(e, c) ? e[c] : undefined);
    const bad = (column: string, expected: string) =>
      new InvalidTableError(
        `rates: population row ${i + 1}, column '${column}': ${show(own(column))}; expected ` +
          `${expected}.`,
      );
    const key = by.map((d) => own(d));
    by.forEach((d, j) => {
      if (typeof key[j] !== 'string') throw bad(d, 'the category key, as in the table');
    });
    const value = own('population');
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
      throw bad('population', 'a number > 0');
    const year = own('year');
    if (typeof year !== 'number' || !Number.isInteger(year))
      throw bad('year', 'the year the population refers to, e.g. 1941');
    const low = own('low') ?? value;
    const high = own('high') ?? value;
    if (typeof low !== 'number' || !Number.isFinite(low) || low <= 0 || low > value)
      throw bad('low', `a number > 0 and ≤ the population ${value}, or nothing`);
    if (typeof high !== 'number' || !Number.isFinite(high) || high < value)
      throw bad('high', `a number ≥ the population ${value}, or nothing`);
    const k = JSON.stringify(key);
    if (map.has(k))
      throw new InvalidTableError(
        `rates: population row ${i + 1}: ${showNamed(by, (_, j) => key[j])} ` +
          'appears twice; expected one population per category.',
      );
    map.set(k, { value, low, high, year });
  });
  return map;
}
