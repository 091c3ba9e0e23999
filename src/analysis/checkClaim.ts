// Checking a claim ("1.7 million killed") against the published figures it can be compared with:
// what each counts (measure), for whom (scope), and whether the number fits the figure's interval
// and rounding. The verdicts keep the three apart, and the explanation is built from the same
// numbers: which sources, what they count; never who is right.
import type { ColumnTable } from 'arquero';
import { datasets, load } from '../data/load.js';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { readTable } from './columns.js';
import { readFigure } from './rounding.js';
import type { CasualtyRow } from '../data/contract.js';
import { widen } from './intervals.js';
import { registry } from './registry.js';
import { suggest } from './options.js';
import { countOnce } from './structure.js';

/** How certain a claim says it is (the data contract's qualifiers that a claim can have). */
export type ClaimQualifier = 'exact' | 'approximate' | 'at-least' | 'at-most' | 'range';

const claimQualifiers: readonly ClaimQualifier[] = [
  'exact',
  'approximate',
  'at-least',
  'at-most',
  'range',
];

/** A claim, in structured form (no natural-language parsing). */
export interface Claim {
  /**
   * The figure as claimed: a number, or as written (`'1.7 million'`, `'about 850,000'` is
   * `{ value: '850,000', qualifier: 'approximate' }`). For a range, its low end.
   */
  value: number | string;
  /** For a range, its high end. */
  high?: number | string;
  /** `exact` (the default), `approximate` ("about"), `at-least`, `at-most` or `range`. */
  qualifier?: ClaimQualifier;
  /**
   * The unit the claim rounded to, e.g. 100000 for "1.7 million"; by default, for an exact or
   * approximate claim, read from how the value is written (its last significant digit:
   * 1,700,000 → 100,000), and none for a range or a bound, which states its own interval. Give 1
   * for a figure exact to the person.
   */
  precision?: number;
  /** What the claim counts: `deaths`, `killed`, `demographic-loss`, `casualties` … */
  measure: string;
  /** `persons` (the default) or `percent`. */
  unit?: string;
  /**
   * Whom the claim counts, as dimension keys of the data contract, e.g. `{ nationality: 'serbs' }`;
   * none for Yugoslavia as a whole.
   */
  scope?: Record<string, string>;
  /** The period, as the `period` dimension's keys (e.g. `post-war`); none for the whole war. */
  period?: string;
}

/** Options of {@link checkClaim}. */
export interface CheckClaimOptions {
  /**
   * The published figures to check against, in the shape of the data contract (with `id`,
   * `restates` and `subset_of` where it has them).
   * @default every bundled dataset
   */
  table?: ColumnTable;
}

/** How a published figure's measure stands to the claim's. */
export type MeasureRelation = 'same' | 'related' | 'different';

/** A published figure compared with a claim. */
export interface ClaimCheckRow {
  /** The figure's row id, and the dataset it is from (`null` for a user's table). */
  id: string | null;
  dataset: string | null;
  source: string;
  /** The source's name and kind, as the source registry gives them. */
  source_name: string;
  kind: string | null;
  label: string;
  measure: string;
  value: number | null;
  /** The interval the figure stands for: its published low–high, widened by its rounding. */
  low: number | null;
  high: number | null;
  qualifier: string;
  /** The rows that mention the same figure again (`restates` this one). */
  restated_by: string[];
  /** The row whose people include this one's (`subset_of`), if any. */
  subset_of: string | null;
  /** `same` measure, `related` (e.g. killed against deaths), or `different`: not comparable. */
  measure_relation: MeasureRelation;
  /** `same` scope, or `wider`: the figure counts more people, a whole the claim is within. */
  scope_relation: 'same' | 'wider';
  /**
   * `within`: the claim's interval meets the figure's (for a wider figure: the claim is no larger
   * than it); `outside`: it does not; `undetermined`: the figure is not reported.
   */
  number: 'within' | 'outside' | 'undetermined';
  /** The three together: `consistent`, `inconsistent`, `not-comparable` or `undetermined`. */
  verdict: 'consistent' | 'inconsistent' | 'not-comparable' | 'undetermined';
  /** Why, in words built from the figures. */
  reason: string;
}

/** The result of {@link checkClaim}. */
export interface ClaimCheck {
  /** The claim as read: its figure and the interval it stands for. */
  claim: {
    value: number;
    low: number;
    high: number | null;
    /** The unit it was rounded to; `null` for a count exact to the person. */
    precision: number | null;
    qualifier: ClaimQualifier;
    measure: string;
    unit: string;
    scope: Record<string, string>;
  };
  /** The published figures the claim can be compared with, same scope first, in table order. */
  rows: ClaimCheckRow[];
  /**
   * The ids of the figures of the same scope whose number the claim matches, whatever they count,
   * the nearest first: the figure the claim most likely repeats.
   */
  matches: string[];
  /** A short neutral explanation, built from the same numbers. */
  explanation: string;
}

/**
 * What a measure counts, in the documents' words where they give them. A measure not listed here
 * is compared by name only.
 */
export const measureMeanings: Readonly<Record<string, string>> = Object.freeze({
  deaths: 'deaths',
  killed: 'people killed',
  'demographic-loss':
    'a demographic loss, which the document describes as "an estimate of total demographic ' +
    'loss that covered the expected population if war did not break out, the number of unborn ' +
    'children, and losses from emigration and disease": more than deaths',
  casualties:
    'casualties, a word that can include the wounded, missing and prisoners as well as the dead',
  'killed-and-missing': 'the killed and the missing together',
  'births-deficit': 'a reduction in the number of births',
  emigration: 'emigration',
});

/** Measures that count the dead under another word: comparable, with a note. */
const related: readonly (readonly [string, string])[] = [
  ['deaths', 'killed'],
  ['deaths', 'died-of-wounds'],
];

/** Dimension columns that describe the source or the date of a figure, not whom it counts. */
const notScope = new Set(['kind', 'date']);

/**
 * Whom every row of a bundled dataset counts beyond its own columns, from the dataset's title
 * (datapackage.json): "Slovenia: the 2005 study…", "Žerjavić: Serbs in the NDH…", "Italian
 * casualties by region", "Belgrade offensive (1944): losses by belligerent".
 */
const datasetScopes: Readonly<Record<string, Record<string, string>>> = Object.freeze({
  'slovenia-2005': { region: 'slovenia' },
  'ndh-serbs': { region: 'ndh', nationality: 'serbs' },
  'italian-by-region': { belligerent: 'italy' },
  'belgrade-offensive': { operation: 'belgrade-offensive' },
});

/**
 * Checks a claim against the published figures it can be compared with: those of the same scope
 * (every figure for Yugoslavia as a whole, for a claim without scope), and those of a wider scope
 * (a claim about a part is at most its whole). For each figure, three separate verdicts:
 * - measure: a claim of deaths against a demographic loss is not comparable, and says so;
 * - scope: the same people, or a whole the claim's people are within;
 * - number: whether the claim's interval (its figure widened by its rounding: "1.7 million" stands
 *   for 1,650,000–1,750,000; "about 850,000" for 845,000–855,000) meets the figure's (its published
 *   low–high widened by its own rounding, the rule the package applies to every figure).
 * A figure that restates another (`restates`) is listed once, at the figure it restates, with the
 * rows that mention it again; `subset_of` is carried.
 *
 * @param claim See {@link Claim}.
 * @param options See {@link CheckClaimOptions}.
 * @returns The claim as read, the figures with their verdicts, the ids matched, and an explanation.
 * @throws {InvalidOptionError} If the claim is not valid (no measure, a value that is not a
 *   figure, a range without a high end, an unknown qualifier).
 * @example
 * const check = checkClaim({ value: '1.7 million', measure: 'deaths' });
 * check.matches[0]; // => 'yu-official-1945-05-demographic-loss'
 * check.rows.find((r) => r.id === check.matches[0]).verdict; // => 'not-comparable'
 */
export function checkClaim(claim: Claim, options: CheckClaimOptions = {}): ClaimCheck {
  const { table } = checkOptions(options, 'checkClaim');
  const read = readClaim(claim);
  const widened = widen(read.row.low, read.row.high, read.row.precision);
  const claimLow = widened.low!;
  const claimHigh = widened.high ?? Infinity;
  const claimScope = { ...read.scope };
  const names = registry();
  // a figure counts once (the package's restatement policy), within each table
  const tables = table ? [rowsOf(table, null)] : datasets.map((id) => rowsOf(load(id), id));
  const restatedBy = new Map<CasualtyRow, string[]>();
  const pool = tables.flatMap((rows) => {
    const { counted, alsoGiven } = countOnce(rows.map((r) => r.row));
    for (const [row, others] of alsoGiven)
      restatedBy.set(
        row,
        others.map((o) => String(o.id)),
      );
    const kept = new Set(counted);
    return rows.filter((r) => kept.has(r.row));
  });

  const rows: ClaimCheckRow[] = [];
  for (const { row, dataset, scope } of pool) {
    if (row.unit !== read.unit) continue;
    const relation = scopeRelation(claimScope, scope);
    if (relation === null) continue;
    const measure = measureRelation(read.measure, row.measure);
    const reported = row.value !== null;
    const { low, high } = reported
      ? widen(row.low, row.high, row.precision)
      : { low: null, high: null };
    const within =
      relation === 'same'
        ? low !== null && claimLow <= (high ?? Infinity) && low <= claimHigh
        : high === null || claimLow <= high;
    const number = !reported ? 'undetermined' : within ? 'within' : 'outside';
    const verdict =
      measure === 'different'
        ? 'not-comparable'
        : number === 'undetermined'
          ? 'undetermined'
          : number === 'within'
            ? 'consistent'
            : 'inconsistent';
    const source = names.get(row.source);
    const entry: ClaimCheckRow = {
      id: typeof row.id === 'string' ? row.id : null,
      dataset,
      source: row.source,
      source_name: source?.full ?? row.source,
      kind: source?.kind ?? null,
      label: row.label,
      measure: row.measure,
      value: row.value,
      low,
      high,
      qualifier: row.qualifier,
      restated_by: restatedBy.get(row) ?? [],
      subset_of: typeof row.subset_of === 'string' ? row.subset_of : null,
      measure_relation: measure,
      scope_relation: relation,
      number,
      verdict,
      reason: '',
    };
    entry.reason = reason(entry, read.measure, claimLow, claimHigh);
    rows.push(entry);
  }
  rows.sort((a, b) =>
    a.scope_relation === b.scope_relation ? 0 : a.scope_relation === 'same' ? -1 : 1,
  );
  const distance = (r: ClaimCheckRow) => Math.abs(r.value! - read.row.value!);
  const matches = rows
    .filter((r) => r.scope_relation === 'same' && r.number === 'within' && r.id !== null)
    .sort((a, b) => distance(a) - distance(b))
    .map((r) => r.id!);
  const result = {
    claim: {
      value: read.row.value!,
      low: claimLow,
      high: claimHigh === Infinity ? null : claimHigh,
      precision: read.row.precision ?? null,
      qualifier: read.qualifier,
      measure: read.measure,
      unit: read.unit,
      scope: claimScope,
    },
    rows,
    matches,
    explanation: '',
  };
  result.explanation = explain(result);
  return result;
}

/** The claim, checked and read into a contract row. */
function readClaim(claim: Claim) {
  if (typeof claim !== 'object' || claim === null || Array.isArray(claim))
    throw new InvalidOptionError(
      `checkClaim: claim is ${show(claim)}; expected { value, measure, qualifier?, scope? … }.`,
    );
  const qualifier = claim.qualifier ?? 'exact';
  if (!claimQualifiers.includes(qualifier))
    throw new InvalidOptionError(
      `checkClaim: option qualifier is ${show(qualifier)};${suggest(qualifier, claimQualifiers)} ` +
        `expected one of ${claimQualifiers.join(', ')}.`,
    );
  if (typeof claim.measure !== 'string' || !/^[a-z]+(-[a-z]+)*$/.test(claim.measure))
    throw new InvalidOptionError(
      `checkClaim: option measure is ${show(claim.measure)}; expected a measure in kebab-case, ` +
        "e.g. 'deaths', 'killed' or 'demographic-loss'.",
    );
  const unit = claim.unit ?? 'persons';
  if (unit !== 'persons' && unit !== 'percent')
    throw new InvalidOptionError(
      `checkClaim: option unit is ${show(unit)}; expected 'persons' or 'percent'.`,
    );
  const scope: Record<string, string> = {};
  if (claim.scope !== undefined) {
    if (typeof claim.scope !== 'object' || claim.scope === null || Array.isArray(claim.scope))
      throw new InvalidOptionError(
        `checkClaim: option scope is ${show(claim.scope)}; expected an object of dimension keys, ` +
          "e.g. { nationality: 'serbs' }.",
      );
    for (const [k, v] of Object.entries(claim.scope)) {
      if (typeof v !== 'string' || v === '')
        throw new InvalidOptionError(
          `checkClaim: option scope.${k} is ${show(v)}; expected a key of that dimension.`,
        );
      scope[k] = v;
    }
  }
  if (claim.period !== undefined) {
    if (typeof claim.period !== 'string' || claim.period === '')
      throw new InvalidOptionError(
        `checkClaim: option period is ${show(claim.period)}; expected a key of the period ` +
          "dimension, e.g. 'post-war'.",
      );
    scope.period = claim.period;
  }
  const figure = readFigure(claim.value);
  if (
    claim.precision !== undefined &&
    (typeof claim.precision !== 'number' || !(claim.precision > 0))
  )
    throw new InvalidOptionError(
      `checkClaim: option precision is ${show(claim.precision)}; expected the unit the claim ` +
        'was rounded to, a number above 0 (1 for a figure exact to the person).',
    );
  // A figure's rounding is read from how it is written for an exact or approximate claim; a
  // range or a bound states its own interval ("from 900,000 to 1,000,000" is not ± 50,000).
  // A count of persons written to the unit is exact: its ± ½ holds no other whole number.
  const written = qualifier === 'exact' || qualifier === 'approximate' ? figure.precision : null;
  const read = claim.precision ?? written;
  const precision = read === null || (unit === 'persons' && read <= 1) ? null : read;
  let low: number | null = figure.value;
  let high: number | null = figure.value;
  let value = figure.value;
  if (qualifier === 'range') {
    if (claim.high === undefined)
      throw new InvalidOptionError(
        "checkClaim: the qualifier is 'range' but option high is missing; expected the range's " +
          'high end.',
      );
    const top = readFigure(claim.high);
    if (top.value < figure.value)
      throw new InvalidOptionError(
        `checkClaim: option high is ${show(claim.high)}, below the value ${show(claim.value)}; ` +
          "expected a range's high end.",
      );
    high = top.value;
    value = (figure.value + top.value) / 2;
  } else if (claim.high !== undefined)
    throw new InvalidOptionError(
      `checkClaim: option high is ${show(claim.high)} but the qualifier is '${qualifier}'; ` +
        "expected high only with qualifier 'range'.",
    );
  if (qualifier === 'at-least') high = null;
  if (qualifier === 'at-most') low = 0;
  const row: CasualtyRow = {
    source: 'claim',
    measure: claim.measure,
    unit,
    value,
    low,
    high,
    qualifier: qualifier === 'at-most' ? 'exact' : qualifier,
    label: String(claim.value),
    note: null,
    precision,
  };
  return { row, qualifier, measure: claim.measure, unit, scope };
}

/** The rows of a table with the dataset they are from and whom each counts. */
function rowsOf(
  table: ColumnTable,
  dataset: string | null,
): { row: CasualtyRow; dataset: string | null; scope: Record<string, string> }[] {
  const { rows, dimensions } = readTable(table, 'checkClaim');
  const keys = dimensions.filter((d) => !notScope.has(d));
  return rows.map((row) => {
    const scope: Record<string, string> = { ...(dataset ? datasetScopes[dataset] : {}) };
    for (const k of keys) if (typeof row[k] === 'string') scope[k] = row[k];
    return { row, dataset, scope };
  });
}

/**
 * `same` if the figure counts the claim's people, `wider` if the claim's people are within the
 * figure's (the claim has every key of the figure's scope and more), else `null`: not compared.
 */
function scopeRelation(
  claim: Record<string, string>,
  row: Record<string, string>,
): 'same' | 'wider' | null {
  const rowKeys = Object.keys(row);
  if (!rowKeys.every((k) => claim[k] === row[k])) return null;
  return rowKeys.length === Object.keys(claim).length ? 'same' : 'wider';
}

function measureRelation(claim: string, row: string): MeasureRelation {
  if (claim === row) return 'same';
  return related.some(([a, b]) => (a === claim && b === row) || (a === row && b === claim))
    ? 'related'
    : 'different';
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const interval = (low: number, high: number | null) =>
  high === null ? `${n(low)} or more` : low === high ? n(low) : `${n(low)}–${n(high)}`;

/** Why a row got its verdict, from its numbers. */
function reason(row: ClaimCheckRow, measure: string, low: number, high: number): string {
  const what = measureMeanings[row.measure] ?? row.measure;
  const claimWhat = measureMeanings[measure] ?? measure;
  const figure =
    row.value === null
      ? 'not reported'
      : `${n(row.value)} (stands for ${interval(row.low!, row.high)})`;
  const measureText =
    row.measure_relation === 'different'
      ? `it counts ${what}, the claim ${claimWhat}: not the same measure`
      : row.measure_relation === 'related'
        ? `it counts ${what}, the claim ${claimWhat}: related measures`
        : `it counts ${claimWhat}, as the claim does`;
  const scopeText =
    row.scope_relation === 'same'
      ? 'the same scope'
      : 'a wider scope (the claim counts a part of it)';
  const claimText = interval(low, high === Infinity ? null : high);
  const numberText =
    row.number === 'undetermined'
      ? 'the figure is not reported, so the number cannot be checked'
      : row.scope_relation === 'wider'
        ? row.number === 'within'
          ? `the claim (${claimText}) is no larger than it`
          : `the claim (${claimText}) is larger than this whole`
        : row.number === 'within'
          ? `the claim (${claimText}) meets it`
          : `the claim (${claimText}) lies outside it`;
  const subset = row.subset_of ? `; it counts a subset of the people of '${row.subset_of}'` : '';
  return `${figure}; ${measureText}; ${scopeText}${subset}; ${numberText}.`;
}

/** A short neutral explanation from the verdicts: which sources, what they count. */
function explain(result: Omit<ClaimCheck, 'explanation'>): string {
  const { claim, rows } = result;
  const kind = (r: ClaimCheckRow) => (r.kind ? `, ${r.kind.replaceAll('-', ' ')}` : '');
  const mentions = (r: ClaimCheckRow) =>
    r.restated_by.length > 0 ? `, also given in ${r.restated_by.length} other mention(s)` : '';
  const name = (r: ClaimCheckRow) => `${n(r.value!)} (${r.source_name}${kind(r)}${mentions(r)})`;
  // figures of one source together: "1,685,000, 1,706,000 and 1,704,000 (Government of …)"
  const names = (list: ClaimCheckRow[]) => {
    const groups = new Map<string, ClaimCheckRow[]>();
    for (const r of list) groups.set(r.source, [...(groups.get(r.source) ?? []), r]);
    return [...groups.values()]
      .map((g) =>
        g.length === 1
          ? name(g[0]!)
          : `${g
              .map((r) => n(r.value!))
              .join(', ')
              .replace(/, ([^,]*)$/, ' and $1')} (${g[0]!.source_name}${kind(g[0]!)})`,
      )
      .join('; ');
  };
  const claimMeaning = measureMeanings[claim.measure] ?? claim.measure;
  const parts: string[] = [
    `The claim: ${claim.qualifier === 'approximate' ? 'about ' : ''}${n(claim.value)} ` +
      claimMeaning +
      (claim.high !== claim.low
        ? `, which as written stands for ${interval(claim.low, claim.high)}`
        : '') +
      '.',
  ];
  const same = rows.filter((r) => r.scope_relation === 'same' && r.value !== null);
  const otherMeasure = same.filter(
    (r) => r.number === 'within' && r.measure_relation === 'different',
  );
  for (const measure of new Set(otherMeasure.map((r) => r.measure))) {
    const these = otherMeasure.filter((r) => r.measure === measure);
    parts.push(
      `In number it matches ${names(these)}, which ` +
        `count${these.length > 1 ? '' : 's'} ${measureMeanings[measure] ?? measure}: not the ` +
        "claim's measure, so not comparable as they stand.",
    );
  }
  const comparable = same.filter((r) => r.measure_relation !== 'different');
  const fits = comparable.filter((r) => r.number === 'within');
  const misses = comparable.filter((r) => r.number === 'outside');
  if (comparable.length === 0)
    parts.push(`No published figure of the same scope counts ${claimMeaning}.`);
  else {
    if (fits.length > 0) parts.push(`Within the interval of: ${names(fits)}.`);
    if (misses.length > 0)
      parts.push(
        `Published figures of ${claimMeaning} for the same scope that the claim lies outside: ` +
          `${names(misses)}.`,
      );
  }
  const wider = rows.filter(
    (r) => r.scope_relation === 'wider' && r.measure_relation !== 'different',
  );
  const exceeded = wider.filter((r) => r.number === 'outside');
  if (exceeded.length > 0)
    parts.push(
      `The claim counts a part of what these count, yet is larger than them: ` +
        `${names(exceeded)}.`,
    );
  parts.push('The sources count in different ways; this compares the figures, not their authors.');
  return parts.join(' ');
}
