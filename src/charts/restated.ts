// A figure mentioned again (a row whose `restates` names another row of the same table) is the same
// figure, never a second source agreeing and never a second mark: the chart draws the row it
// restates once and says where else the figure was given. The same rule as the analysis
// (`withoutRestatements`): a row is left out only where the row it restates is among the rows.
import type { ChartRow } from './frame.js';

/** The rows to draw, each with the rows that give its figure again. */
export interface DrawnOnce<R extends ChartRow> {
  /** The rows to draw: every row but those that restate another row of `rows`. */
  rows: R[];
  /** For a drawn row, the rows left out because they restate it. */
  again: Map<R, R[]>;
}

/**
 * Draws each figure once: the rows that restate another row of `rows` are left out and filed
 * under the row they restate.
 *
 * @example
 * drawnOnce(rows).rows.length; // military-losses: 21 of 23 rows (Italy's 3 infobox rows restate
 * //                             the article's text)
 */
export function drawnOnce<R extends ChartRow>(rows: readonly R[]): DrawnOnce<R> {
  const byId = new Map<string, R>();
  for (const r of rows) if (typeof r.id === 'string') byId.set(r.id, r);
  const again = new Map<R, R[]>();
  const kept: R[] = [];
  for (const r of rows) {
    let target = typeof r.restates === 'string' ? byId.get(r.restates) : undefined;
    // a row that restates a restatement is filed under the first row of the chain
    for (let hops = 0; target && typeof target.restates === 'string' && hops < rows.length; hops++)
      target = byId.get(target.restates) ?? target;
    if (target && target !== r) again.set(target, [...(again.get(target) ?? []), r]);
    else kept.push(r);
  }
  return { rows: kept, again };
}
