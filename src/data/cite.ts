import { InvalidOptionError, UnknownIdError, checkOptions, show } from '../errors.js';
import type { SourcesRow } from './generated/types.js';
import { sources } from './load.js';

/** The citation formats {@link cite} writes. */
export type CitationFormat = 'text' | 'bibtex' | 'csl-json';

/** Options of {@link cite}. */
export interface CiteOptions {
  /** `text` (a sentence for a footnote), `bibtex` or `csl-json`. Default `'text'`. */
  format?: CitationFormat;
}

const formats: readonly CitationFormat[] = ['text', 'bibtex', 'csl-json'];

/**
 * A citation of a source in the registry: the work behind the figures (author, title, year,
 * publisher, as far as the seed documents name them) and the document they were read from.
 *
 * @param id A source id of `sources.csv`, e.g. `'zerjavic'`.
 * @param options `{ format }`: `text` (default), `bibtex` or `csl-json` (a JSON string).
 * @returns The citation.
 * @throws {UnknownIdError} If `id` is not in the registry.
 * @throws {InvalidOptionError} If `format` is not one of the three.
 * @example
 * cite('zerjavic');
 * // => "Žerjavić, Vladimir. 1989. Gubici stanovništva Jugoslavije u drugom svjetskom ratu. Demographic estimate. Figures read from 'World War II in Yugoslavia' (encyclopedia article), …"
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
  if (format === 'bibtex') return bibtex(source);
  if (format === 'csl-json') return JSON.stringify(csl(source), null, 2);
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

function bibtex(s: SourcesRow): string {
  const n = name(s.author);
  const author = n && ('literal' in n ? `{${n.literal}}` : `${n.family}, ${n.given}`);
  const entry =
    s.kind === 'polemical-article' ? 'article' : s.title && s.publisher ? 'book' : 'misc';
  const fields: [string, string | number | null][] = [
    ['author', author],
    ['title', s.title && `{${s.title}}`],
    ['year', s.year],
    ['publisher', s.publisher],
    ['note', `${kindWords(s.kind)}. Figures read from ${s.cited_via}`],
  ];
  const body = fields
    .filter(([, v]) => v != null && v !== '')
    .map(
      ([k, v]) =>
        `  ${k} = {${String(v).replace(/[{}]/g, (c) => (k === 'title' || k === 'author' ? c : `\\${c}`))}}`,
    );
  return `@${entry}{${s.id.replace(/[^\w-]/g, '')},\n${body.join(',\n')}\n}\n`;
}

/** A CSL-JSON item, as Zotero and citeproc read it. */
export interface CSLItem {
  id: string;
  type: 'book' | 'article' | 'document';
  title?: string;
  author?: ({ family: string; given: string } | { literal: string })[];
  issued?: { 'date-parts': [[number]] };
  publisher?: string;
  note: string;
}

function csl(s: SourcesRow): CSLItem {
  const n = name(s.author);
  return {
    id: s.id,
    type: s.kind === 'polemical-article' ? 'article' : s.title && s.publisher ? 'book' : 'document',
    ...(s.title ? { title: s.title } : {}),
    ...(n ? { author: [n] } : {}),
    ...(s.year ? { issued: { 'date-parts': [[s.year]] as [[number]] } } : {}),
    ...(s.publisher ? { publisher: s.publisher } : {}),
    note: `${kindWords(s.kind)}. Figures read from ${s.cited_via}`,
  };
}
