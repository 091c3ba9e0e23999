import { load, type DatasetId, type DatasetRows } from '../src/index.js';

/** Column values to match; loosely typed so that a test can name any key. */
type Where<Id extends DatasetId> = Partial<Record<keyof DatasetRows[Id], unknown>>;

/** The one row of a bundled dataset that matches every given column; fails on none or several. */
export function row<Id extends DatasetId>(id: Id, where: Where<Id>): DatasetRows[Id] {
  const rows = load(id)
    .objects()
    .filter((r) =>
      Object.entries(where).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v),
    );
  if (rows.length !== 1)
    throw new Error(`${rows.length} rows of ${id} match ${JSON.stringify(where)}`);
  return rows[0]!;
}

/** Reads "346,740" as 346740; a dash as null. */
export function figure(text: string): number | null {
  const t = text.trim();
  if (t === '–' || t === '-') return null;
  if (!/^\d{1,3}(,\d{3})*$/.test(t)) throw new Error(`not a figure: '${t}'`);
  return Number(t.replaceAll(',', ''));
}

/** The cells of a Markdown-style table quoted from a seed, without its header. */
export function cells(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim()),
    );
}

/** What an exact figure looks like in a row. */
export const exact = (value: number) => ({ value, low: value, high: value, qualifier: 'exact' });
/** What an approximate figure looks like: the source allows no interval, so low = high = value. */
export const approximate = (value: number) => ({
  value,
  low: value,
  high: value,
  qualifier: 'approximate',
});
/** What an "over N" / "N+" figure looks like: unbounded above. */
export const atLeast = (value: number) => ({
  value,
  low: value,
  high: null,
  qualifier: 'at-least',
});
/** What an "as many as N" figure looks like: N is the upper figure, no lower one is given. */
export const atMost = (value: number) => ({
  value,
  low: null,
  high: value,
  qualifier: 'at-most',
});
/** What a published range looks like: value is the midpoint, (low + high) / 2. */
export const range = (low: number, high: number) => ({
  value: (low + high) / 2,
  low,
  high,
  qualifier: 'range',
});
/** What a dash in a source table looks like. */
export const notReported = { value: null, low: null, high: null, qualifier: 'not-reported' };
