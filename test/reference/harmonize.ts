// Reference for the columnar `harmonize` (issue 17): the package's row-by-row code as it was before
// the rewrite, kept only where the rewrite changed it (types, option checks, crosswalk parsing and
// audit's reasons come from the package). Row objects, one pass per question: plainly right.
import {
  bundled,
  userEntries,
  type CrosswalkEntry,
  type HarmonizeOptions,
  type HarmonizeRow,
} from '../../src/analysis/harmonize.js';
import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../../src/data/load.js';
import { InvalidOptionError } from '../../src/errors.js';
import { checkMissing } from '../../src/analysis/rollup.js';
import { sumGroup } from './rollup.js';
import { wholes } from '../../src/analysis/structure.js';
import {
  bookkeepingColumns,
  structureColumns,
  checkDimension,
  groupRows,
  readTable,
  toTable,
  unique,
  type CasualtyRow,
} from './shared.js';

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
