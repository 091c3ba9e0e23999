// ww2-yugoslavia-casualties/export: tables written for other tools (CSV for spreadsheets, JSON,
// Arrow for pandas/polars/R, Markdown, LaTeX, HTML), figures written with their qualifiers, and
// citations (text, BibTeX, biblatex, CSL-JSON). No Node built-in: it bundles for a browser. It
// sits behind its own entry so that the core entry (data and analysis) keeps its weight.

export { toCSV } from './csv.js';
export type { CSVOptions } from './csv.js';
export { toJSON, toArrow } from './json.js';
export { toMarkdown } from './markdown.js';
export { toLaTeX, latexPreamble } from './latex.js';
export type { LaTeXOptions } from './latex.js';
export { toHTML, escapeHTML } from './html.js';
export type { HTMLOptions } from './html.js';
export type { DisplayOptions } from './display.js';
export { formatFigure } from './figure.js';
export type { Figure } from './figure.js';
export { cite } from './cite.js';
export type { CitationFormat, CiteOptions, CSLItem } from './cite.js';
