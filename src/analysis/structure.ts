// The structure between figures (see the README, "How figures relate"): which stated total a row
// is a part of (part_of), which row it is a subset of (subset_of) or restates (restates). Read by
// fromRows/fromCSV to check a user's table, and by rollup and audit so that they only ever add
// parts of one whole.
import { statedTotals } from '../data/load.js';
import { InvalidOptionError, InvalidTableError, show } from '../errors.js';
import { rowsOf, type CasualtyRow } from '../data/contract.js';
import type { Columns } from './columns.js';
import { widen } from './intervals.js';
import { checkChoice, suggest } from './options.js';

/**
 * A whole that rows can be parts of: a stated total (a row of `statedTotals()`, or a user's own).
 */
export interface Whole {
  id: string;
  /** The whole this one is itself a part of. */
  part_of: string | null;
}

/** The wholes known to a check: the bundled stated totals, and the caller's own (which win). */
export function wholes(given: readonly Whole[] = []): Map<string, Whole> {
  const map = new Map<string, Whole>();
  for (const t of statedTotals().objects()) map.set(t.id, { id: t.id, part_of: t.part_of });
  for (const t of given) map.set(t.id, t);
  return map;
}

/**
 * Reads the option `totals` of fromRows/fromCSV (or of audit): a table or an array of stated
 * totals, of which only `id` and `part_of` matter here. Throws if an entry has no id, or the
 * wholes' part_of go round in a circle.
 */
export function readWholes(totals: unknown, fn: string): Whole[] {
  if (totals === undefined) return [];
  const list = totalsList(totals, fn, '{ id, part_of, … }');
  const given = list.flatMap((entry: unknown, i): Whole[] => {
    const t = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    // a total without an id can be checked, not named
    if (t.id === undefined || t.id === null) return [];
    if (typeof t.id !== 'string' || t.id.trim() === '')
      throw totalError(fn, t, i, 'id', 'a non-empty string, or nothing');
    if (t.part_of != null && typeof t.part_of !== 'string')
      throw totalError(fn, t, i, 'part_of', 'the id of another stated total, or nothing');
    return [{ id: t.id, part_of: t.part_of ?? null }];
  });
  const known = wholes(given);
  for (const w of given) {
    if (w.part_of !== null && !known.has(w.part_of))
      throw new InvalidOptionError(
        `${fn}: the stated total '${w.id}' is part_of ${show(w.part_of)}, which is no stated ` +
          `total.${suggest(w.part_of, [...known.keys()])}`,
      );
    const path = ancestors(w.id, known);
    if (path.includes(w.id))
      throw new InvalidOptionError(
        `${fn}: the stated totals' part_of go round in a circle: ` +
          `${[w.id, ...path.slice(0, path.indexOf(w.id) + 1)].join(' → ')}; expected each whole ` +
          'to be part of a larger one, or of none.',
      );
  }
  return given;
}

/** The error for a field of stated total `i` (from 0) of a user's list. */
export function totalError(
  fn: string,
  t: Record<string, unknown>,
  i: number,
  field: string,
  expected: string,
): InvalidOptionError {
  return new InvalidOptionError(
    `${fn}: stated total ${i + 1}, field '${field}': ${show(t[field])}; expected ${expected}.`,
  );
}

/**
 * The entries of an option `totals`: the rows of a table, or the items of an array (a hole in a
 * sparse array is an entry, `undefined`, not skipped). Throws if it is neither.
 */
export function totalsList(totals: unknown, fn: string, shape: string): unknown[] {
  const list = rowsOf(totals);
  if (!Array.isArray(list))
    throw new InvalidOptionError(
      `${fn}: option totals is ${show(totals)}; expected a table or an array of stated totals ` +
        `(${shape}).`,
    );
  return list;
}

/**
 * The stated total every one of some wholes (`part_of` cells) is a part of, or is itself
 * (directly or through smaller wholes), if any; none where a cell names no whole.
 */
export function commonWhole(
  partOf: readonly unknown[],
  known: ReadonlyMap<string, Whole>,
): string | null {
  const chains = partOf.map((w) => (typeof w === 'string' ? [w, ...ancestors(w, known)] : []));
  return chains[0]!.find((w) => chains.every((c) => c.includes(w))) ?? null;
}

/** The wholes above `id` (its part_of, that one's part_of, …), stopping at a repeat. */
export function ancestors(id: string, known: ReadonlyMap<string, Whole>): string[] {
  const path: string[] = [];
  for (let w = known.get(id)?.part_of ?? null; w !== null; w = known.get(w)?.part_of ?? null) {
    path.push(w);
    if (w === id || path.indexOf(w) !== path.length - 1) break;
  }
  return path;
}

/** The columns {@link checkStructure} reads (a structure column the table lacks is undefined). */
export interface StructureColumns {
  rows: number;
  id?: readonly (string | null)[] | undefined;
  part_of?: readonly (string | null)[] | undefined;
  subset_of?: readonly (string | null)[] | undefined;
  restates?: readonly (string | null)[] | undefined;
  precision?: readonly (number | null)[] | undefined;
  unit: readonly string[];
  value: readonly (number | null)[];
  low: readonly (number | null)[];
  high: readonly (number | null)[];
}

/**
 * Checks the structure columns of a user's table (fromRows/fromCSV), column by column: ids
 * unique; part_of names a known whole; subset_of and restates name another row's id, with no
 * circle; a subset is not larger than its whole; a restatement is the same figure. Each problem is
 * pushed as a message (or a function that writes it), in row order within each of those checks.
 * Linear in rows: one id index, and each row's chain of subset_of/restates walked once.
 */
export function checkStructure(
  table: StructureColumns,
  known: ReadonlyMap<string, Whole>,
  where: (i: number) => string,
  problems: { push(...messages: (string | (() => string))[]): number },
): void {
  const { rows, id, part_of: partOf, unit, value, low, high } = table;
  const index = new Map<string, number>();
  if (id)
    for (let i = 0; i < rows; i++) {
      const v = id[i];
      if (typeof v !== 'string') continue; // reported by the row check
      const first = index.get(v);
      if (first !== undefined)
        problems.push(
          `${where(i)}, column 'id': ${show(v)} is also the id of ${where(first)}; expected an ` +
            'id unique in the table.',
        );
      else index.set(v, i);
    }
  const relations = [
    ['subset_of', table.subset_of],
    ['restates', table.restates],
  ] as const;
  for (let i = 0; i < rows; i++) {
    const at = (c: string) => `${where(i)}, column '${c}'`;
    const whole = partOf?.[i];
    if (typeof whole === 'string' && !known.has(whole))
      problems.push(
        () =>
          `${at('part_of')}: ${show(whole)} is not a stated total, so the row would be a part of ` +
          `an unknown whole.${suggest(whole, [...known.keys()])} Expected the id of a bundled ` +
          'stated total (statedTotals()) or of one of your own (option totals), or nothing.',
      );
    for (const [relation, column] of relations) {
      const target = column?.[i];
      if (typeof target !== 'string') continue;
      if (!id) {
        problems.push(
          `${at(relation)}: ${show(target)}, but the table has no column 'id' to name rows by; ` +
            'expected an id column.',
        );
        continue;
      }
      const j = index.get(target);
      if (j === undefined) {
        problems.push(
          () =>
            `${at(relation)}: ${show(target)} is the id of no row of the ` +
            `table.${suggest(target, [...index.keys()])} Expected the id of another row, or ` +
            'nothing.',
        );
        continue;
      }
      if (j === i) {
        problems.push(`${at(relation)}: ${show(target)} is the row itself; expected another row.`);
        continue;
      }
      if (unit[j] !== unit[i]) {
        problems.push(
          `${at(relation)}: ${show(target)} (${where(j)}) counts ${unit[j]}, this row ` +
            `${unit[i]}; expected the same unit.`,
        );
        continue;
      }
      const rowLow = low[i]!;
      const wholeHigh = high[j]!;
      // a share is of its own base ("33% were civilians (of which 82% ...)"), so two shares'
      // sizes say nothing of which people include which; counts of persons are compared
      if (
        relation === 'subset_of' &&
        unit[i] !== 'percent' &&
        rowLow !== null &&
        wholeHigh !== null &&
        rowLow > wholeHigh
      )
        problems.push(
          `${at('subset_of')}: this row's figure (at least ${rowLow}) is larger than its whole ` +
            `${show(target)} (${where(j)}, at most ${wholeHigh}); expected a subset no larger ` +
            'than its whole.',
        );
      if (relation === 'restates' && !meet(table, i, j))
        problems.push(
          `${at('restates')}: ${show(target)} (${where(j)}) is ${value[j] ?? 'not reported'}, ` +
            `this row ${value[i] ?? 'not reported'}; expected the same figure (a restatement ` +
            'mentions one figure again).',
        );
    }
  }
  // A circle of subset_of / restates (a → b → a) would make every row in it overlap itself. Each
  // row leads to at most one other, so each chain is walked once (0: not seen, 1: on the chain
  // being walked, 2: done); a circle is reported at its first row, in row order.
  const { subset_of: subsetOf, restates } = table;
  const next = (i: number): number | undefined => {
    const target = subsetOf?.[i] ?? restates?.[i];
    return typeof target === 'string' ? index.get(target) : undefined;
  };
  const state = new Uint8Array(rows);
  const circleAt = new Uint8Array(rows);
  const chain: number[] = [];
  for (let i = 0; i < rows; i++) {
    if (state[i] !== 0) continue;
    chain.length = 0;
    let j: number | undefined = i;
    while (j !== undefined && state[j] === 0) {
      state[j] = 1;
      chain.push(j);
      j = next(j);
    }
    if (j !== undefined && state[j] === 1) {
      // j is on a circle: its first row is the smallest index on it
      let first = j;
      for (let k = next(j)!; k !== j; k = next(k)!) if (k < first) first = k;
      circleAt[first] = 1;
    }
    for (const k of chain) state[k] = 2;
  }
  for (let i = 0; i < rows; i++) {
    if (circleAt[i] !== 1) continue;
    problems.push(() => {
      const path = [i];
      for (let k = next(i)!; k !== i; k = next(k)!) path.push(k);
      return (
        `${where(i)}: subset_of and restates go round in a circle ` +
        `(${[...path, i].map((k) => show(id?.[k])).join(' → ')}); expected each to lead to a row ` +
        'that is neither.'
      );
    });
  }
}

/**
 * Whether the figures of rows i and j can be the same number,
 * each within its interval and rounding ({@link widen}).
 */
function meet(table: StructureColumns, i: number, j: number): boolean {
  const { value, low, high, precision } = table;
  const a = value[i]!;
  const b = value[j]!;
  if (a === null || b === null) return a === b;
  const x = widen(low[i] ?? a, high[i] ?? null, precision?.[i]);
  const y = widen(low[j] ?? b, high[j] ?? null, precision?.[j]);
  return x.low! <= (y.high ?? Infinity) && y.low! <= (x.high ?? Infinity);
}

/** The row's name in a message: its id if it has one, else its label. */
export function named(row: CasualtyRow): string {
  return typeof row.id === 'string' ? `'${row.id}'` : `'${row.label}'`;
}

/** What to do about the structure when adding rows (option `overlap` of rollup). */
export type OverlapPolicy = 'refuse' | 'allow';

/** Checks the option `overlap`. */
export function checkOverlap(value: unknown, fn: string): OverlapPolicy {
  return checkChoice(
    fn,
    'overlap',
    value,
    ['refuse', 'allow'],
    "'refuse' (the default: only parts of one whole are added) or 'allow' (add the rows anyway)",
  );
}

/** Which rows count once, and where each of them was given again (see {@link countOnce}). */
export interface CountedOnce<Row> {
  /** The rows that count, in the order given. */
  counted: Row[];
  /** For each counted row that other rows restate: those rows, in the order given. */
  alsoGiven: Map<Row, Row[]>;
}

/**
 * The restatement policy, the one place it is written: a figure counts once.
 *
 * - A row that restates another row **present** among `rows` (its `restates` names that row's id,
 *   directly or through a chain of restatements) is the same figure mentioned again: it does not
 *   count, and is listed under the row it restates (`alsoGiven`), so that a result or a chart can
 *   say where else the figure was given.
 * - A row whose restated row is **absent** (filtered out, or never in the table) counts: among
 *   these rows it is the only mention of its figure.
 *
 * `compare`, `spread`, `agreement`, `balance` and `rollup` apply it to the rows they use; a chart
 * builder calls it on the rows it draws (`countOnce(table.objects())`).
 *
 * @param rows Row objects with `id` and `restates` (a row without them counts).
 * @example
 * const { counted, alsoGiven } = countOnce(load('military-losses').objects());
 * // the infobox's Italian 9,065 killed restate the article's: the article's row counts, and
 * // alsoGiven.get(articleRow) holds the infobox's row
 */
export function countOnce<Row extends { id?: unknown; restates?: unknown }>(
  rows: readonly Row[],
): CountedOnce<Row> {
  const { counted, alsoGiven } = countOnceAt(
    (k) => rows[k]!.id,
    (k) => rows[k]!.restates,
    rows.map((_, k) => k),
  );
  const given = new Map<Row, Row[]>();
  for (const [k, others] of alsoGiven)
    given.set(
      rows[k]!,
      others.map((o) => rows[o]!),
    );
  return { counted: counted.map((k) => rows[k]!), alsoGiven: given };
}

/**
 * {@link countOnce} for rows given by number (the analysis functions' column-wise tables).
 *
 * @param id The id of row `i`.
 * @param restates The id row `i` restates, if any.
 * @param rows The rows to consider, by number, in order.
 */
export function countOnceAt(
  id: (i: number) => unknown,
  restates: (i: number) => unknown,
  rows: ArrayLike<number>,
): CountedOnce<number> {
  const at = new Map<string, number>();
  for (let k = 0; k < rows.length; k++) {
    const v = id(rows[k]!);
    if (typeof v === 'string' && !at.has(v)) at.set(v, rows[k]!);
  }
  const counted: number[] = [];
  const alsoGiven = new Map<number, number[]>();
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    let j = i;
    // follow the chain of restatements to the first row present that restates none present
    for (let steps = 0; steps <= rows.length; steps++) {
      const target = restates(j);
      const next = typeof target === 'string' ? at.get(target) : undefined;
      if (next === undefined || next === j) break;
      j = next;
      if (j === i) break; // a circle (fromRows refuses one): every row of it counts
    }
    if (j === i) counted.push(i);
    else {
      const list = alsoGiven.get(j);
      if (list) list.push(i);
      else alsoGiven.set(j, [i]);
    }
  }
  return { counted, alsoGiven };
}

/**
 * The rows of a column-wise table that count once ({@link countOnce}): those that restate no
 * other row among `rows`. A table without the columns `id` and `restates` keeps every row (and
 * gets `rows` back as they are).
 */
export function countedRows(t: Columns, rows: readonly number[]): readonly number[] {
  if (!t.has('restates') || !t.has('id')) return rows;
  const id = t.get('id');
  const restates = t.get('restates');
  return countOnceAt(
    (i) => id[i],
    (i) => restates[i],
    rows,
  ).counted;
}

/** Why a group of rows cannot be added: the reason as data, for an error or a note. */
export type SumProblem =
  | {
      /** `row` is a subset of `of` (its people are among that row's). */
      kind: 'subset';
      row: CasualtyRow;
      of: string;
    }
  | {
      /** The rows are not parts of one whole: some have no part_of, or their wholes differ. */
      kind: 'wholes';
      rows: readonly CasualtyRow[];
      /** The rows declared a part of no whole. */
      loose: readonly CasualtyRow[];
      /** The distinct wholes of the rows (`null`: none). */
      wholes: readonly (string | null)[];
    };

/**
 * Whether a group of rows may be added: only parts of one whole are. A row and the row it is a
 * subset of overlap (the same people would be counted twice); rows that are parts of different
 * wholes (unless those are parts of one larger whole), or rows with no part_of beside rows with
 * one, are not parts of one whole. Rows of a table without the structure columns are taken as the
 * caller gives them. Restatements are not a problem here: {@link countOnce} drops them first.
 *
 * @returns The problem, or `null` if the rows may be added.
 */
export function sumProblem(
  group: readonly CasualtyRow[],
  known: ReadonlyMap<string, Whole>,
): SumProblem | null {
  if (group.length < 2) return null;
  const ids = new Set(group.map((r) => r.id).filter((id): id is string => typeof id === 'string'));
  for (const row of group) {
    const target = row.subset_of;
    if (typeof target === 'string' && ids.has(target)) return { kind: 'subset', row, of: target };
  }
  const hasPartOf = group.some((r) => r.part_of !== undefined);
  if (!hasPartOf) return null; // a table without structure: the caller's rows as given
  const partOf = group.map((r) => r.part_of ?? null);
  const distinct = [...new Set(partOf)];
  if (distinct.length === 1 && distinct[0] !== null) return null;
  // Parts of different wholes may be added when those wholes are parts of one larger whole.
  if (!distinct.includes(null)) {
    if (commonWhole(distinct, known) !== null) return null;
  }
  const loose = group.filter((r) => (r.part_of ?? null) === null);
  return { kind: 'wholes', rows: group, loose, wholes: distinct };
}

/**
 * A sum problem in words, as the clause after "would add" / "adds": which rows, and why they are
 * not parts of one whole.
 */
export function sumProblemText(problem: SumProblem): string {
  if (problem.kind === 'subset') {
    const { row, of } = problem;
    return (
      `${named(row)} to '${of}', but ${named(row)} is a subset of '${of}' (its people are ` +
      "among that row's)"
    );
  }
  const { rows, loose, wholes: distinct } = problem;
  const which =
    loose.length === rows.length
      ? 'none of its rows is'
      : `${loose.map(named).join(', ')} ${loose.length === 1 ? 'is' : 'are'}`;
  const detail =
    loose.length > 0
      ? `${which} declared a part of a whole (part_of empty)`
      : `its rows are parts of different wholes (${distinct.map((w) => `'${w}'`).join(', ')}) ` +
        'that are not parts of one larger whole';
  return `${rows.map(named).join(', ')}, but ${detail}`;
}

/**
 * The error for a sum problem: rollup refuses the group (with `overlap: 'refuse'`).
 *
 * @param describeGroup The group in words, e.g. "the group source 'kocovic', measure 'deaths'".
 */
export function sumProblemError(
  problem: SumProblem,
  fn: string,
  describeGroup: string,
): InvalidTableError {
  const why =
    problem.kind === 'subset'
      ? 'adding them counts the same people twice. Filter one of them out, group them apart ' +
        "(option by), or pass overlap: 'allow' to add them anyway."
      : 'only parts of one whole are added. Group them apart (option by), filter the table, or ' +
        "pass overlap: 'allow' to add them anyway.";
  return new InvalidTableError(
    `${fn}: ${describeGroup} would add ${sumProblemText(problem)}; ${why}`,
  );
}
