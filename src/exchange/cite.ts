import { InvalidOptionError, UnknownIdError, checkOptions, show } from '../errors.js';
import type { SourcesRow } from '../data/generated/types.js';
import { sources } from '../data/load.js';
import { escapeTeX } from './tex.js';

/** The citation formats {@link cite} writes. */
export type CitationFormat = 'text' | 'bibtex' | 'biblatex' | 'csl-json';

/** Options of {@link cite}. */
export interface CiteOptions {
  /**
   * `text` (a sentence for a footnote), `bibtex` (for BibTeX and natbib), `biblatex` (for biber and
   * biblatex) or `csl-json` (for Zotero, pandoc and citeproc). Default `'text'`.
   */
  format?: CitationFormat;
}

const formats: readonly CitationFormat[] = ['text', 'bibtex', 'biblatex', 'csl-json'];

/**
 * A citation of a source in the registry: the work behind the figures (author, title, year,
 * publisher, as far as the seed documents name them) and the document they were read from.
 *
 * Where the documents do not give a work's title, the title is a description in square brackets
 * (the cataloguers' mark of a title supplied by the cataloguer), never an invented title. Where
 * they give no date, none is invented: the BibTeX entry says `n.d.` (no date), the biblatex entry
 * has no date (biblatex's author-year styles print "n.d."; biber's data-model check, which wants
 * a date for every entry, reports it), the CSL item no `issued`. The provenance ("Figures
 * read from …") is in a field that common styles print: `note` (BibTeX), `addendum` (biblatex),
 * `references` (CSL-JSON, printed by APA and Vancouver; also in `note`).
 *
 * @param id A source id of `sources.csv`, e.g. `'zerjavic'`.
 * @param options `{ format }`: `text` (default), `bibtex`, `biblatex` or `csl-json` (a
 *   JSON string).
 * @returns The citation.
 * @throws {UnknownIdError} If `id` is not in the registry.
 * @throws {InvalidOptionError} If `format` is not one of the four.
 * @example
 * cite('zerjavic');
 * // => 'Žerjavić, Vladimir. 1989. Gubici stanovništva Jugoslavije u drugom svjetskom ratu. ' +
 * //    "Demographic estimate. Figures read from 'World War II in Yugoslavia' (encyclopedia " +
 * //    'article), …'
 * cite('reinecke-times-1945', { format: 'biblatex' });
 * // => '@article{reinecke-times-1945,\n  author = {{The Times}},\n' +
 * //    '  title = {{[German casualty lists …]}},\n  journaltitle = {The Times},\n' +
 * //    '  date = {1945-07-30},\n  …'
 */
export function cite(id: string, options: CiteOptions = {}): string {
  const { format = 'text' } = checkOptions(options, 'cite');
  if (!formats.includes(format))
    throw new InvalidOptionError(
      `Invalid format ${show(format)}: expected one of ${formats.join(', ')}.`,
    );
  const registry = sources().objects();
  const source = registry.find((s) => s.id === id);
  if (!source)
    throw new UnknownIdError(
      'source',
      id,
      registry.map((s) => s.id),
    );
  if (format === 'bibtex' || format === 'biblatex') return tex(work(source), format);
  if (format === 'csl-json') return JSON.stringify(csl(work(source)), null, 2);
  return text(source);
}

/** A person's name split into given and family names; a body's name kept whole. */
function name(
  author: string | null,
): { family: string; given: string } | { literal: string } | null {
  if (!author) return null;
  const words = author.split(' ');
  const person =
    words.length <= 3 && !/[(),]/.test(author) && words.every((w) => /^\p{Lu}/u.test(w));
  return person
    ? { family: words.at(-1)!, given: words.slice(0, -1).join(' ') }
    : { literal: author };
}

const kindWords = (kind: string) => kind[0]!.toUpperCase() + kind.slice(1).replaceAll('-', ' ');

function text(s: SourcesRow): string {
  const n = name(s.author);
  const author = n && ('literal' in n ? n.literal : `${n.family}, ${n.given}`);
  const parts = [author, s.year, s.title, s.publisher].filter((p) => p != null && p !== '');
  // Each part ends with one full stop, even when it ends with an initial ("Stephen R.").
  const work = parts.map((part) => `${String(part).replace(/\.$/, '')}. `).join('');
  return `${work}${kindWords(s.kind)}. Figures read from ${s.cited_via}.`;
}

/**
 * What the registry's columns do not hold about how to cite a source, as the seed documents give
 * it: The Times of 30 July 1945 quoted the Reinecke lists ("According to German casualty lists
 * quoted by The Times for 30 July 1945, from documents found amongst the personal effects of
 * General Hermann Reinecke"); the official figures were given from 1945 to 1948; the U.S. Census
 * Bureau's and the Slovenian institute's works are reports ("published a report in 1954"; "the
 * final report of 2005").
 */
const details: Record<string, Partial<Work>> = {
  'reinecke-times-1945': {
    type: 'newspaper',
    // An unsigned newspaper article is listed under the newspaper's name (Chicago 14.207).
    author: { literal: 'The Times' },
    title: '[German casualty lists from the papers of General Hermann Reinecke, as quoted]',
    container: 'The Times',
    publisher: undefined,
    date: [1945, 7, 30],
  },
  'yu-official': { dateRange: [1945, 1948] },
  'us-census-1954': { type: 'report', reportType: 'Report' },
  'slovenia-2005': { type: 'report', reportType: 'Final report' },
};

/** A source as a bibliographic work. */
interface Work {
  id: string;
  /** `article`: an article outside a journal (the polemical article). */
  type: 'book' | 'report' | 'newspaper' | 'article' | 'misc';
  author: ReturnType<typeof name>;
  /** The title, or a description of the work in square brackets where the document names none. */
  title: string;
  date?: number[];
  dateRange?: [number, number];
  publisher?: string;
  container?: string;
  reportType?: string;
  /** The kind of figure, in words: "Demographic estimate". */
  kind: string;
  /** Where the figures were read: "Figures read from …". */
  provenance: string;
}

function work(s: SourcesRow): Work {
  const document = /^'[^']+' \([^)]+\)/.exec(s.cited_via)?.[0] ?? s.cited_via;
  // A title the registry writes in lower case describes the work ("report on …"): a supplied title.
  const title = !s.title
    ? `[Figures as reported in ${document}; the work is not named there]`
    : /^\p{Ll}/u.test(s.title)
      ? `[${s.title[0]!.toUpperCase()}${s.title.slice(1)}]`
      : s.title;
  const base: Work = {
    id: s.id,
    type: s.kind === 'polemical-article' ? 'article' : s.title && s.publisher ? 'book' : 'misc',
    author: name(s.author),
    title,
    ...(s.year ? { date: [s.year] } : {}),
    ...(s.publisher ? { publisher: s.publisher } : {}),
    kind: kindWords(s.kind),
    provenance: `Figures read from ${s.cited_via}`,
  };
  // A book whose publisher could not be confirmed is still a book.
  if (s.kind === 'demographic-estimate' && s.title && s.year) base.type = 'book';
  return { ...base, ...details[s.id] };
}

const year = (w: Work) =>
  w.dateRange ? `${w.dateRange[0]}--${w.dateRange[1]}` : w.date ? String(w.date[0]) : 'n.d.';
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A BibTeX entry (types and fields of BibTeX's standard styles, which biber reads as well) or a
 * biblatex entry (biblatex's data model: `@report`, `journaltitle`, `date`, `addendum`).
 */
function tex(w: Work, format: 'bibtex' | 'biblatex'): string {
  const latex = format === 'biblatex';
  const author =
    w.author &&
    ('literal' in w.author
      ? `{${escapeTeX(w.author.literal)}}`
      : `${escapeTeX(w.author.family)}, ${escapeTeX(w.author.given)}`);
  const date = w.dateRange
    ? `${w.dateRange[0]}/${w.dateRange[1]}`
    : w.date?.map((n) => String(n).padStart(2, '0')).join('-');
  const type =
    w.type === 'newspaper'
      ? 'article'
      : w.type === 'report'
        ? latex
          ? 'report'
          : 'techreport'
        : w.type === 'book' && (latex || w.publisher)
          ? 'book'
          : 'misc';
  const fields: [string, string | undefined][] = [
    ['author', author ?? undefined],
    ['title', `{${escapeTeX(w.title)}}`],
    [latex ? 'journaltitle' : 'journal', w.container],
    ...(latex
      ? ([['date', date]] as [string, string | undefined][])
      : ([
          ['year', year(w)],
          ['month', w.date?.[1] ? months[w.date[1] - 1] : undefined],
        ] as [string, string | undefined][])),
    [type.endsWith('report') ? 'institution' : 'publisher', w.publisher],
    ['type', w.reportType],
    ['note', latex ? w.kind : `${w.kind}. ${w.provenance}`],
    ['addendum', latex ? w.provenance : undefined],
    // BibTeX's styles sort by author, or by `key` where there is none.
    ['key', !latex && !author ? w.title : undefined],
  ];
  // Names and the title are escaped above; dates and the month macro are written as they are.
  const raw = new Set(['author', 'title', 'year', 'date', 'month']);
  const body = fields
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) =>
      k === 'month' ? `  month = ${v}` : `  ${k} = {${raw.has(k) ? v : escapeTeX(v!)}}`,
    );
  return `@${type}{${w.id.replace(/[^\w-]/g, '')},\n${body.join(',\n')}\n}\n`;
}

/** A CSL-JSON item, as Zotero and citeproc read it. */
export interface CSLItem {
  id: string;
  type: 'book' | 'report' | 'article-newspaper' | 'article' | 'document';
  title: string;
  author?: ({ family: string; given: string } | { literal: string })[];
  issued?: { 'date-parts': number[][] };
  publisher?: string;
  'container-title'?: string;
  /** The kind of figure ("Demographic estimate"), which APA, Vancouver and Harvard styles print. */
  genre: string;
  /** Where the figures were read ("Figures read from …"), which APA and Vancouver styles print. */
  references: string;
  /** The kind and the provenance together, for Zotero's "Extra" and styles that print notes. */
  note: string;
}

function csl(w: Work): CSLItem {
  const type = (
    {
      book: 'book',
      report: 'report',
      newspaper: 'article-newspaper',
      article: 'article',
      misc: 'document',
    } as const
  )[w.type];
  return {
    id: w.id,
    type,
    title: w.title,
    ...(w.author && !w.container ? { author: [w.author] } : {}),
    ...(w.dateRange
      ? { issued: { 'date-parts': [[w.dateRange[0]], [w.dateRange[1]]] } }
      : w.date
        ? { issued: { 'date-parts': [w.date] } }
        : {}),
    ...(w.publisher ? { publisher: w.publisher } : {}),
    ...(w.container ? { 'container-title': w.container } : {}),
    genre: w.kind,
    references: w.provenance,
    note: `${w.kind}. ${w.provenance}`,
  };
}
