// The analysis functions: comparison, aggregation with intervals, harmonization, user tables,
// rates and the audit of stated totals. Re-exported from the package entry.
export { compare } from './compare.js';
export type { CompareOptions, CompareRow } from './compare.js';
export { spread } from './spread.js';
export type { SpreadOptions, SpreadRow } from './spread.js';
export { agreement } from './agreement.js';
export type { AgreementOptions, AgreementRow } from './agreement.js';
export { rollup } from './rollup.js';
export type { RollupOptions, RollupRow, MissingPolicy } from './rollup.js';
export { harmonize } from './harmonize.js';
export type { HarmonizeOptions, HarmonizeRow, CrosswalkEntry } from './harmonize.js';
export { fromRows } from './fromRows.js';
export { fromCSV } from './fromCSV.js';
export type { FromRowsOptions } from './validate.js';
export { rates } from './rates.js';
export type { RatesOptions, RateRow, PopulationRow } from './rates.js';
export { audit } from './audit.js';
export type { AuditOptions, AuditRow, StatedTotal } from './audit.js';
export type { CasualtyRow, Qualifier } from './shared.js';
