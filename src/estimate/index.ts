// ww2-yugoslavia-casualties/estimate: multiple systems estimation (capture–recapture) from
// overlapping lists of victims. Pure TypeScript, no Node built-in: it bundles for a browser.
// It sits behind its own entry so that the core entry keeps its weight.

export { captureHistories } from './histories.js';
export type { CaptureHistoriesOptions, ListsOptions } from './histories.js';
export { streamHistories, maxCellBytes } from './stream.js';
export type { CSVChunks } from './stream.js';
export { captureHistoriesSQL } from './sql.js';
export type { CaptureHistoriesSQLOptions } from './sql.js';
export { lincolnPetersen, chapman } from './twoLists.js';
export type { TwoListEstimate, TwoListOptions } from './twoLists.js';
export { loglinear } from './loglinear.js';
export type { Heterogeneity, LoglinearFit, LoglinearOptions } from './loglinear.js';
export { selectModels, hierarchicalModels } from './models.js';
export type { SelectModelsOptions, ModelRow } from './models.js';
export { bayesianModelAveraging, posteriorTable } from './bma.js';
export type { BMAOptions, BMAResult, BMAModel } from './bma.js';
export { chaoLowerBound } from './chao.js';
export type { ChaoEstimate } from './chao.js';
export { bootstrapSelection } from './bootstrap.js';
export type { BootstrapOptions, BootstrapResult } from './bootstrap.js';
export { estimate, estimateSummary } from './estimate.js';
export type { EstimateOptions, EstimateRow } from './estimate.js';
export { estimateChart } from './chart.js';
export type { EstimateChartOptions } from './chart.js';
export { estimateBudgets } from './budgets.js';
