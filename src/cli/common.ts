// What the commands of the command line share: the Command shape, the --format option and
// printing a table in it, the dataset argument, and filtering rows by a column's value. Each
// command file imports these from here, and commands.ts imports the commands: no circle.
import { escape, type ColumnTable } from 'arquero';
import { datasets } from '../data/load.js';
import type { DatasetId } from '../data/generated/types.js';
import { UnknownIdError } from '../errors.js';
import { toCSV } from '../exchange/csv.js';
import { toJSON } from '../exchange/json.js';
import { toMarkdown } from '../exchange/markdown.js';
import { textTable } from '../exchange/text.js';
import { UsageError } from './usage.js';

/** The parsed options of a command. */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** A command of the command line. */
export interface Command {
  summary: string;
  usage: string;
  help: string;
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  run(positionals: string[], values: Values): Promise<void> | void;
}

/** Writes a line to stdout. */
export const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

export const formats = ['table', 'csv', 'json', 'md'] as const;
export type Format = (typeof formats)[number];

/** Writes a table to stdout in the chosen format. */
export function print(table: ColumnTable, format: Format): void {
  if (format === 'csv') out(toCSV(table));
  else if (format === 'json') out(toJSON(table));
  else if (format === 'md') out(toMarkdown(table));
  else out(textTable(table));
}

/** The --format option, checked. */
export function formatOf(values: Values): Format {
  const format = (values.format as string | undefined) ?? 'table';
  if (!formats.includes(format as Format)) {
    throw new UsageError(`unknown format '${format}'`, `use --format ${formats.join('|')}`);
  }
  return format as Format;
}

/** A dataset id from the first positional argument, checked. */
export function datasetOf(positionals: string[], usage: string): DatasetId {
  const id = positionals[0];
  if (!id) throw new UsageError('no dataset given', `usage: ${usage}; 'list' shows the datasets`);
  if (!datasets.includes(id as DatasetId)) throw new UnknownIdError('dataset', id, datasets);
  return id as DatasetId;
}

/** Keeps the rows whose column equals the value; the column and value are checked first. */
export function where(
  table: ColumnTable,
  column: string,
  value: string,
  what = column,
): ColumnTable {
  if (!table.columnNames().includes(column))
    throw new UnknownIdError('column', column, table.columnNames());
  const present = [...new Set(table.array(column) as unknown[])]
    .filter((v) => v != null)
    .map(String);
  if (!present.includes(value)) throw new UnknownIdError(what, value, present);
  return table.filter(escape((d: Record<string, unknown>) => String(d[column]) === value));
}
