// Reference for the columnar `rollup` (issue 17): the package's row-by-row code as it was before
// the rewrite, kept only where the rewrite changed it (types, option checks, crosswalk parsing and
// audit's reasons come from the package). Row objects, one pass per question: plainly right.
import {
  checkMissing,
  type MissingPolicy,
  type RollupOptions,
  type RollupRow,
} from '../../src/analysis/rollup.js';
import type { ColumnTable } from 'arquero';
import type { TypedTable } from '../../src/data/load.js';
import { InvalidOptionError, InvalidTableError, checkOptions, show } from '../../src/errors.js';
import {
  ancestors,
  checkOverlap,
  checkSum,
  wholes,
  type Whole,
} from '../../src/analysis/structure.js';
import {
  checkDimension,
  groupRows,
  readTable,
  sumNote,
  sumParts,
  toTable,
  unique,
  type CasualtyRow,
} from './shared.js';

export function rollup<By extends string = string>(
  table: ColumnTable,
  options?: RollupOptions<By>,
): TypedTable<RollupRow & Record<By, string | null>> {
  const { rows, dimensions } = readTable(table, 'rollup');
  const {
    by: byOption,
    missing: missingOption,
    overlap: overlapOption,
  } = checkOptions(options, 'rollup');
  const given = byOption === undefined ? [] : typeof byOption === 'string' ? [byOption] : byOption;
  if (!Array.isArray(given))
    throw new InvalidOptionError(
      `rollup: option by is ${show(given)}; expected a column name or an array of them.`,
    );
  const by = unique(given.map((b: unknown) => checkDimension(b, dimensions, 'rollup')));
  const missing = checkMissing(missingOption, 'rollup');
  const overlap = checkOverlap(overlapOption, 'rollup');
  const structured = table.columnNames().includes('part_of');
  const known = overlap === 'refuse' || structured ? wholes() : null;
  const keys = ['source', ...by, 'measure', 'unit'];
  const result = groupRows(rows, keys).map((group) =>
    sumGroup(group, keys, missing, 'rollup', overlap === 'refuse' ? known : null, known),
  );
  return toTable(result, [
    ...keys,
    'value',
    'low',
    'high',
    'qualifier',
    'label',
    'note',
    'parts',
    'not_reported',
    ...(structured ? ['whole'] : []),
  ]) as TypedTable<RollupRow & Record<By, string | null>>;
}

function commonWhole(
  group: readonly CasualtyRow[],
  known: ReadonlyMap<string, Whole>,
): string | null {
  const chains = group.map((r) =>
    typeof r.part_of === 'string' ? [r.part_of, ...ancestors(r.part_of, known)] : [],
  );
  return chains[0]!.find((w) => chains.every((c) => c.includes(w))) ?? null;
}

export function sumGroup(
  group: readonly CasualtyRow[],
  keys: readonly string[],
  missing: MissingPolicy,
  fn: string,
  refuse: ReadonlyMap<string, Whole> | null = null,
  known: ReadonlyMap<string, Whole> | null = refuse,
): RollupRow & Record<string, unknown> {
  const first = group[0]!;
  const head: Record<string, unknown> = {};
  for (const key of keys) head[key] = first[key] ?? null;
  const groupName = `the group ${keys.map((k) => `${k} ${show(first[k] ?? null)}`).join(', ')}`;
  let allowed: string | null = null; // why the sum would have been refused, with overlap: 'allow'
  if (refuse) checkSum(group, refuse, fn, groupName);
  else if (known)
    try {
      checkSum(group, known, fn, groupName);
    } catch (error) {
      allowed = (error as Error).message.replace(/^[^:]*: .*? would add /, 'adds ');
    }
  if (known) head.whole = commonWhole(group, known);
  if (missing === 'fail') {
    const absent = group.find((r) => r.value === null);
    if (absent) {
      const where = keys
        .filter((k) => k !== 'unit')
        .map((k) => `${k} ${show(absent[k] ?? null)}`)
        .join(', ');
      throw new InvalidTableError(
        `${fn}: the row '${absent.label}' (${where}) is not reported; with missing: 'fail' every part must have a value. Use missing: 'skip' to leave it out and count it.`,
      );
    }
  }
  const total = sumParts(group);
  if (group.length === 1) {
    const { value, low, high, qualifier, label, note } = first;
    return {
      ...head,
      value,
      low,
      high,
      qualifier,
      label,
      note,
      parts: total.reported,
      not_reported: total.notReported,
    } as RollupRow & Record<string, unknown>;
  }
  return {
    ...head,
    value: total.value,
    low: total.low,
    high: total.high,
    qualifier: total.qualifier,
    label: (total.reported > 0 ? group.filter((r) => r.value !== null) : group)
      .map((r) => r.label)
      .join(' + '),
    note: allowed
      ? `${sumNote(group)}; with overlap: 'allow', it ${allowed.split('; only parts')[0]!.split('; adding them')[0]}`
      : sumNote(group),
    parts: total.reported,
    not_reported: total.notReported,
  } as RollupRow & Record<string, unknown>;
}
