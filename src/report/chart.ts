// What the report draws: a chart and where it belongs. Its own file, so that the files that make
// charts (charts.ts, claims.ts) and the one that writes them (report.ts) all read it from below.
import type { DatasetId } from '../data/generated/types.js';

/** A chart for the report: a Vega-Lite spec and what it shows. */
export interface ReportChart {
  /** File name without extension, e.g. `total-estimates`. */
  name: string;
  /** The dataset the chart belongs to. */
  dataset: DatasetId;
  /** The id of the page section that shows it, if not the dataset's own (e.g. `'balance'`). */
  section?: string;
  /** The Vega-Lite spec. */
  spec: object;
}
