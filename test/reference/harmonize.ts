// Reference for the columnar harmonize: the package's row-by-row code as it was before the columnar
// rewrite (issue 17), JSDoc removed. Row objects, one pass per question: slow, plainly right.
import type { ColumnTable } from 'arquero';
import {
  crosswalk as bundledCrosswalk,
  crosswalkDimensions,
  type CrosswalkDimension,
  type TypedTable,
} from '../../src/data/load.js';
import { InvalidOptionError, show } from '../../src/errors.js';
import { checkMissing, sumGroup, type MissingPolicy, type RollupRow } from './rollup.js';
import { wholes } from '../../src/analysis/structure.js';
import {
  bookkeepingColumns,
  structureColumns,
  checkDimension,
  groupRows,
  readTable,
  suggest,
  toTable,
  unique,
  type CasualtyRow,
} from './shared.js';

export interface CrosswalkEntry {
  source?: string | null;
  key: string;
  group: string;
  comparability?: 'same' | 'partial';
  note?: string | null;
  dataset?: string | null;
}

export interface HarmonizeOptions {
  dimension: string;
  crosswalk?: readonly CrosswalkEntry[] | ColumnTable;
  dataset?: string;
  missing?: MissingPolicy;
}

export interface HarmonizeRow extends RollupRow {
  comparability: 'same' | 'partial' | null;
  warning: string | null;
}

export function harmonize(
  table: ColumnTable,
  options: HarmonizeOptions,
): TypedTable<HarmonizeRow & Record<string, string | number | boolean | null>> {
  const { rows, dimensions, columns } = readTable(table, 'harmonize');
  const dimension = checkDimension(options?.dimension, dimensions, 'harmonize', 'dimension');
  const missing = checkMissing(options.missing, 'harmonize');
  const entries =
    options.crosswalk === undefined
      ? bundled(dimension, options.dataset)
      : userEntries(options.crosswalk);
  const lookup = index(entries, dimension);

  interface Tagged extends CasualtyRow {
    __comparability: string | null;
    __warning: string | null;
  }
  const tagged: Tagged[] = rows.map((row) => {
    const key = row[dimension] ?? null;
    if (key === null) return { ...row, __comparability: null, __warning: null };
    const entry =
      lookup.get(JSON.stringify([row.source, key])) ?? lookup.get(JSON.stringify([null, key]));
    if (!entry) {
      return {
        ...row,
        __comparability: null,
        __warning: `no crosswalk entry for source '${row.source}', ${dimension} '${key}'; kept as it is`,
      };
    }
    const partial = entry.comparability === 'partial';
    return {
      ...row,
      [dimension]: entry.group,
      __comparability: entry.comparability ?? 'same',
      __warning: partial ? `${row.label}: ${entry.note ?? 'only partly comparable'}` : null,
    };
  });

  const keys = ['source', ...dimensions, 'measure', 'unit'];
  // Only parts of one whole are added (see rollup's option overlap); a table without structure as given.
  const known = columns.includes('part_of') ? wholes() : null;
  const result = groupRows(tagged, keys).map((group) => {
    const comparabilities = group.map((r) => r.__comparability);
    const warnings = unique(group.map((r) => r.__warning).filter((w): w is string => w !== null));
    return {
      ...sumGroup(group, keys, missing, 'harmonize', known),
      comparability: comparabilities.includes(null)
        ? null
        : comparabilities.includes('partial')
          ? 'partial'
          : 'same',
      warning: warnings.length > 0 ? warnings.join('; ') : null,
    };
  });
  // A harmonized row is a sum: it keeps no row's id or relations (its whole is in 'whole').
  const names = [
    ...columns.filter(
      (c) =>
        !bookkeepingColumns.includes(c) && !(structureColumns as readonly string[]).includes(c),
    ),
    ...bookkeepingColumns.filter((c) => c !== 'whole'),
    ...(known ? ['whole'] : []),
  ];
  return toTable(result, names) as TypedTable<
    HarmonizeRow & Record<string, string | number | boolean | null>
  >;
}

function bundled(dimension: string, dataset: unknown): CrosswalkEntry[] {
  if (!(crosswalkDimensions as readonly string[]).includes(dimension)) {
    throw new InvalidOptionError(
      `harmonize: there is no bundled crosswalk for dimension '${dimension}'; bundled: ${crosswalkDimensions.join(', ')}. Pass your own with the option crosswalk.`,
    );
  }
  const entries: CrosswalkEntry[] = bundledCrosswalk(dimension as CrosswalkDimension).objects();
  if (dataset === undefined) return entries;
  const datasets = unique(entries.map((e) => e.dataset as string));
  if (typeof dataset !== 'string' || !datasets.includes(dataset)) {
    throw new InvalidOptionError(
      `harmonize: option dataset is ${show(dataset)}, which has no entries in the ${dimension} crosswalk.${suggest(dataset, datasets)} Expected one of: ${datasets.join(', ')}.`,
    );
  }
  return entries.filter((e) => e.dataset === dataset);
}

function userEntries(crosswalk: unknown): CrosswalkEntry[] {
  const list: unknown = Array.isArray(crosswalk)
    ? crosswalk
    : typeof crosswalk === 'object' &&
        crosswalk !== null &&
        typeof (crosswalk as ColumnTable).objects === 'function'
      ? (crosswalk as ColumnTable).objects()
      : undefined;
  if (!Array.isArray(list))
    throw new InvalidOptionError(
      `harmonize: option crosswalk is ${show(crosswalk)}; expected an array of { source?, key, group, comparability?, note? } or a table with those columns.`,
    );
  // Array.from: a hole in a sparse array is an entry (undefined, so an error), not skipped by map and left a hole.
  return Array.from(list).map((entry: unknown, i) => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const bad = (field: string, expected: string) =>
      new InvalidOptionError(
        `harmonize: crosswalk entry ${i + 1}, field '${field}': ${show(e[field])}; expected ${expected}.`,
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

function index(entries: readonly CrosswalkEntry[], dimension: string): Map<string, CrosswalkEntry> {
  const map = new Map<string, CrosswalkEntry>();
  for (const e of entries) {
    const id = JSON.stringify([e.source ?? null, e.key]);
    const seen = map.get(id);
    if (!seen) {
      map.set(id, { ...e });
      continue;
    }
    if (seen.group !== e.group) {
      const who = e.source ? `source '${e.source}'` : 'every source';
      throw new InvalidOptionError(
        `harmonize: the crosswalk maps ${dimension} '${e.key}' of ${who} to both '${seen.group}' and '${e.group}'; narrow it with the option dataset, or give one entry per key.`,
      );
    }
    if (e.comparability === 'partial') seen.comparability = 'partial';
    if (e.note && e.note !== seen.note) seen.note = seen.note ? `${seen.note}; ${e.note}` : e.note;
  }
  return map;
}
