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
  named,
  sumProblem,
  sumProblemError,
  sumProblemText,
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

/**
 * A figure counts once: the rows of a group that restate another row of the group (through a
 * chain) are dropped, and said in the note under the row they restate.
 */
function countOnce(rows: readonly CasualtyRow[]): { kept: CasualtyRow[]; again: string } {
  const byId = new Map<string, CasualtyRow>();
  for (const r of rows) if (typeof r.id === 'string' && !byId.has(r.id)) byId.set(r.id, r);
  const root = (r: CasualtyRow): CasualtyRow => {
    const seen = new Set([r]);
    let x = r;
    while (typeof x.restates === 'string' && byId.has(x.restates)) {
      const next = byId.get(x.restates)!;
      if (seen.has(next)) return r;
      seen.add(next);
      x = next;
    }
    return x;
  };
  const under = new Map<CasualtyRow, CasualtyRow[]>();
  const kept: CasualtyRow[] = [];
  for (const r of rows) {
    const to = root(r);
    if (to === r) kept.push(r);
    else under.set(to, [...(under.get(to) ?? []), r]);
  }
  const said = [...under].map(
    ([k, others]) => `${named(k)} given again as ${others.map(named).join(', ')}`,
  );
  return { kept, again: said.length ? `counted once: ${said.join('; ')} (the same figure)` : '' };
}

export function sumGroup(
  all: readonly CasualtyRow[],
  keys: readonly string[],
  missing: MissingPolicy,
  fn: string,
  refuse: ReadonlyMap<string, Whole> | null = null,
  known: ReadonlyMap<string, Whole> | null = refuse,
): RollupRow & Record<string, unknown> {
  const first = all[0]!;
  const { kept: group, again } = all.length > 1 ? countOnce(all) : { kept: all, again: '' };
  const head: Record<string, unknown> = {};
  for (const key of keys) head[key] = first[key] ?? null;
  const groupName = `the group ${keys.map((k) => `${k} ${show(first[k] ?? null)}`).join(', ')}`;
  let allowed: string | null = null; // why the sum would have been refused, with overlap: 'allow'
  const problem = refuse || known ? sumProblem(group, (refuse ?? known)!) : null;
  if (problem && refuse) throw sumProblemError(problem, fn, groupName);
  if (problem) allowed = `adds ${sumProblemText(problem)}`;
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
    const { value, low, high, qualifier, label } = group[0]!;
    const note = again ? [group[0]!.note, again].filter(Boolean).join('; ') : group[0]!.note;
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
    note:
      (allowed ? `${sumNote(group)}; with overlap: 'allow', it ${allowed}` : sumNote(group)) +
      (again ? `; ${again}` : ''),
    parts: total.reported,
    not_reported: total.notReported,
  } as RollupRow & Record<string, unknown>;
}
