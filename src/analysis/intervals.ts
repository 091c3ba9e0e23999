// The rules of the arithmetic (the README, "The rules of the arithmetic"), each written once here:
//
// | rule                                      | where                                            |
// | ----------------------------------------- | ------------------------------------------------ |
// | a dash is unknown, never 0                | `sumParts`: left out, counted; no upper bound    |
// | a rounded figure carries its precision    | `widen`: ± half the rounding unit, never below 0 |
// | ranges and bounds are intervals           | `sumParts`: lows add to lows, highs to highs     |
// | a `null` high is unbounded                | `sumParts`, `widen`: it stays unbounded          |
// | a division without an answer is null      | `divide`, never Infinity or NaN                  |
// | a share is never added, unless all the    | `sumParts`: refuses, `SHARES_NOT_ADDED` says why |
// | parts are shares of one whole (one base)  |                                                  |
import type { Qualifier } from '../data/contract.js';
import { SharesNotAddedError } from '../errors.js';

/**
 * Why rows in unit `percent` are never added, in the words of every refusal and note that says so.
 * Each share is of its own base, so a sum of shares is a share of nothing: the 47 % of Slovene
 * casualties who were Partisans and the 82 % of civilians killed by one side would make 129 %.
 */
export const SHARES_NOT_ADDED =
  'a share is not a count: each percentage is of its own base, so a sum of them is a share of ' +
  'nothing, unless all are parts of one whole (part_of); add the counts instead, or keep the ' +
  "rows of unit 'persons'";

/**
 * Whether a row's unit makes it a share (`percent`), which is never added.
 *
 * @example
 * isShare('percent'); // => true
 * isShare('persons'); // => false
 */
export function isShare(unit: unknown): boolean {
  return unit === 'percent';
}

/**
 * Half a rounding unit: how far a figure rounded to `precision` may lie from the true number
 * (0 where no rounding is recorded).
 *
 * @example
 * halfUnit(1000); // => 500
 * halfUnit(null); // => 0
 */
export function halfUnit(precision: number | string | null | undefined): number {
  const unit = Number(precision ?? 0);
  return unit > 0 ? unit / 2 : 0;
}

/**
 * The interval a rounded figure stands for: its published `low`–`high`, widened by half its
 * rounding unit each way (see {@link halfUnit}), and never below 0, since a count or a share
 * cannot be negative: "about 300", rounded to the thousand, stands for 0–800, not −200–800. A
 * `null` high stays unbounded (an at-least figure); a `null` low (not reported) stays `null`.
 * This is the one place the package widens a figure for its precision (`balance`, `rates`,
 * `audit`, `compare`, `spread`, `sumParts` for `rollup` and `harmonize`, and the check of a
 * restatement in `fromRows` all call it); the published `low`/`high` in a table never change.
 *
 * @param low The published low (or a sum's).
 * @param high The published high; `null` where unbounded.
 * @param precision The rounding unit (e.g. 1000); `null` where none is recorded.
 * @example
 * widen(1700000, 1700000, 100000); // => { low: 1650000, high: 1750000 }
 * widen(300, 300, 1000); // => { low: 0, high: 800 }
 * widen(24000, null, 1000); // => { low: 23500, high: null }
 */
export function widen(
  low: number | null,
  high: number | null,
  precision: number | string | null | undefined,
): { low: number | null; high: number | null } {
  const half = halfUnit(precision);
  return {
    low: low === null ? null : Math.max(0, low - half),
    high: high === null ? null : high + half,
  };
}

/** The sum of figures with their intervals (see rollup for the rules). */
export interface IntervalSum {
  value: number | null;
  low: number | null;
  high: number | null;
  /**
   * `not-reported` if no part is reported; `at-least` if a part is unbounded or not reported (the
   * sum is then a lower bound); else `derived`.
   */
  qualifier: Qualifier;
  /** How many parts have a figure. */
  reported: number;
  /**
   * How many parts are not reported (value null); they are left out of the sum, never taken as 0.
   */
  notReported: number;
  /** The high of the reported parts alone (`null` if one of them is unbounded). */
  reportedHigh: number | null;
  /**
   * Half the rounding units (`precision`) of the reported parts,
   * added up: how far rounding can move the sum.
   */
  rounding: number;
  /**
   * `low` and `high` with each part widened by its rounding first (see {@link widen}: ± half its
   * `precision`, never below 0), as `rollup` gives them: 300 rounded to the thousand adds 0–800.
   */
  widened: { low: number | null; high: number | null };
}

/** Figures to add, one array per column (a table's columns, or rows' figures laid out so). */
export interface Figures {
  value: readonly (number | null)[];
  low: readonly (number | null)[];
  high: readonly (number | null)[];
  label: readonly string[];
  /** The unit each figure was rounded to; `null` where none is recorded. */
  precision: readonly (number | string | null | undefined)[];
  /** Each figure's unit (`persons` or `percent`); where absent, every figure counts persons. */
  unit?: readonly (string | null | undefined)[];
  /** The whole each figure is declared a part of (`part_of`), where known. */
  partOf?: readonly unknown[];
}

/** The running sums of {@link sumParts}, one buffer for every call (read before it returns). */
const scratch = new Float64Array(12);

/**
 * Adds figures with interval arithmetic: values add to the value, lows to the low, highs to the
 * high; one part unbounded above (high null, `at-least`) makes the sum unbounded. A part that is
 * not reported (a dash) is unknown, never 0: it is left out of the value and the low, counted, and
 * makes the sum unbounded above (high null, `at-least`), since it could hold any number. A part
 * with no lower figure (low null, `at-most`) adds 0 to the low.
 *
 * Shares are never added: where more than one part is to be added and one of them is in unit
 * `percent`, the sum is refused with a {@link SharesNotAddedError} saying why
 * ({@link SHARES_NOT_ADDED}), unless every part is a share declared a part of one and the same
 * whole (`part_of`: one base, whose shares may be checked against 100 %). One share alone is no
 * sum, and passes. Every function that adds
 * (`rollup`, `harmonize`, `audit`) adds through here, so all refuse alike.
 *
 * @param parts Which figures to add (indices into `figures`); all of them by default.
 * @param fn The function asking, named in the error.
 * @throws {SharesNotAddedError} If several parts are to be added and one is a share.
 * @example
 * const figures = { value: [47, 82], low: [47, 82], high: [47, 82], label: ['a', 'b'],
 *   precision: [null, null], unit: ['percent', 'percent'] };
 * sumParts(figures, [0, 1], 'rollup'); // throws: rollup: would add the shares 'a' + 'b' …
 */
export function sumParts(
  figures: Figures,
  parts: ArrayLike<number> = figures.value.map((_, i) => i),
  fn = 'sumParts',
): IntervalSum {
  refuseShares(figures, parts, fn);
  // the columns read once: figures come in several shapes (a table's columns, a list of parts)
  const { value: values, low: lows, high: highs, precision } = figures;
  // value, low, high, rounding, widened low, widened high: each a sum and its correction
  const sums = scratch.fill(0);
  // where no part is rounded, the widened sums are the low and high sums (the same additions)
  let rounded = false;
  for (let k = 0; k < parts.length && !rounded; k++) rounded = halfUnit(precision[parts[k]!]) > 0;
  let reported = 0;
  let unbounded = false;
  for (let k = 0; k < parts.length; k++) {
    const i = parts[k]!;
    const value = values[i] ?? null;
    if (value === null) continue;
    reported++;
    add(sums, 0, value);
    // an at-most part ("as many as") has no lower figure: a count is never below 0
    const low = lows[i] ?? 0;
    add(sums, 2, low);
    const high = highs[i] ?? null;
    if (high === null) unbounded = true;
    else add(sums, 4, high);
    if (!rounded) continue;
    const half = halfUnit(precision[i]);
    add(sums, 6, half);
    if (half > 0) {
      const wide = widen(low, high, precision[i]);
      add(sums, 8, wide.low!);
      if (wide.high !== null) add(sums, 10, wide.high);
    } else {
      add(sums, 8, low);
      if (high !== null) add(sums, 10, high);
    }
  }
  const notReported = parts.length - reported;
  if (reported === 0)
    return {
      value: null,
      low: null,
      high: null,
      qualifier: 'not-reported',
      reported: 0,
      notReported,
      reportedHigh: null,
      rounding: 0,
      widened: { low: null, high: null },
    };
  const reportedHigh = unbounded ? null : sums[4]! + sums[5]!;
  return {
    value: sums[0]! + sums[1]!,
    low: sums[2]! + sums[3]!,
    high: notReported > 0 ? null : reportedHigh,
    qualifier: unbounded || notReported > 0 ? 'at-least' : 'derived',
    reported,
    notReported,
    reportedHigh,
    rounding: sums[6]! + sums[7]!,
    widened: {
      low: rounded ? sums[8]! + sums[9]! : sums[2]! + sums[3]!,
      high: notReported > 0 || unbounded ? null : rounded ? sums[10]! + sums[11]! : reportedHigh,
    },
  };
}

/**
 * Throws a {@link SharesNotAddedError} if several parts are to be added and one is a share,
 * unless every part is a share declared a part of the same whole (`part_of`): shares of one base,
 * such as 47 % + 33 % + 20 % of one source's casualties, whose sum is a check against 100 %.
 */
function refuseShares(figures: Figures, parts: ArrayLike<number>, fn: string): void {
  const { unit } = figures;
  if (!unit || parts.length < 2) return;
  const shares: string[] = [];
  for (let k = 0; k < parts.length; k++)
    if (isShare(unit[parts[k]!])) shares.push(figures.label[parts[k]!]!);
  if (shares.length === 0) return;
  if (shares.length === parts.length && oneWhole(figures, parts)) return;
  throw new SharesNotAddedError(
    `${fn}: would add the shares '${shares.join("' + '")}' (unit 'percent') to ` +
      `${parts.length === shares.length ? 'each other' : 'counts'}; expected counts: ` +
      `${SHARES_NOT_ADDED}.`,
    shares,
    parts.length,
  );
}

/** Whether every part is declared a part of one and the same whole (figures with `part_of`). */
function oneWhole(figures: Figures, parts: ArrayLike<number>): boolean {
  // figures read by readColumns carry their other columns too (analysis/columns.ts)
  const structured = figures as {
    has?: (name: string) => boolean;
    get?: (name: string) => readonly unknown[];
  };
  const partOf =
    figures.partOf ??
    (typeof structured.has === 'function' && structured.has('part_of')
      ? structured.get!('part_of')
      : null);
  if (!partOf) return false;
  const whole = partOf[parts[0]!];
  if (typeof whole !== 'string') return false;
  for (let k = 1; k < parts.length; k++) if (partOf[parts[k]!] !== whole) return false;
  return true;
}

/**
 * Adds `x` to the compensated sum at `sums[k]` (its correction at `sums[k + 1]`): Neumaier's
 * summation, step for step as simple-statistics' `sum` does it, so that both give the same bits.
 */
function add(sums: Float64Array, k: number, x: number): void {
  const s = sums[k]!;
  const t = s + x;
  sums[k + 1]! += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  sums[k] = t;
}

/**
 * The label and the note of a sum of several rows, from one pass over its parts: the label joins
 * the labels of the parts added with ' + ' (of every part where none is reported); the note names
 * the parts added, the parts left out (not reported), the lower bounds and the upper figures
 * (`at-most`).
 *
 * @param parts Which figures were added (indices into `figures`).
 */
export function sumText(
  figures: Pick<Figures, 'value' | 'low' | 'high' | 'label'>,
  parts: ArrayLike<number>,
): { label: string; note: string } {
  const reported: string[] = [];
  const missing: string[] = [];
  const bounds: string[] = [];
  const upper: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const i = parts[k]!;
    const label = figures.label[i]!;
    if ((figures.value[i] ?? null) === null) missing.push(label);
    else {
      reported.push(label);
      if ((figures.high[i] ?? null) === null) bounds.push(label);
      if ((figures.low[i] ?? null) === null) upper.push(label);
    }
  }
  // each list joined once, the quotes in the separators: 'a' + 'b'
  let note =
    reported.length > 0 ? `derived: the sum of '${reported.join("' + '")}'` : 'no part is reported';
  if (missing.length > 0)
    note +=
      '; not reported, left out (not taken as 0), so the sum is a lower bound with no upper ' +
      `bound: '${missing.join("', '")}'`;
  if (bounds.length > 0) note += `; lower bounds, so the sum is one too: '${bounds.join("', '")}'`;
  if (upper.length > 0)
    note += `; upper figures with no lower one, taken as 0 in the low: '${upper.join("', '")}'`;
  // with no part reported, every part is missing
  return { label: (reported.length > 0 ? reported : missing).join(' + '), note };
}

/** A division that gives null, never Infinity or NaN, where it has no answer. */
export function divide(a: number | null, b: number | null): number | null {
  return a === null || b === null || b === 0 ? null : a / b;
}
