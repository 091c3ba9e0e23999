// A check across tables: a demographic loss against the parts it is said to consist of (deaths, a
// births deficit and emigration), each from the table that gives it.
import type { ColumnTable } from 'arquero';
import { load, sources } from '../data/load.js';
import type { TypedTable } from '../data/load.js';
import { InvalidTableError, checkOptions } from '../errors.js';
import type { CasualtyRow, Qualifier } from '../data/contract.js';
import { readTable, toTable, unique } from './columns.js';
import { isShare, widen } from './intervals.js';
import { countOnce } from './structure.js';

/** Options of {@link balance}. */
export interface BalanceOptions {
  /**
   * The figures to balance: rows of measure `demographic-loss`, `deaths`, `births-deficit` and
   * `emigration` in the shape of the data contract (from `fromRows`, or several tables'
   * `objects()` joined).
   * @default the bundled `total-estimates` and `demographic-loss`
   */
  table?: ColumnTable;
}

/**
 * A row of the result of {@link balance}: one deaths estimate,
 * with the other parts, against the loss.
 */
export interface BalanceRow {
  /** The source of the deaths figure. */
  deaths_source: string;
  /** The kind of that source (`demographic-estimate`, `named-list`…); `null` if unknown. */
  deaths_kind: string | null;
  /** Its deaths figure and interval (rounding widened by the row's `precision`, where given). */
  deaths: number;
  deaths_low: number;
  /** The qualifier of each figure, as published (`exact`, `approximate`, `range`…). */
  deaths_qualifier: Qualifier;
  deaths_high: number | null;
  births_deficit_source: string;
  births_deficit: number;
  births_deficit_low: number;
  births_deficit_qualifier: Qualifier;
  births_deficit_high: number | null;
  emigration_source: string;
  emigration: number;
  emigration_low: number;
  emigration_qualifier: Qualifier;
  emigration_high: number | null;
  /** deaths + births deficit + emigration, with its interval (`null` high: unbounded). */
  parts: number;
  parts_low: number;
  parts_high: number | null;
  loss_source: string;
  /** The demographic loss (the stated whole). */
  loss: number;
  loss_low: number;
  loss_qualifier: Qualifier;
  loss_high: number | null;
  /**
   * Whether a figure of the balance is approximate ("about 660,000"):
   * then so are the sum and the gap.
   */
  approximate: boolean;
  /** `parts − loss`: positive where the parts exceed the demographic loss. */
  gap: number;
  /**
   * The smallest gap the intervals allow, `parts_low − loss_high`; `null` where unbounded below.
   */
  gap_low: number | null;
  /** The largest gap the intervals allow, `parts_high − loss_low`; `null` where unbounded above. */
  gap_high: number | null;
  /** Which figures were used, and what each is. */
  note: string;
}

/** A figure with the interval it stands for. */
interface Interval {
  row: CasualtyRow;
  value: number;
  low: number;
  high: number | null;
}

/**
 * The demographic balance: a demographic loss against deaths + births deficit + emigration, the
 * parts the documents name for it ("an estimate of total demographic loss that covered ... the
 * number of unborn children, and losses from emigration"; "The demographic losses due to a 335,000
 * reduction in the number of births and emigration of about 660,000 are not included with war
 * casualties"). One row per deaths figure (each source that gives one), with the births deficit and
 * emigration of the same source where it gives them, else the one figure the table gives; the gap
 * is `parts − loss`, with the interval the figures allow. A figure's interval is its published
 * `low`–`high`, widened by half its `precision` where the table says how the source rounded.
 * A figure that restates another (`restates`) is used once. The parts come from different
 * sources: the gap says how far the figures fit together, not which is right. The 1948 sentence
 * also names disease, so parts short of the loss leave a remainder the documents do not break
 * down, while parts above it are more than the whole they are said to make up.
 *
 * Rows in unit `percent` are left out: a share is not a count, and the parts are added.
 *
 * On the bundled data (no precision given): Žerjavić 1,027,000 + 335,000 + ~660,000 = 2,022,000
 * against the official 1,700,000, a gap of +322,000; Kočović +309,000; the 1964 list −107,677.
 *
 * @param options See {@link BalanceOptions}.
 * @returns A new table, one row per deaths figure, in table order (see {@link BalanceRow}).
 * @throws {InvalidTableError} If the table lacks one of the four measures, a figure is not
 *   reported, or it gives several different births deficits (or emigrations, or losses) with
 *   none from the deaths figure's own source.
 * @example
 * balance()
 *   .filter((d) => d.deaths_source === 'zerjavic')
 *   .select('deaths', 'parts', 'loss', 'gap')
 *   .object();
 * // => { deaths: 1027000, parts: 2022000, loss: 1700000, gap: 322000 }
 */
export function balance(options: BalanceOptions = {}): TypedTable<BalanceRow> {
  const { table } = checkOptions(options, 'balance');
  const rows = table
    ? readRows(table)
    : [...readRows(load('total-estimates')), ...readRows(load('demographic-loss'))];
  // a figure counts once: a row restating another row of the table is left out; shares (unit
  // 'percent') are left out, since the parts are added and a share is never added
  // (SHARES_NOT_ADDED in intervals.ts)
  const used = countOnce(rows.filter((r) => !isShare(r.unit))).counted;
  const of = (measure: string) => {
    const found = used.filter((r) => r.measure === measure);
    if (found.length === 0)
      throw new InvalidTableError(
        `balance: the table has no row of measure '${measure}'; expected rows of ` +
          'demographic-loss, deaths, births-deficit and emigration (it has ' +
          `${unique(rows.map((r) => r.measure)).join(', ')}).`,
      );
    return found.map(interval);
  };
  const losses = distinct(of('demographic-loss'));
  const births = of('births-deficit');
  const emigration = of('emigration');
  const kinds = new Map(
    sources()
      .objects()
      .map((s) => [s.id, s.kind]),
  );

  const [deathsSource, ...deaths] = figureColumns('deaths');
  const names = [
    deathsSource!,
    'deaths_kind',
    ...deaths,
    ...figureColumns('births_deficit'),
    ...figureColumns('emigration'),
    'parts',
    'parts_low',
    'parts_high',
    ...figureColumns('loss'),
    'approximate',
    'gap',
    'gap_low',
    'gap_high',
    'note',
  ];
  // a figure's cells, in the order of figureColumns
  const cells = (f: Interval) => [f.row.source, f.value, f.low, f.high, f.row.qualifier];
  const result = of('deaths').flatMap((d) => {
    const b = pick(births, d, 'births-deficit');
    const e = pick(emigration, d, 'emigration');
    const parts = [d, b, e];
    const partsLow = parts.reduce((s, p) => s + p.low, 0);
    const partsHigh = parts.some((p) => p.high === null)
      ? null
      : parts.reduce((s, p) => s + p.high!, 0);
    const partsValue = d.value + b.value + e.value;
    const [source, ...figures] = cells(d);
    return losses.map((l) => {
      // in the order of names
      return [
        source,
        d.row.kind ?? kinds.get(d.row.source) ?? null,
        ...figures,
        ...cells(b),
        ...cells(e),
        partsValue,
        partsLow,
        partsHigh,
        ...cells(l),
        [...parts, l].some((f) => f.row.qualifier === 'approximate'),
        partsValue - l.value,
        l.high === null ? null : partsLow - l.high,
        partsHigh === null ? null : partsHigh - l.low,
        `deaths '${d.row.label}' (${d.row.source}) + births deficit '${b.row.label}' ` +
          `(${b.row.source}) + emigration '${e.row.label}' (${e.row.source}), against the ` +
          `demographic loss '${l.row.label}' (${l.row.source})`,
      ];
    });
  });
  return toTable(result, names);
}

/** The columns of one figure of a balance: its source, value, low, high and qualifier. */
function figureColumns(name: string): string[] {
  return [`${name}_source`, name, `${name}_low`, `${name}_high`, `${name}_qualifier`];
}

function readRows(table: ColumnTable): CasualtyRow[] {
  return readTable(table, 'balance').rows;
}

/** A reported figure with its interval: published low–high, widened by half the precision. */
function interval(row: CasualtyRow): Interval {
  if (row.value === null)
    throw new InvalidTableError(
      `balance: '${row.label}' (${row.source}, ${row.measure}) is not reported; a balance needs ` +
        'every part.',
    );
  const { low, high } = widen(row.low, row.high, row.precision);
  return { row, value: row.value, low: low!, high };
}

/** The figures once each: the same source giving the same figure and interval is one figure. */
function distinct(figures: Interval[]): Interval[] {
  const seen = new Map<string, Interval>();
  for (const f of figures) {
    const key = JSON.stringify([f.row.source, f.value, f.low, f.high]);
    if (!seen.has(key)) seen.set(key, f);
  }
  return [...seen.values()];
}

/** The part for a deaths figure: the same source's, else the one figure the table gives. */
function pick(figures: Interval[], deaths: Interval, measure: string): Interval {
  const own = figures.filter((f) => f.row.source === deaths.row.source);
  if (own.length === 1) return own[0]!;
  const all = distinct(figures);
  if (own.length === 0 && all.length === 1) return all[0]!;
  const given = own.length > 1 ? own : all;
  throw new InvalidTableError(
    `balance: for the deaths of ${deaths.row.source}, the table gives ` +
      `${given.length} ${measure} figures ` +
      `(${given.map((f) => `'${f.row.label}' (${f.row.source})`).join(', ')}); ` +
      'expected one from the same source, or one in all.',
  );
}
