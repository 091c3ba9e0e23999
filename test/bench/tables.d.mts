// Types of the generated benchmark tables (tables.mjs), for the tests that use them.
import type { Qualifier } from '../../src/index.js';

export interface BenchRow {
  source: string;
  category: string | null;
  region: string;
  measure: string;
  unit: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  label: string;
  note: null;
}
export const benchSources: string[];
export function benchRows(n: number): BenchRow[];
export function benchCSV(n: number): string;
