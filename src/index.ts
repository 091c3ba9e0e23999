// ww2-yugoslavia-casualties: the published casualty figures of World War II in Yugoslavia,
// exactly as their sources give them, as typed Arquero tables. Rendering and the command line
// live behind their own entry points, so this one imports cleanly in a browser.

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

export { cite } from './data/cite.js';
export type { CitationFormat, CiteOptions, CSLItem } from './data/cite.js';

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
export type { CasualtyRow, Qualifier } from './analysis/shared.js';

// Exchange: tables for spreadsheets, pandas/polars/R, papers
export { toCSV } from './exchange/csv.js';
export type { CSVOptions } from './exchange/csv.js';
export { toJSON, toArrow } from './exchange/json.js';
export { toMarkdown } from './exchange/markdown.js';
export { toLaTeX, latexPreamble } from './exchange/latex.js';
export { toHTML, escapeHTML } from './exchange/html.js';
export type { HTMLOptions } from './exchange/html.js';
export type { LaTeXOptions } from './exchange/latex.js';
export type { DisplayOptions } from './exchange/display.js';
export { formatFigure } from './exchange/figure.js';
export type { Figure } from './exchange/figure.js';

// Charts: Vega-Lite specs (plain objects; rendering lives in ww2-yugoslavia-casualties/render)
export { totalsChart } from './charts/totals.js';
export { compareChart, spreadChart, slopeChart } from './charts/compare.js';
export type {
  CompareChartOptions,
  SlopeChartOptions,
  SpreadChartOptions,
} from './charts/compare.js';
export { compositionChart } from './charts/composition.js';
export type { CompositionChartOptions } from './charts/composition.js';
export { locationChart } from './charts/location.js';
export { militaryChart } from './charts/military.js';
export { balanceChart } from './charts/balance.js';
export {
  palette,
  shapes,
  fontFamily,
  missingGrey,
  sourceColours,
  measureColours,
  kindColours,
} from './charts/theme.js';
export type { ChartOptions } from './charts/theme.js';
export { sourceNames, kindWords, footer } from './charts/attribution.js';
export type { SourceName } from './charts/attribution.js';

// Notebooks: tables and charts that show themselves in Jupyter (the Deno kernel)
export { display, jupyterDisplay } from './notebook/display.js';
export type {
  Displayable,
  MimeBundle,
  NotebookDisplayOptions,
  VegaLiteSpec,
} from './notebook/display.js';

// Errors
export {
  CasualtiesError,
  UnknownIdError,
  InvalidTableError,
  InvalidOptionError,
} from './errors.js';
