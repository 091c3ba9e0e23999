// A figure mentioned again (a row whose `restates` names another row of the same table) is the same
// figure, never a second source agreeing and never a second mark: the chart draws the row it
// restates once and says where else the figure was given. The rule is the analysis's one
// restatement policy (analysis/structure.ts, `countOnce`); this only names its result as charts
// use it.
import { countOnce } from '../analysis/structure.js';
import type { ChartRow } from './frame.js';

/** The rows to draw, each with the rows that give its figure again. */
export interface DrawnOnce<R extends ChartRow> {
  /** The rows to draw: every row but those that restate another row of `rows`. */
  rows: R[];
  /** For a drawn row, the rows left out because they restate it. */
  again: Map<R, R[]>;
}

/**
 * Draws each figure once, by the package's restatement policy (`countOnce`): the rows that restate
 * another row of `rows` are left out and filed under the row they restate.
 *
 * @example
 * drawnOnce(rows).rows.length; // military-losses: 20 of 23 rows (Italy's 3 infobox rows restate
 * //                             the article's text)
 */
export function drawnOnce<R extends ChartRow>(rows: readonly R[]): DrawnOnce<R> {
  const { counted, alsoGiven } = countOnce(rows);
  return { rows: counted, again: alsoGiven };
}
