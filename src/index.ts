// ww2-yugoslavia-casualties: the published casualty figures of World War II in Yugoslavia,
// exactly as their sources give them, as typed Arquero tables. Rendering and the command line
// live behind their own entry points, so this one imports cleanly in a browser.

// Data
export { load, sources, statedTotals, crosswalk, datasets, crosswalkDimensions } from './data/load.js';
export type { TypedTable, CrosswalkDimension, CrosswalkRow } from './data/load.js';
export { describe } from './data/describe.js';
export type { DatasetDescription, FieldDescription } from './data/describe.js';
export type { DataPackage, Resource, Field } from './data/descriptor.js';
export type * from './data/generated/types.js';

export { cite } from './data/cite.js';
export type { CitationFormat, CiteOptions, CSLItem } from './data/cite.js';

// Exchange: tables for spreadsheets, pandas/polars/R, papers
export { toCSV } from './exchange/csv.js';
export type { CSVOptions } from './exchange/csv.js';
export { toJSON, toArrow } from './exchange/json.js';
export { toMarkdown } from './exchange/markdown.js';
export { toLaTeX } from './exchange/latex.js';
export type { LaTeXOptions } from './exchange/latex.js';
export type { DisplayOptions } from './exchange/display.js';
export { formatFigure } from './exchange/figure.js';
export type { Figure } from './exchange/figure.js';

// Errors
export { CasualtiesError, UnknownIdError, InvalidTableError, InvalidOptionError } from './errors.js';
