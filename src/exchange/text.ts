import type { ColumnTable } from 'arquero';
import { display, type DisplayOptions } from './display.js';
import { maxOf } from '../analysis/extent.js';

/**
 * A table for a terminal: columns aligned (numbers and figures to the right), a rule under
 * the header, figures with their qualifiers (`~`, `≥`, ranges, `–` for not reported).
 */
export function textTable(
  table: ColumnTable,
  options: DisplayOptions & { maxWidth?: number } = {},
): string {
  const { columns, rows, numeric } = display(table, { fractionDigits: 3, ...options });
  const maxWidth = options.maxWidth ?? 60;
  const clip = (s: string) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
  const cells = [columns, ...rows].map((row) => row.map(clip));
  const widths = columns.map((_, i) => maxOf(cells.map((row) => Array.from(row[i]!).length)));
  const pad = (s: string, i: number) =>
    numeric[i] ? s.padStart(widths[i]!) : s.padEnd(widths[i]!);
  const line = (row: string[]) => row.map(pad).join('  ').trimEnd();
  return (
    [
      line(cells[0]!),
      widths.map((w) => '─'.repeat(w)).join('  '),
      ...cells.slice(1).map(line),
    ].join('\n') + '\n'
  );
}
