// The report's tables: the exchange format's cells (figures with their qualifiers), with human
// column names and words for the package's keys, each column classed so that the page can size it.
import type { ColumnTable } from 'arquero';
import { sourceNames } from '../charts/attribution.js';
import { capitalized, dateWords, knownWords, legendTitle, periodWords } from '../charts/words.js';
import { describe } from '../data/describe.js';
import { crosswalk, datasets } from '../data/load.js';
import { display } from '../exchange/display.js';
import { escapeHTML } from '../exchange/html.js';

/** Column names as a reader reads them. */
const headings: Record<string, string> = {
  source: 'source',
  kind: 'kind of source',
  measure: 'measure',
  figure: 'figure',
  label: 'the source says',
  note: 'note',
  date: 'date',
  min: 'lowest',
  max: 'highest',
  min_source: 'lowest from',
  max_source: 'highest from',
  ratio: 'highest ÷ lowest',
  count: 'sources with a figure',
  not_reported: 'sources with no figure',
  difference: 'difference',
  parts: 'sum of the rows',
  stated: 'stated total',
  consistent: 'adds up',
  scope: 'covering',
  dataset: 'table',
  rank: 'rank in its source',
  check: 'result',
  deaths_source: 'deaths, from',
  deaths_kind: 'kind of source',
  deaths: 'deaths',
  births_deficit: 'births deficit',
  emigration: 'emigration',
  loss: 'demographic loss',
  gap: 'sum − loss',
  gap_low: 'sum − loss, lowest',
  gap_high: 'sum − loss, highest',
  value: 'figure',
  low: 'interval from',
  high: 'interval to',
  measure_relation: 'measure, against the claim',
  the_claim: 'the claim',
  component: 'part of the difference',
  sources: 'from the figures of',
  place: 'place',
  people: 'who',
};

/** Columns whose cells are the package's keys, written as words. */
const keyColumns = new Set([
  'nationality',
  'region',
  'status',
  'perpetrator',
  'cause',
  'belligerent',
  'period',
  'measure',
  'kind',
  'deaths_kind',
  'place',
  'people',
]);
const sourceColumns = new Set([
  'source',
  'min_source',
  'max_source',
  'source_a',
  'source_b',
  'baseline',
  'deaths_source',
]);

/** The results of `audit` and of `checkClaim`'s measure relation, in words. */
const valueWords: Record<string, string> = {
  'check:consistent': 'adds up',
  'check:inconsistent': 'does not add up',
  'check:undetermined': 'cannot be settled',
  'measure_relation:same': 'the same measure',
  'measure_relation:related': 'a related measure',
  'measure_relation:different': 'another measure',
};

/**
 * The structure words of two notes, which name a row's whole by its id, as a reader reads them
 * (ndh-serbs.csv, Sajmište; slovenia-2005.csv, the 82%).
 */
const structureWords: Record<string, string> = {
  '(part_of ndh-serbs-zerjavic, not ndh-serbs-zerjavic-civilians)':
    "(a part of all the Serbs' deaths, not of the civilian casualties)",
  "among the 33% row's (subset_of)": "among the 33% row's (a subset of them)",
};

/**
 * A note as a reader reads it: another table's row named by that table's title, not by ids
 * ("ndh-civilians-by-perpetrator's row zerjavic-croats-abroad-deaths" → 'a row of "Žerjavić:
 * Croat and Bosniak civilian deaths in the NDH by perpetrator"'), and the structure words above.
 */
function noteWords(note: string): string {
  let text = note.replace(
    /\b([a-z0-9]+(?:-[a-z0-9]+)+)'s? row [a-z0-9]+(?:-[a-z0-9]+)*/g,
    (all: string, id: string) => {
      const title = datasetTitle(id);
      return title ? `a row of “${title}”` : all;
    },
  );
  for (const [from, to] of Object.entries(structureWords)) text = text.replace(from, to);
  return text;
}

let titles: Map<string, string> | undefined;

/** A dataset's title for its id (`by-nationality` → "Victims by nationality: …"). */
function datasetTitle(id: string): string | undefined {
  titles ??= new Map(datasets.map((d) => [d, describe(d).title]));
  return titles.get(id);
}

/**
 * An audit's scope (`nationality=croats;region=abroad`) in words: "Nationality: Croats; Where:
 * abroad".
 */
function scopeWords(scope: string): string {
  return scope
    .split(';')
    .map((part) => {
      const [column, key] = part.split('=');
      return key === undefined ? part : `${legendTitle(column!)}: ${keyWord(column!, key)}`;
    })
    .join('; ');
}

let terms: Map<string, string> | undefined;

/**
 * A key as a reader reads it: the package's word for it,
 * else the source's own term, else its words.
 */
function keyWord(column: string, key: string): string {
  const when = (column === 'period' ? periodWords[key] : undefined) ?? dateWords(key);
  if (when) return when;
  const plain = key.replaceAll('-', ' ');
  // the package's word where it says more than the key; for a status always, since the source's
  // term can say something else (A'Barrow's "dead soldiers" for `military`, which elsewhere also
  // covers the wounded and missing)
  const known = knownWords(key);
  if (known !== undefined && (known !== plain || column === 'status')) return capitalized(known);
  if (!terms) {
    terms = new Map();
    for (const dimension of ['nationality', 'region', 'status'] as const)
      for (const row of crosswalk(dimension).objects())
        if (!terms.has(`${dimension}:${row.key}`)) terms.set(`${dimension}:${row.key}`, row.term);
  }
  return terms.get(`${column}:${key}`) ?? capitalized(plain);
}

/** Options of {@link reportTable}. */
export interface ReportTableOptions {
  /** Columns to show, in order (see `display`). Default: the table's. */
  columns?: string[];
  /** Whether to keep the `note` column. Default `false`. */
  notes?: boolean;
  /** The caption: what the table holds. */
  caption: string;
  /** Column headings instead of the usual ones, e.g. `{ ratio: 'ratio to Žerjavić' }`. */
  headings?: Record<string, string>;
}

/**
 * A table for the report page: human column names, keys, dates and source ids as words, yes/no
 * for true/false, computed numbers to two decimals, published figures untouched; wrapped in a box
 * that scrolls sideways if a wide screen is still too narrow (focusable, so a keyboard can scroll
 * it). Each cell carries its column's heading (`data-label`), so that on a phone every row is shown
 * as a block, its figure first and each other cell labelled.
 *
 * @param table An Arquero table.
 * @param options Columns, notes and the caption.
 * @returns The HTML of the table in its scrolling box.
 * @example
 * reportTable(load('by-status'), { caption: 'Deaths by status' });
 * // '<div class="scroll" …><table class="ww2yc">…'
 */
export function reportTable(table: ColumnTable, options: ReportTableOptions): string {
  const { columns, rows, numeric } = display(
    table,
    { columns: options.columns, notes: options.notes ?? false, fractionDigits: 2 },
    'reportTable',
  );
  const names = new Map(
    sourceNames([
      ...new Set(
        (table.objects() as Record<string, unknown>[]).flatMap((r) =>
          [...sourceColumns].map((c) => r[c]).filter((v): v is string => typeof v === 'string'),
        ),
      ),
    ]).map((s) => [s.id, s.name]),
  );
  const word = (column: string, text: string) => {
    if (text === 'true') return 'yes';
    if (text === 'false') return 'no';
    if (sourceColumns.has(column)) return names.get(text) ?? text;
    if (valueWords[`${column}:${text}`]) return valueWords[`${column}:${text}`]!;
    if (column === 'dataset') return datasetTitle(text) ?? text;
    if (column === 'scope') return scopeWords(text);
    if (column === 'date') return dateWords(text) ?? text;
    if (column === 'note') return noteWords(text);
    if (keyColumns.has(column) && text)
      return keyWord(column === 'deaths_kind' ? 'kind' : column, text);
    // a minus sign, not a hyphen, before a number
    return /^-\d/.test(text) ? `−${text.slice(1)}` : text;
  };
  // On a phone each row becomes a block that leads with its figure (the page's styles).
  const lead = columns.includes('figure') ? 'figure' : columns.includes('value') ? 'value' : '';
  const cls = (i: number, text = '') =>
    [
      numeric[i] ? 'number' : '',
      `col-${columns[i]!.replace(/[^a-z0-9-]/gi, '-')}`,
      columns[i] === lead ? 'lead' : '',
      columns[i] === 'figure' && text === '–' ? 'not-reported' : '',
    ]
      .filter(Boolean)
      .join(' ');
  const labels = columns.map((c) =>
    escapeHTML(options.headings?.[c] ?? headings[c] ?? c.replaceAll('_', ' ')),
  );
  const head = columns
    .map((_, i) => `<th scope="col" class="${cls(i)}">${labels[i]}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row
          .map((text, i) => {
            const shown = word(columns[i]!, text);
            const title =
              columns[i] === 'figure' && text === '–'
                ? ' title="not reported by the source (a dash), not zero"'
                : '';
            return (
              `<td class="${cls(i, text)}" data-label="${labels[i]}"${title}>` +
              `${escapeHTML(shown)}</td>`
            );
          })
          .join('')}</tr>`,
    )
    .join('\n');
  const open =
    '<div class="scroll" role="region" tabindex="0" ' +
    `aria-label="${escapeHTML(options.caption)}"><table class="ww2yc">`;
  // A figure computed here carries "*"; the table says what it means.
  const derived = rows.some((row) =>
    row.some((text, i) => columns[i] === 'figure' && /\*$/.test(text)),
  )
    ? ' (*: computed here, not published)'
    : '';
  return `${open}
<caption>${escapeHTML(options.caption + derived)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table></div>`;
}
