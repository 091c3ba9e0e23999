// Reference for the columnar `shared` (issue 17): the package's row-by-row code as it was before
// the rewrite, kept only where the rewrite changed it (types, option checks, crosswalk parsing and
// audit's reasons come from the package). Row objects, one pass per question: plainly right.
import {
  bookkeepingColumns,
  checkColumnNames,
  contractColumns,
  isTable,
  maxCount,
  qualifiers,
  structureColumns,
  type CasualtyRow,
} from '../../src/data/contract.js';
import { suggest } from '../../src/analysis/options.js';
import { unique } from '../../src/analysis/columns.js';
import { SHARES_NOT_ADDED, type IntervalSum } from '../../src/analysis/intervals.js';
export { bookkeepingColumns, structureColumns } from '../../src/data/contract.js';
export { checkDimension, suggest } from '../../src/analysis/options.js';
export { divide } from '../../src/analysis/intervals.js';
export { unique } from '../../src/analysis/columns.js';
export type { CasualtyRow, Qualifier } from '../../src/data/contract.js';
export type { IntervalSum } from '../../src/analysis/intervals.js';
import { table as columnTable } from 'arquero';
import type {} from 'arquero';
import { sum } from 'simple-statistics';
import type { TypedTable } from '../../src/data/load.js';
import {
  InvalidOptionError,
  InvalidTableError,
  SharesNotAddedError,
  listNames,
  show,
} from '../../src/errors.js';

export interface ContractTable {
  rows: CasualtyRow[];
  dimensions: string[];
  columns: string[];
}

export function readTable(table: unknown, fn: string): ContractTable {
  if (!isTable(table)) {
    const given = Array.isArray(table)
      ? `an array of ${table.length} items (pass it through fromRows() first)`
      : show(table);
    throw new InvalidTableError(
      `${fn}: expected an Arquero table (from load(), fromRows() or fromCSV()); got ${given}.`,
    );
  }
  const columns = table.columnNames();
  checkColumnNames(columns, fn);
  const absent = contractColumns.filter((c) => !columns.includes(c));
  if (absent.length > 0) {
    throw new InvalidTableError(
      `${fn}: the table has no column ${absent.map((c) => `'${c}'`).join(', ')}; every table needs ${contractColumns.join(', ')} (it has ${listNames(columns)}).`,
    );
  }
  const rows = table.objects() as CasualtyRow[];
  const dimensions = columns.filter(
    (c) =>
      !(contractColumns as readonly string[]).includes(c) &&
      !bookkeepingColumns.includes(c) &&
      !(structureColumns as readonly string[]).includes(c),
  );
  rows.forEach((row, i) => {
    // Text columns: the functions compare, group and quote them, so they must be text.
    for (const column of ['source', 'measure', 'unit', 'label', 'note', ...dimensions]) {
      const v = row[column];
      const ok = typeof v === 'string' || (v === null && column !== 'label' && column !== 'source');
      if (!ok)
        throw new InvalidTableError(
          `${fn}: row ${i + 1}, column ${show(column)}: ${show(v)}; expected ${column === 'note' || dimensions.includes(column) ? 'a string, or null' : 'a string'}.`,
        );
    }
    for (const column of ['value', 'low', 'high'] as const) {
      const v = row[column];
      if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) {
        throw new InvalidTableError(
          `${fn}: row ${i + 1}, column ${show(column)}: ${show(v)}; expected a number, or null where not reported.`,
        );
      }
      if (v !== null && (v < 0 || v > maxCount)) {
        throw new InvalidTableError(
          `${fn}: row ${i + 1}, column ${show(column)}: ${v}; expected a number from 0 to ${maxCount} (a count cannot be negative).`,
        );
      }
    }
    if (row.low !== null && row.value !== null && row.low > row.value) {
      throw new InvalidTableError(
        `${fn}: row ${i + 1}, column 'low': ${row.low} is above the value ${row.value}; expected low ≤ value.`,
      );
    }
    if (row.high !== null && row.value !== null && row.high < row.value) {
      throw new InvalidTableError(
        `${fn}: row ${i + 1}, column 'high': ${row.high} is below the value ${row.value}; expected value ≤ high.`,
      );
    }
    if (!qualifiers.includes(row.qualifier)) {
      throw new InvalidTableError(
        `${fn}: row ${i + 1}, column 'qualifier': ${show(row.qualifier)}; expected one of ${qualifiers.join(', ')}.`,
      );
    }
    if (row.value !== null && row.low === null && row.qualifier !== 'at-most') {
      throw new InvalidTableError(
        `${fn}: row ${i + 1}, column 'low': null, but value is ${row.value}; expected the lower bound of the figure.`,
      );
    }
  });
  return { rows, dimensions, columns };
}

export function selectMeasure(
  rows: readonly CasualtyRow[],
  measure: unknown,
  fn: string,
): CasualtyRow[] {
  const measures = unique(rows.map((r) => r.measure));
  if (measures.length === 0) throw new InvalidTableError(`${fn}: the table has no rows.`);
  let chosen: string;
  if (measure === undefined) {
    if (measures.length > 1) {
      throw new InvalidOptionError(
        `${fn}: the table holds several measures (${measures.join(', ')}); choose one with the option measure.`,
      );
    }
    chosen = measures[0]!;
  } else if (typeof measure === 'string' && measures.includes(measure)) {
    chosen = measure;
  } else {
    throw new InvalidOptionError(
      `${fn}: option measure is ${show(measure)}; expected a measure the table holds, one of: ${measures.join(', ')}.${suggest(measure, measures)}`,
    );
  }
  const selected = rows.filter((r) => r.measure === chosen);
  const units = unique(selected.map((r) => r.unit));
  if (units.length > 1) {
    throw new InvalidTableError(
      `${fn}: measure '${chosen}' comes in several units (${units.join(', ')}); filter the table to one unit first.`,
    );
  }
  return selected;
}

export function sumParts(parts: readonly CasualtyRow[]): IntervalSum {
  const reported = parts.filter((p) => p.value !== null);
  const notReported = parts.length - reported.length;
  if (reported.length === 0)
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
  const unbounded = reported.some((p) => p.high === null);
  const reportedHigh = unbounded ? null : sum(reported.map((p) => p.high!));
  return {
    value: sum(reported.map((p) => p.value!)),
    low: sum(reported.map((p) => p.low ?? 0)), // at-most: no lower figure, a count ≥ 0
    high: notReported > 0 ? null : reportedHigh,
    qualifier: unbounded || notReported > 0 ? 'at-least' : 'derived',
    reported: reported.length,
    notReported,
    reportedHigh,
    rounding: sum(reported.map((p) => (p.precision ?? 0) / 2)),
    widened: {
      low: sum(reported.map((p) => rounded(p).low ?? 0)),
      high: notReported > 0 || unbounded ? null : sum(reported.map((p) => rounded(p).high!)),
    },
  };
}

/** A row's interval with its rounding: half of `precision` off the low (not below 0), onto the high. */
export function rounded(r: CasualtyRow): { low: number | null; high: number | null } {
  const half = (r.precision ?? 0) / 2;
  return {
    low: r.low === null ? null : Math.max(0, r.low - half),
    high: r.high === null ? null : r.high + half,
  };
}

/**
 * Shares (unit 'percent') are never added, unless all the parts are shares declared parts of one
 * whole (one base): the error refusing a sum of several parts with one.
 */
export function sharesRefused(
  parts: readonly CasualtyRow[],
  fn: string,
): SharesNotAddedError | null {
  const shares = parts.filter((p) => p.unit === 'percent').map((p) => p.label);
  if (parts.length < 2 || shares.length === 0) return null;
  const wholes = new Set(parts.map((p) => (p as { part_of?: unknown }).part_of ?? null));
  const [whole] = wholes;
  if (shares.length === parts.length && wholes.size === 1 && typeof whole === 'string') return null;
  const to = shares.length === parts.length ? 'each other' : 'counts';
  return new SharesNotAddedError(
    `${fn}: would add the shares ${shares.map((l) => `'${l}'`).join(' + ')} (unit 'percent') to ${to}; expected counts: ${SHARES_NOT_ADDED}.`,
    shares,
    parts.length,
  );
}

export function sumNote(parts: readonly CasualtyRow[]): string {
  const reported = parts.filter((p) => p.value !== null);
  const missing = parts.filter((p) => p.value === null);
  const bounds = reported.filter((p) => p.high === null);
  let note = `derived: the sum of ${reported.map((p) => `'${p.label}'`).join(' + ')}`;
  if (reported.length === 0) note = 'no part is reported';
  if (missing.length > 0)
    note += `; not reported, left out (not taken as 0), so the sum is a lower bound with no upper bound: ${missing.map((p) => `'${p.label}'`).join(', ')}`;
  if (bounds.length > 0)
    note += `; lower bounds, so the sum is one too: ${bounds.map((p) => `'${p.label}'`).join(', ')}`;
  const upper = reported.filter((p) => p.low === null);
  if (upper.length > 0)
    note += `; upper figures with no lower one, taken as 0 in the low: ${upper.map((p) => `'${p.label}'`).join(', ')}`;
  return note;
}

export function groupRows<Row extends Record<string, unknown>>(
  rows: readonly Row[],
  columns: readonly string[],
): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = JSON.stringify(columns.map((c) => row[c] ?? null));
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}

export function toTable<Row extends object>(
  rows: readonly Row[],
  names: readonly string[],
): TypedTable<Row> {
  // a Map, not an object: a table may have a great many columns (an object of them is slow to list)
  const columns = new Map<string, unknown[]>();
  for (const name of names)
    columns.set(
      name,
      rows.map((r) => (r as Record<string, unknown>)[name] ?? null),
    );
  return columnTable(columns as never, [...names]) as TypedTable<Row>;
}
