// ww2-yugoslavia-casualties: the published casualty figures of World War II in Yugoslavia,
// exactly as their sources give them, as typed Arquero tables, and their analysis. Chart specs,
// exports, notebook display, rendering and the command line live behind their own entry points,
// so this one imports cleanly, and lightly, in a browser.

// Data
export {
  load,
  sources,
  statedTotals,
  crosswalk,
  datasets,
  crosswalkDimensions,
} from './data/load.js';
export type { TypedTable, CrosswalkDimension, CrosswalkRow } from './data/load.js';
export { describe } from './data/describe.js';
export type {
  DatasetDescription,
  DatasetStructure,
  FieldDescription,
  Overlap,
  Whole,
} from './data/describe.js';
export type { DataPackage, Resource, Field } from './data/descriptor.js';
export type * from './data/generated/types.js';

// Analysis
export { compare } from './analysis/compare.js';
export type { CompareOptions, CompareRow } from './analysis/compare.js';
export { spread } from './analysis/spread.js';
export type { SpreadOptions, SpreadRow } from './analysis/spread.js';
export { agreement } from './analysis/agreement.js';
export type { AgreementOptions, AgreementRow } from './analysis/agreement.js';
export { rollup } from './analysis/rollup.js';
export type { RollupOptions, RollupRow, MissingPolicy } from './analysis/rollup.js';
export { harmonize } from './analysis/harmonize.js';
export type { HarmonizeOptions, HarmonizeRow, CrosswalkEntry } from './analysis/harmonize.js';
export { fromRows } from './analysis/fromRows.js';
export { fromCSV } from './analysis/fromCSV.js';
export type { FromRowsOptions } from './analysis/validate.js';
export { rates } from './analysis/rates.js';
export type { RatesOptions, RateRow, PopulationRow } from './analysis/rates.js';
export { audit } from './analysis/audit.js';
export type { AuditOptions, AuditRow, StatedTotal } from './analysis/audit.js';
export { balance } from './analysis/balance.js';
export type { BalanceOptions, BalanceRow } from './analysis/balance.js';
export type { CasualtyRow, Qualifier } from './data/contract.js';

// Elsewhere, each behind its own entry so that this one stays light in a browser:
// chart specs in ww2-yugoslavia-casualties/charts, exports and citations in
// ww2-yugoslavia-casualties/export, notebook display in ww2-yugoslavia-casualties/notebook.

// Errors
export {
  CasualtiesError,
  UnknownIdError,
  InvalidTableError,
  InvalidOptionError,
} from './errors.js';
