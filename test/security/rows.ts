// A plain Arquero table from row objects, for the tests that need a table that is not checked.
import { from, table } from 'arquero';
import type { ColumnTable } from 'arquero';

export const fromRows = (rows: object[]): ColumnTable => from(rows);

/**
 * A table of `n` exact figures from two sources (Kočović, Žerjavić), a region for every pair of
 * rows: for the tests of how many rows a chart builder takes.
 */
export function manyFigures(n: number): ColumnTable {
  const ids = Array.from({ length: n }, (_, i) => i);
  return table({
    source: ids.map((i) => (i % 2 ? 'kocovic' : 'zerjavic')),
    kind: ids.map(() => 'demographic-estimate'),
    region: ids.map((i) => `r-${i >> 1}`),
    measure: ids.map(() => 'deaths'),
    unit: ids.map(() => 'persons'),
    value: ids,
    low: ids,
    high: ids,
    qualifier: ids.map(() => 'exact'),
    label: ids.map(String),
    note: ids.map(() => null),
  });
}
