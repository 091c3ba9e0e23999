// The report (ww2-yugoslavia-casualties/report, Node only): the standard charts of the bundled
// data, and the folder with index.html, tables and charts that the command line's report writes.
export { standardCharts } from './charts.js';
export { writeReport } from './report.js';
export type { ReportChart } from './chart.js';
export type { ChartDrawing, ReportOptions, ReportFiles } from './report.js';
export { manifestName } from './write.js';
export { ReportWriteError } from '../errors.js';
