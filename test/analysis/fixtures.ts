// Small user tables for the analysis tests, built through fromRows so that they follow the contract.
import type { Qualifier } from '../../src/index.js';

/** A contract row: source, one dimension `category`, measure 'deaths', in persons. */
export function row(
  source: string,
  category: string | null,
  figure: Figure,
  extra: Record<string, string | null> = {},
) {
  return {
    source,
    category,
    ...extra,
    measure: 'deaths',
    unit: 'persons',
    ...figure,
    label: `${category} (${source})`,
    note: null,
  };
}

/** The figure part of a row. */
export interface Figure {
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
}
export const exact = (value: number): Figure => ({
  value,
  low: value,
  high: value,
  qualifier: 'exact',
});
export const atLeast = (value: number): Figure => ({
  value,
  low: value,
  high: null,
  qualifier: 'at-least',
});
export const range = (low: number, high: number): Figure => ({
  value: (low + high) / 2,
  low,
  high,
  qualifier: 'range',
});
export const dash: Figure = { value: null, low: null, high: null, qualifier: 'not-reported' };

/** Source ids for user tables. */
export const sources = ['a', 'b', 'c'];
