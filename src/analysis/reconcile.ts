// Why two figures differ: the difference between them as ordered components, each with its value
// (an interval) and the rows it rests on: what they measure (a births deficit, emigration), whom
// they count (scope), how they count (a named list against an estimate), how they were rounded,
// and what is left: an unexplained residual, always shown.
import type { ColumnTable } from 'arquero';
import { datasets, load } from '../data/load.js';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { balance } from './balance.js';
import { readTable } from './columns.js';
import { decomposeProduct } from './decompose.js';
import type { CasualtyRow } from '../data/contract.js';
import { halfUnit, widen } from './intervals.js';
import { registry } from './registry.js';
import { suggest } from './options.js';

/** What a component of a difference is. */
export type ComponentKind = 'measure' | 'scope' | 'coverage' | 'rounding' | 'factor' | 'residual';

/** One component of the difference between two figures. */
export interface ReconcileComponent {
  kind: ComponentKind;
  /** What it is, in words: 'births deficit', 'rounding', 'unexplained residual' … */
  label: string;
  /** Its share of the difference (`to − from`); the values of all components add up to it. */
  value: number;
  /** The interval it may take (`null`: unbounded on that side). */
  low: number | null;
  high: number | null;
  /** The ids of the rows it rests on. */
  rows: string[];
  /** The sources of those rows. */
  sources: string[];
  /** Whether it rests on an approximate figure ("about 660,000"). */
  approximate: boolean;
  /** Where it comes from, in words built from the figures. */
  note: string;
}

/** A figure reconciled: the row it is, and the interval it stands for. */
export interface ReconcileFigure {
  id: string | null;
  source: string;
  /** The source's name and kind, as the source registry gives them. */
  source_name: string;
  kind: string | null;
  label: string;
  measure: string;
  value: number;
  /** Its published low–high widened by its rounding (`high` null: unbounded). */
  low: number;
  high: number | null;
}

/** The result of {@link reconcile}. */
export interface Reconciliation {
  from: ReconcileFigure;
  to: ReconcileFigure;
  /** `to − from`, with the interval the two figures allow. */
  difference: { value: number; low: number | null; high: number | null };
  /** The components in order: measure, scope, coverage, factor, rounding, residual (always). */
  components: ReconcileComponent[];
  /** A short neutral explanation, built from the same numbers. */
  explanation: string;
}

/**
 * A figure to reconcile: a row id (`'zerjavic-deaths'`, or `'dataset/id'` where an id is in
 * several datasets), or a rate as a product of named factors (`{ factors: { α: 0.6, β: 0.5 } }`).
 */
export type ReconcileInput = string | { factors: Record<string, number> };

/** Options of {@link reconcile}. */
export interface ReconcileOptions {
  /**
   * The figures, in the shape of the data contract, with `id` (and the births deficit and
   * emigration, for a demographic loss).
   * @default every bundled dataset
   */
  table?: ColumnTable;
}

/** Kinds of source that estimate all deaths, against which a named list is a floor. */
const estimates = new Set(['demographic-estimate', 'census-bureau-estimate', 'historian-estimate']);

/** Measures that count the dead (a demographic loss is them and more). */
const deathMeasures = new Set(['deaths', 'killed']);

/**
 * Explains the difference between two figures as ordered components:
 * - measure: deaths against a demographic loss differ by the births deficit and emigration, taken
 *   as `balance()` takes them (the `demographic-loss` dataset: "a 335,000 reduction in the number
 *   of births and emigration of about 660,000");
 * - scope: a figure that is a subset of the other (`subset_of`) differs by the people outside it;
 * - coverage: a named list counts only those registered, so it is a floor under an estimate of
 *   all deaths; the documents do not measure the shortfall, so the component is the remainder,
 *   and it is a coverage difference only if the list is the lower figure (else the residual
 *   holds it);
 * - factor: for two products of factors, Das Gupta's effects ({@link decomposeProduct});
 * - rounding: how far the figures' rounding can move the difference (value 0, an interval);
 * - residual: what is left, with its interval; never hidden, even when 0.
 * The components' values add up to the difference.
 *
 * @param a The first figure (see {@link ReconcileInput}).
 * @param b The second figure; the difference is `b − a`.
 * @param options See {@link ReconcileOptions}.
 * @returns The two figures, their difference and its components (see {@link Reconciliation}).
 * @throws {InvalidOptionError} If a figure is not found, is ambiguous, is not reported, or the
 *   two are in different units; or one is a product of factors and the other not.
 * @example
 * reconcile('zerjavic-deaths', 'yu-official-1945-05-demographic-loss')
 *   .components.map((c) => [c.label, c.value]);
 * // => [['births deficit', 335000], ['emigration', 660000], ['rounding', 0],
 * //     ['unexplained residual', -322000]]
 */
export function reconcile(
  a: ReconcileInput,
  b: ReconcileInput,
  options: ReconcileOptions = {},
): Reconciliation {
  const { table } = checkOptions(options, 'reconcile');
  const isProduct = (x: ReconcileInput): x is Exclude<ReconcileInput, string> =>
    typeof x === 'object' && x !== null && 'factors' in x;
  if (isProduct(a) || isProduct(b)) {
    if (!isProduct(a) || !isProduct(b))
      throw new InvalidOptionError(
        'reconcile: one figure is a product of factors and the other is not; expected two rows ' +
          'or two products of the same factors.',
      );
    return reconcileProduct(a.factors, b.factors);
  }
  const pool = table ? rowsOf(table, null) : datasets.flatMap((id) => rowsOf(load(id), id));
  const from = find(a, pool, 'a');
  const to = find(b, pool, 'b');
  if (from.unit !== to.unit)
    throw new InvalidOptionError(
      `reconcile: a counts ${from.unit} and b ${to.unit}; expected two figures in one unit.`,
    );
  const names = registry();
  const figure = (row: CasualtyRow): ReconcileFigure => {
    const { low, high } = widen(row.low, row.high, row.precision);
    const source = names.get(row.source);
    return {
      id: typeof row.id === 'string' ? row.id : null,
      source: row.source,
      source_name: source?.full ?? row.source,
      kind: (typeof row.kind === 'string' ? row.kind : undefined) ?? source?.kind ?? null,
      label: row.label,
      measure: row.measure,
      value: row.value!,
      low: low!,
      high,
    };
  };
  const A = figure(from);
  const B = figure(to);
  const sign = 1;
  const components: ReconcileComponent[] = [];
  const rounded: CasualtyRow[] = [from, to];

  // measure: deaths against a demographic loss
  const lossOf = (x: CasualtyRow, y: CasualtyRow) =>
    deathMeasures.has(x.measure) && y.measure === 'demographic-loss';
  if (lossOf(from, to) || lossOf(to, from)) {
    const [deaths, loss] = lossOf(from, to) ? [from, to] : [to, from];
    const direction = lossOf(from, to) ? sign : -sign;
    const parts = lossParts(deaths, loss, table, pool);
    for (const part of parts) {
      components.push({
        kind: 'measure',
        label: part.measure === 'births-deficit' ? 'births deficit' : part.measure,
        value: direction * part.value!,
        ...bounds(direction, part.low!, part.high),
        rows: [String(part.id)],
        sources: [part.source],
        approximate: part.qualifier === 'approximate',
        note:
          `${part.qualifier === 'approximate' ? 'about ' : ''}${n(part.value!)} ` +
          `'${part.label}' (${names.get(part.source)?.name ?? part.source}): part of a ` +
          'demographic loss that is not deaths',
      });
      rounded.push(part);
    }
  } else if (from.measure !== to.measure)
    components.push(note('measure', `${from.measure} against ${to.measure}`, [from, to]));

  // scope: one figure a subset of the other
  const subset = from.subset_of === to.id ? 'a' : to.subset_of === from.id ? 'b' : null;
  if (subset)
    components.push({
      kind: 'scope',
      label: 'outside the subset',
      value: 0, // the remainder, set below
      low: 0,
      high: 0,
      rows: [String(from.id), String(to.id)],
      sources: [from.source, to.source],
      approximate: false,
      note:
        `'${subset === 'a' ? A.id : B.id}' counts a subset of the people of ` +
        `'${subset === 'a' ? B.id : A.id}' (subset_of): the difference is the people outside it`,
    });

  // coverage: a named list against an estimate of all deaths
  const listed = A.kind === 'named-list' ? 'a' : B.kind === 'named-list' ? 'b' : null;
  const other = listed === 'a' ? B : A;
  const coverage =
    !subset &&
    listed !== null &&
    estimates.has(other.kind ?? '') &&
    deathMeasures.has(from.measure) &&
    deathMeasures.has(to.measure);

  // the remainder of the published figures, before rounding
  const Dvalue = to.value! - from.value!;
  const Dlow = to.low! - (from.high ?? Infinity);
  const Dhigh = to.high === null ? null : to.high - from.low!;
  const explained = components.reduce((s, c) => s + c.value, 0);
  const lows = components.reduce((s, c) => s + (c.low ?? -Infinity), 0);
  const highs = components.reduce((s, c) => s + (c.high ?? Infinity), 0);
  const remainder = Dvalue - explained;
  const remainderLow = Dlow - highs;
  const remainderHigh = Dhigh === null ? null : Dhigh - lows;
  const half = rounded.reduce((s, r) => s + halfUnit(r.precision), 0);

  let residual = {
    value: remainder,
    low: finite(remainderLow - half),
    high: finite(grow(remainderHigh, half)),
  };
  let residualNote =
    'what the components above leave of the difference; its interval includes the rounding';
  const listIsLower = listed === 'a' ? Dvalue >= 0 : Dvalue <= 0;
  if (subset || (coverage && listIsLower)) {
    const scoped: ReconcileComponent = subset
      ? components.find((c) => c.kind === 'scope')!
      : {
          kind: 'coverage',
          label: 'not on the named list',
          value: 0,
          low: 0,
          high: 0,
          rows: [String(from.id), String(to.id)],
          sources: [from.source, to.source],
          approximate: false,
          note:
            `${listed === 'a' ? A.source_name : B.source_name} is a named list: it counts only ` +
            `those registered, a floor under ${other.source_name}'s estimate of all deaths. No ` +
            'document measures how many were not registered, so this is the remainder of the ' +
            'difference; it is a coverage difference because the list is the lower figure',
        };
    scoped.value = remainder;
    scoped.low = finite(remainderLow);
    scoped.high = finite(remainderHigh);
    if (!subset) components.push(scoped);
    residual = { value: 0, low: 0, high: 0 };
    residualNote =
      'nothing is left by construction: the ' +
      (subset ? 'scope' : 'coverage') +
      ' component is the remainder, as no document measures it';
  } else if (coverage)
    residualNote +=
      `; ${listed === 'a' ? A.source_name : B.source_name} is a named list, a floor, yet it is ` +
      'the higher figure: coverage cannot explain this difference';

  const roundingRows = rounded.filter((r) => halfUnit(r.precision) > 0);
  components.push({
    kind: 'rounding',
    label: 'rounding',
    value: 0,
    low: -half,
    high: half,
    rows: roundingRows.map((r) => String(r.id)),
    sources: [...new Set(roundingRows.map((r) => r.source))],
    approximate: false,
    note:
      half === 0
        ? 'no figure here is recorded as rounded'
        : `half the rounding unit of each rounded figure, added: ±${n(half)}`,
  });
  components.push({
    kind: 'residual',
    label: 'unexplained residual',
    ...residual,
    rows: [String(from.id), String(to.id)],
    sources: [from.source, to.source],
    approximate: false,
    note: residualNote,
  });
  const result = {
    from: A,
    to: B,
    difference: {
      value: Dvalue,
      low: B.low - (A.high ?? Infinity),
      high: B.high === null ? null : B.high - A.low,
    },
    components,
    explanation: '',
  };
  result.explanation = explain(result);
  return result;
}

/** The interval of a part added in `direction` (+1 or −1). */
function bounds(direction: number, low: number, high: number | null) {
  return direction > 0 ? { low, high } : { low: high === null ? null : -high, high: -low };
}

function grow(x: number | null, by: number): number | null {
  return x === null ? null : x + by;
}

/** A bound, or null where it is unbounded. */
function finite(x: number | null): number | null {
  return x === null || !Number.isFinite(x) ? null : x;
}

/** A component the documents do not quantify: value 0, unbounded, and said so. */
function note(kind: ComponentKind, what: string, rows: CasualtyRow[]): ReconcileComponent {
  return {
    kind,
    label: `${kind}: ${what}`,
    value: 0,
    low: null,
    high: null,
    rows: rows.map((r) => String(r.id)),
    sources: rows.map((r) => r.source),
    approximate: false,
    note:
      `the figures count different things (${what}); no document gives the size of the ` +
      'difference',
  };
}

/** The births deficit and emigration of a deaths figure against a loss, as balance() has them. */
function lossParts(
  deaths: CasualtyRow,
  loss: CasualtyRow,
  table: ColumnTable | undefined,
  pool: Pooled[],
): CasualtyRow[] {
  const rows = (table ? balance({ table }) : balance()).objects();
  const row = rows.find(
    (r) =>
      r.deaths_source === deaths.source &&
      r.deaths === deaths.value &&
      r.loss_source === loss.source &&
      r.loss === loss.value,
  );
  if (!row)
    throw new InvalidOptionError(
      `reconcile: no demographic balance of '${deaths.id}' against '${loss.id}'; expected the ` +
        'births deficit and emigration in the table (see balance()).',
    );
  const part = (measure: string, source: string, value: number) =>
    pool.find((p) => p.row.measure === measure && p.row.source === source && p.row.value === value)!
      .row;
  return [
    part('births-deficit', row.births_deficit_source, row.births_deficit),
    part('emigration', row.emigration_source, row.emigration),
  ];
}

/** Two products of factors: Das Gupta's effects, then the rounding and residual. */
function reconcileProduct(a: Record<string, number>, b: Record<string, number>): Reconciliation {
  const d = decomposeProduct(a, b);
  const figure = (value: number, label: string): ReconcileFigure => ({
    id: null,
    source: 'user',
    source_name: 'given',
    kind: null,
    label,
    measure: 'rate',
    value,
    low: value,
    high: value,
  });
  const explained = d.effects.reduce((s, e) => s + e.effect, 0);
  const components: ReconcileComponent[] = [
    ...d.effects.map((e) => ({
      kind: 'factor' as const,
      label: e.factor,
      value: e.effect,
      low: e.effect,
      high: e.effect,
      rows: [],
      sources: [],
      approximate: false,
      note:
        `${e.from} → ${e.to}: ${e.percent === null ? '–' : `${e.percent.toFixed(2)} %`} of the ` +
        "difference (Das Gupta's symmetric effect)",
    })),
    {
      kind: 'rounding',
      label: 'rounding',
      value: 0,
      low: 0,
      high: 0,
      rows: [],
      sources: [],
      approximate: false,
      note: 'the factors are taken as exact',
    },
    {
      kind: 'residual',
      label: 'unexplained residual',
      value: d.difference - explained,
      low: d.difference - explained,
      high: d.difference - explained,
      rows: [],
      sources: [],
      approximate: false,
      note: 'the effects add up to the difference; what is left is floating-point error',
    },
  ];
  const result = {
    from: figure(d.from, 'product of the first factors'),
    to: figure(d.to, 'product of the second factors'),
    difference: { value: d.difference, low: d.difference, high: d.difference },
    components,
    explanation: '',
  };
  result.explanation = explain(result);
  return result;
}

interface Pooled {
  row: CasualtyRow;
  dataset: string | null;
}

function rowsOf(table: ColumnTable, dataset: string | null): Pooled[] {
  return readTable(table, 'reconcile').rows.map((row) => ({ row, dataset }));
}

/** The row named by `given` ('id' or 'dataset/id'), reported, and the row it restates if any. */
function find(given: unknown, pool: Pooled[], name: string): CasualtyRow {
  if (typeof given !== 'string' || given === '')
    throw new InvalidOptionError(
      `reconcile: ${name} is ${show(given)}; expected a row id such as 'zerjavic-deaths', or ` +
        '{ factors: { … } }.',
    );
  const slash = given.indexOf('/');
  const [dataset, id] = slash > 0 ? [given.slice(0, slash), given.slice(slash + 1)] : [null, given];
  const found = pool.filter((p) => p.row.id === id && (dataset === null || p.dataset === dataset));
  if (found.length === 0) {
    const ids = pool.map((p) => p.row.id).filter((x): x is string => typeof x === 'string');
    throw new InvalidOptionError(
      `reconcile: ${name} is ${show(given)}, which is the id of no row.${suggest(id, ids)} ` +
        'Expected a row id (load(dataset) lists them), or dataset/id.',
    );
  }
  if (found.length > 1)
    throw new InvalidOptionError(
      `reconcile: ${name} is ${show(given)}, the id of a row in several datasets ` +
        `(${found.map((f) => f.dataset).join(', ')}); expected dataset/id, e.g. ` +
        `'${found[0]!.dataset}/${id}'.`,
    );
  const row = { ...found[0]!.row, kind: found[0]!.row.kind ?? null };
  if (row.value === null || row.low === null)
    throw new InvalidOptionError(
      `reconcile: ${name} is ${show(given)}, a figure that is not reported; expected a ` +
        'reported figure.',
    );
  return row;
}

const n = (x: number) =>
  (Math.abs(x) >= 1000 ? Math.round(x) : x)
    .toLocaleString('en-US', { maximumFractionDigits: 3 })
    .replace('-', '−');
const signed = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${n(Math.abs(x))}`;
const range = (low: number | null, high: number | null) =>
  `${low === null ? 'any' : signed(low)} to ${high === null ? 'any' : signed(high)}`;

/** A short neutral explanation: the figures, what each counts, and each component. */
function explain(r: Omit<Reconciliation, 'explanation'>): string {
  const what = (f: ReconcileFigure) =>
    `${n(f.value)} ${f.measure.replaceAll('-', ' ')}` +
    (f.source === 'user'
      ? ''
      : ` (${f.source_name}${f.kind ? `, ${f.kind.replaceAll('-', ' ')}` : ''})`);
  const d = r.difference;
  const parts = [
    `From ${what(r.from)} to ${what(r.to)}: a difference of ${signed(d.value)}` +
      (d.low !== d.value || d.high !== d.value
        ? ` (${range(d.low, d.high)} with the figures' intervals)`
        : '') +
      '.',
  ];
  for (const c of r.components) {
    const interval = c.low !== c.value || c.high !== c.value ? ` (${range(c.low, c.high)})` : '';
    parts.push(
      `${c.label[0]!.toUpperCase()}${c.label.slice(1)}: ${signed(c.value)}${interval}; ${c.note}.`,
    );
  }
  if (r.from.source !== 'user')
    parts.push(
      'The figures come from different sources; this shows how they fit together, not which ' +
        'is right.',
    );
  return parts.join(' ');
}
