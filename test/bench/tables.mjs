// Generated tables for the scale benchmarks: the shape the issue measured (50 sources × n/50
// categories, one dimension `category` and a coarser `region` of 10 categories each), with the
// figures a real table holds: exact counts, dashes (not reported), ranges and lower bounds.
// Deterministic: the same n gives the same table.
import { table as columnTable } from 'arquero';

/** The 50 source ids of a generated table (pass them to fromRows/fromCSV as the option sources). */
export const benchSources = Array.from({ length: 50 }, (_, i) => `s${i}`);

/** A small deterministic generator (mulberry32), so every run measures the same table. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` contract rows (n a multiple of 50): every source gives every category once. */
export function benchRows(n) {
  const next = random(n);
  const categories = Math.ceil(n / benchSources.length);
  const rows = [];
  for (let c = 0; c < categories; c++) {
    for (const source of benchSources) {
      if (rows.length === n) break;
      const x = next();
      const v = 100 + Math.floor(next() * 100000);
      const row = (value, low, high, qualifier) => ({
        source,
        category: `c${c}`,
        region: `r${Math.floor(c / 10)}`,
        measure: 'deaths',
        unit: 'persons',
        value,
        low,
        high,
        qualifier,
        label: `Category ${c}`,
        note: null,
      });
      if (x < 0.04) rows.push(row(null, null, null, 'not-reported'));
      else if (x < 0.07) rows.push(row(v + 50, v, v + 100, 'range'));
      else if (x < 0.1) rows.push(row(v, v, null, 'at-least'));
      else rows.push(row(v, v, v, 'exact'));
    }
  }
  return rows;
}

/**
 * The same rows as an Arquero table built from one array per column, as bare Arquero builds one.
 * The row objects are not kept: a million of them alive would make every collection of the heap
 * during a timed run mark them, which a table read from a file (`fromCSV`) does not make anyone pay.
 */
export function benchTable(n) {
  const rows = benchRows(n);
  return columnTable(
    Object.fromEntries(Object.keys(rows[0]).map((c) => [c, rows.map((r) => r[c])])),
  );
}

const columns = ['source', 'category', 'region', 'measure', 'unit', 'value', 'low', 'high'];
const more = ['qualifier', 'label', 'note'];

/** The same rows as CSV text (an empty cell where a figure is not reported). */
export function benchCSV(n) {
  const lines = [[...columns, ...more].join(',')];
  for (const r of benchRows(n))
    lines.push([...columns, ...more].map((c) => (r[c] === null ? '' : String(r[c]))).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * The crosswalk the benchmarks give `harmonize` for a generated table's `category` column: five
 * categories (of one region) to a group, so that each group adds rows; every seventh key partly
 * comparable (a warning), one key in 50 without an entry (kept, with a warning); every entry for
 * every source.
 */
export function benchCrosswalk(categories) {
  return [...new Set(categories)].flatMap((key, k) =>
    k % 50 === 49
      ? []
      : [
          {
            key,
            group: `g${Math.floor(k / 5)}`,
            ...(k % 7 === 0
              ? { comparability: 'partial', note: 'the category is only part of the group' }
              : {}),
          },
        ],
  );
}

/**
 * The stated totals the benchmarks give `audit` for a generated table's `region` column: one per
 * source and region (a tenth of the rows), each 500,000 deaths.
 */
export function benchTotals(regions) {
  return [...new Set(regions)].flatMap((region) =>
    benchSources.map((source) => ({
      source,
      scope: `region=${region}`,
      measure: 'deaths',
      parts: null,
      value: 500000,
    })),
  );
}
