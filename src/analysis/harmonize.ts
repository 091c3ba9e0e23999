import type { ColumnTable } from 'arquero';
import {
  crosswalk as bundledCrosswalk,
  crosswalkDimensions,
  type CrosswalkDimension,
  type TypedTable,
} from '../data/load.js';
import { InvalidOptionError, show } from '../errors.js';
import { groupBy, readColumns, type Cell } from './columns.js';
import { checkMissing, sumGroups, type MissingPolicy, type RollupRow } from './rollup.js';
import { wholes } from './structure.js';
import { bookkeepingColumns, rowsOf, structureColumns } from '../data/contract.js';
import { checkDimension, optionError } from './options.js';
import { columnsTable, unique } from './columns.js';

/** One line of a crosswalk: a source's category key and the group it belongs to. */
export interface CrosswalkEntry {
  /** The source whose key this is; leave it out to map the key for every source. */
  source?: string | null;
  /** The key in the table's dimension column. */
  key: string;
  /** The harmonized group the key goes to. */
  group: string;
  /** `partial` where the category is not quite the group (then `note` says how). @default 'same' */
  comparability?: 'same' | 'partial';
  note?: string | null;
  /**
   * The dataset the entry is for; only used to narrow
   * the bundled crosswalk with the option `dataset`.
   */
  dataset?: string | null;
}

/** Options of {@link harmonize}. */
export interface HarmonizeOptions {
  /** The dimension column to regroup, e.g. `'region'`. */
  dimension: string;
  /**
   * The crosswalk to use: entries, or a table with columns `key`, `group` and optionally
   * `source`, `comparability`, `note`.
   * @default the bundled crosswalk of `dimension` (`nationality`, `region` or `status`)
   */
  crosswalk?: readonly CrosswalkEntry[] | ColumnTable;
  /**
   * Use only the crosswalk entries of this dataset. Needed only where one source's key goes to
   * different groups in different datasets (none does in the bundled crosswalks).
   * @default entries of every dataset
   */
  dataset?: string;
  /** What to do with a part that is not reported (see `rollup`). @default 'skip' */
  missing?: MissingPolicy;
}

/** A row of the result of {@link harmonize}: a contract row with the dimension regrouped. */
export interface HarmonizeRow extends RollupRow {
  /**
   * `same`, `partial` if any part is only partly comparable, `null` if the crosswalk has no entry.
   */
  comparability: 'same' | 'partial' | null;
  /**
   * What makes the row not quite comparable:
   * the crosswalk notes of its partial parts, or a missing entry.
   */
  warning: string | null;
}

/**
 * Regroups the categories of one dimension through a crosswalk, adding up the rows that fall in
 * one group with the interval rules of `rollup` (a group of one row keeps that row's figure and
 * qualifier; a sum of several is `derived` or `at-least`). For example the 1964 list's
 * 'Serbia (proper)', 'AP Kosovo' and 'AP Vojvodina' become one `serbia` row, to set beside
 * Žerjavić's republics.
 *
 * A table does not carry its dataset id, so a row is matched to the crosswalk by its `source` and
 * its key in `dimension`; the option `dataset` narrows the bundled crosswalk to one dataset. Rows
 * are grouped by `source`, `measure`, `unit` and every dimension column, with `dimension` replaced
 * by the group, so nothing else is merged.
 *
 * Warnings are a column: where a part's category is only partly comparable (`comparability:
 * 'partial'` in the crosswalk) `warning` carries the crosswalk's note ('Serbia: the seed does not
 * say whether Žerjavić's Serbia includes the provinces…'). A key the crosswalk does not know is
 * kept as it is, with `comparability` `null` and a warning; a row whose dimension is empty stays
 * as it is.
 *
 * @param table A table in the shape of the data contract.
 * @param options See {@link HarmonizeOptions}.
 * @returns A new table with the table's columns (`dimension` now holding groups) and `parts`,
 *   `not_reported`, `comparability`, `warning`; one row per group, in order of first appearance.
 * @throws {SharesNotAddedError} If a group would add several rows, one in unit `percent` (a
 *   share is not a count; see `rollup`).
 * @throws {InvalidOptionError} If `dimension` is not a dimension column or has no bundled
 *   crosswalk and none is given, if a crosswalk entry is malformed, if `dataset` has no entries,
 *   or if one source's key goes to two groups.
 * @throws {InvalidTableError} If the table breaks the contract, or with `missing: 'fail'` a part is
 *   not reported.
 * @example
 * harmonize(load('by-location-1964'), { dimension: 'region' })
 *   .filter((d) => d.region === 'serbia' && d.measure === 'deaths')
 *   .select('region', 'value', 'qualifier', 'parts', 'comparability').object();
 * // => { region: 'serbia', value: 147025, qualifier: 'derived', parts: 3,
 * //      comparability: 'partial' }
 */
export function harmonize(
  table: ColumnTable,
  options: HarmonizeOptions,
): TypedTable<HarmonizeRow & Record<string, string | number | boolean | null>> {
  const t = readColumns(table, 'harmonize');
  const dimension = checkDimension(options?.dimension, t.dimensions, 'harmonize', 'dimension');
  const missing = checkMissing(options.missing, 'harmonize');
  const entries =
    options.crosswalk === undefined
      ? bundled(dimension, options.dataset)
      : userEntries(options.crosswalk);
  const lookup = index(entries, dimension);

  // Each row's group, and how comparable its category is with the group.
  const keys = t.get(dimension);
  const regrouped: Cell[] = [...keys];
  const comparability: (string | null)[] = new Array<string | null>(t.n).fill(null);
  const warning: (string | null)[] = new Array<string | null>(t.n).fill(null);
  const every = lookup.get(null);
  for (let i = 0; i < t.n; i++) {
    const key = keys[i] ?? null;
    if (key === null) continue;
    const source = t.source[i]!;
    const entry = lookup.get(source)?.get(key as string) ?? every?.get(key as string);
    if (!entry) {
      warning[i] =
        `no crosswalk entry for source '${source}', ${dimension} '${key}'; kept as it is`;
      continue;
    }
    regrouped[i] = entry.group;
    comparability[i] = entry.comparability ?? 'same';
    if (entry.comparability === 'partial')
      warning[i] = `${t.label[i]}: ${entry.note ?? 'only partly comparable'}`;
  }

  const names = ['source', ...t.dimensions, 'measure', 'unit'];
  // Only parts of one whole are added (see rollup's option overlap);
  // a table without structure as given.
  const known = t.has('part_of') ? wholes() : null;
  const keyColumns = names.map((c) => (c === dimension ? regrouped : t.get(c)));
  const groups = groupBy(t.n, keyColumns);
  const sums = sumGroups(t, groups, keyColumns, {
    keys: names,
    missing,
    fn: 'harmonize',
    refuse: known,
    known,
  });
  const groupComparability: (string | null)[] = [];
  const groupWarning: (string | null)[] = [];
  for (let g = 0; g < groups.size; g++) {
    const group = Array.from(groups.rows(g));
    // null if a part has no entry, else partial if a part is partial
    const parts = group.map((i) => comparability[i]);
    groupComparability.push(
      parts.includes(null) ? null : parts.includes('partial') ? 'partial' : 'same',
    );
    // the group's distinct warnings, in order
    const warnings = unique(group.map((i) => warning[i]).filter((w) => w !== null));
    groupWarning.push(warnings.length > 0 ? warnings.join('; ') : null);
  }
  sums.set('comparability', groupComparability);
  sums.set('warning', groupWarning);
  // A harmonized row is a sum: it keeps no row's id or relations (its whole is in 'whole').
  const columns = [
    ...t.names.filter(
      (c) =>
        !bookkeepingColumns.includes(c) && !(structureColumns as readonly string[]).includes(c),
    ),
    ...bookkeepingColumns.filter((c) => c !== 'whole'),
    ...(known ? ['whole'] : []),
  ];
  return columnsTable<HarmonizeRow & Record<string, string | number | boolean | null>>(
    sums,
    columns,
  );
}

/** The bundled crosswalk of a dimension, possibly narrowed to one dataset. */
export function bundled(dimension: string, dataset: unknown): CrosswalkEntry[] {
  if (!(crosswalkDimensions as readonly string[]).includes(dimension)) {
    throw new InvalidOptionError(
      `harmonize: there is no bundled crosswalk for dimension '${dimension}'; bundled: ` +
        `${crosswalkDimensions.join(', ')}. Pass your own with the option crosswalk.`,
    );
  }
  const entries: CrosswalkEntry[] = bundledCrosswalk(dimension as CrosswalkDimension).objects();
  if (dataset === undefined) return entries;
  const datasets = unique(entries.map((e) => e.dataset as string));
  if (typeof dataset !== 'string' || !datasets.includes(dataset)) {
    throw optionError(
      'harmonize',
      'dataset',
      dataset,
      `a dataset with entries in the ${dimension} crosswalk, one of: ${datasets.join(', ')}`,
      datasets,
    );
  }
  return entries.filter((e) => e.dataset === dataset);
}

/** Checks a user's crosswalk and returns its entries. */
export function userEntries(crosswalk: unknown): CrosswalkEntry[] {
  const list = rowsOf(crosswalk);
  if (!Array.isArray(list))
    throw new InvalidOptionError(
      `harmonize: option crosswalk is ${show(crosswalk)}; expected an array of { source?, key, ` +
        'group, comparability?, note? } or a table with those columns.',
    );
  // Array.from: a hole in a sparse array is an entry (undefined, so an error),
  // not skipped by map and left a hole.
  return Array.from(list).map((entry: unknown, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const bad = (field: string, expected: string) =>
      new InvalidOptionError(
        `harmonize: crosswalk entry ${i + 1}, field '${field}': ${show(e[field])}; expected ` +
          `${expected}.`,
      );
    if (typeof e.key !== 'string' || e.key === '')
      throw bad('key', 'the key in the table (a non-empty string)');
    if (typeof e.group !== 'string' || e.group === '')
      throw bad('group', 'the group to map the key to (a non-empty string)');
    if (e.source != null && typeof e.source !== 'string')
      throw bad('source', 'a source id, or nothing for every source');
    if (e.comparability != null && e.comparability !== 'same' && e.comparability !== 'partial')
      throw bad('comparability', "'same' or 'partial'");
    if (e.note != null && typeof e.note !== 'string') throw bad('note', 'a string');
    return {
      source: e.source ?? null,
      key: e.key,
      group: e.group,
      comparability: e.comparability ?? 'same',
      note: e.note ?? null,
    };
  });
}

/**
 * Indexes entries by source and key. Entries of several datasets that agree on the group are
 * merged (partial if any is partial, notes joined); a key going to two groups is an error.
 */
function index(
  entries: readonly CrosswalkEntry[],
  dimension: string,
): Map<string | null, Map<string, CrosswalkEntry>> {
  const map = new Map<string | null, Map<string, CrosswalkEntry>>();
  for (const e of entries) {
    const source = e.source ?? null;
    let keys = map.get(source);
    if (!keys) map.set(source, (keys = new Map<string, CrosswalkEntry>()));
    const seen = keys.get(e.key);
    if (!seen) {
      keys.set(e.key, { ...e });
      continue;
    }
    if (seen.group !== e.group) {
      const who = e.source ? `source '${e.source}'` : 'every source';
      throw new InvalidOptionError(
        `harmonize: the crosswalk maps ${dimension} '${e.key}' of ${who} to both ` +
          `'${seen.group}' and '${e.group}'; narrow it with the option dataset, or give one ` +
          'entry ' +
          'per key.',
      );
    }
    if (e.comparability === 'partial') seen.comparability = 'partial';
    if (e.note && e.note !== seen.note) seen.note = seen.note ? `${seen.note}; ${e.note}` : e.note;
  }
  return map;
}
