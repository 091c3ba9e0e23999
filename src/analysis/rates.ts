import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../data/load.js';
import { InvalidOptionError, InvalidTableError, show } from '../errors.js';
import { checkDimension, readTable, toTable, type Qualifier } from './shared.js';

/** A row of a population table: the category in the `by` column and its population. */
export type PopulationRow = Record<string, string | number | null>;

/** Options of {@link rates}. */
export interface RatesOptions<By extends string = string> {
  /** The dimension column that matches the table to the population, e.g. `'region'`. */
  by: By;
  /** Deaths per how many people: 1000 (per mille) or 100 (per cent). @default 1000 */
  per?: 1000 | 100;
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
  /** 1000 or 100. */
  per: number;
  /** `count / population × per`; `null` where the count is not reported or no population is given (never 0). */
  rate: number | null;
  rate_low: number | null;
  /** `null` where the count is unbounded above. */
  rate_high: number | null;
  /** `derived`; `at-least` if the count is unbounded; `not-reported` if it is; `null` without a population. */
  qualifier: Qualifier | null;
  /** How the rate was computed, or why there is none. */
  note: string;
}

/**
 * Deaths (or any count of persons) per 1,000 or per 100 of a population the user supplies; no
 * population data is bundled, because the sources disagree on it. Each row of the table gets one
 * rate; its interval is carried through: `rate_low = low / population × per`, `rate_high = high /
 * population × per` (`null`, unbounded, for an `at-least` count). A count that is not reported,
 * or a category with no population, gets a `null` rate, never 0, and a note saying why.
 *
 * @param table A table in the shape of the data contract whose rows count persons.
 * @param population A table (or array of objects) with the `by` column and a `population` column
 *   (a number > 0), one row per category.
 * @param options See {@link RatesOptions}.
 * @returns A new table with columns: the `by` column, `source`, `measure`, `label`, `count`,
 *   `count_low`, `count_high`, `population`, `per`, `rate`, `rate_low`, `rate_high`, `qualifier`,
 *   `note`; one row per row of the table.
 * @throws {InvalidOptionError} If `by` is not a dimension column, or `per` is not 1000 or 100.
 * @throws {InvalidTableError} If a row of the table is not in persons, or the population has no
 *   `by` or `population` column, a population that is not a number > 0, or a category twice.
 * @example
 * rates(load('by-republic-zerjavic'), [{ region: 'slovenia', population: 1500000 }], { by: 'region' })
 *   .filter((d) => d.region === 'slovenia').select('count', 'rate', 'qualifier').object();
 * // => { count: 33000, rate: 22, qualifier: 'derived' }   (population made up for the example)
 */
export function rates<By extends string>(
  table: ColumnTable,
  population: ColumnTable | readonly PopulationRow[],
  options: RatesOptions<By>,
): TypedTable<RateRow & Record<By, string | null>> {
  const { rows, dimensions } = readTable(table, 'rates');
  const by = checkDimension(options?.by, dimensions, 'rates');
  const per = options.per ?? 1000;
  if (per !== 1000 && per !== 100)
    throw new InvalidOptionError(`rates: option per is ${show(per)}; expected 1000 or 100.`);
  rows.forEach((r, i) => {
    if (r.unit !== 'persons')
      throw new InvalidTableError(
        `rates: row ${i + 1}, column 'unit': ${show(r.unit)}; expected 'persons' (a rate needs a count of people).`,
      );
  });
  const people = populations(population, by);

  const result = rows.map((r) => {
    const key = (r[by] ?? null) as string | null;
    const pop = people.get(key) ?? null;
    const scale = (x: number | null) => (x === null || pop === null ? null : (x / pop) * per);
    let qualifier: Qualifier | null =
      r.value === null ? 'not-reported' : r.high === null ? 'at-least' : 'derived';
    let note = `derived: ${r.value} / ${pop} × ${per} (the count '${r.label}' of ${r.source}, and the population given for ${by} ${show(key)})`;
    if (r.value === null) note = `the count '${r.label}' is not reported; no rate (not 0)`;
    else if (pop === null) {
      qualifier = null;
      note = `no population given for ${by} ${show(key)}; no rate`;
    } else if (r.high === null) note += `; the count is a lower bound, so the rate is one too`;
    return {
      [by]: key,
      source: r.source,
      measure: r.measure,
      label: r.label,
      count: r.value,
      count_low: r.low,
      count_high: r.high,
      population: pop,
      per,
      rate: scale(r.value),
      rate_low: scale(r.low),
      rate_high: scale(r.high),
      qualifier,
      note,
    };
  });
  const names = [
    by,
    'source',
    'measure',
    'label',
    'count',
    'count_low',
    'count_high',
    'population',
    'per',
    'rate',
    'rate_low',
    'rate_high',
    'qualifier',
    'note',
  ];
  return toTable(result, names) as TypedTable<RateRow & Record<By, string | null>>;
}

/** Reads the population table into a map from category to population. */
function populations(population: unknown, by: string): Map<string | null, number> {
  const list: unknown = Array.isArray(population)
    ? population
    : typeof population === 'object' &&
        population !== null &&
        typeof (population as ColumnTable).objects === 'function'
      ? (population as ColumnTable).objects()
      : undefined;
  if (!Array.isArray(list))
    throw new InvalidTableError(
      `rates: population is ${show(population)}; expected a table or an array of objects with columns '${by}' and 'population'.`,
    );
  const map = new Map<string | null, number>();
  Array.from(list).forEach((entry: unknown, i) => {
    // a hole in a sparse array is a bad row, not skipped
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const key = Object.hasOwn(e, by) ? e[by] : undefined; // own only: not Object.prototype's 'constructor'
    const value = e.population;
    if (typeof key !== 'string')
      throw new InvalidTableError(
        `rates: population row ${i + 1}, column '${by}': ${show(key)}; expected the category key, as in the table.`,
      );
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new InvalidTableError(
        `rates: population row ${i + 1}, column 'population': ${show(value)}; expected a number > 0.`,
      );
    }
    if (map.has(key))
      throw new InvalidTableError(
        `rates: population row ${i + 1}: ${by} '${key}' appears twice; expected one population per category.`,
      );
    map.set(key, value);
  });
  return map;
}
