import { table } from 'arquero';
import type { ColumnTable } from 'arquero';
import { CasualtiesError, InvalidTableError } from '../errors.js';
import { splitCSV } from './csv.js';
import type { CatalogResource } from './descriptor.js';

/**
 * Parses a bundled CSV text by its schema, never by inference, and as strictly as a user's text
 * (see {@link splitCSV}): a record with more or fewer cells than the header, or a header that is
 * not the schema's, is an error naming the file and line, never a half-loaded table. Strings stay
 * strings (so an id such as "1964" is never a number), numbers are checked, and an empty cell is
 * missing (null), never 0.
 */
export function parseResource(text: string, resource: CatalogResource): ColumnTable {
  const file = `datasets/${resource.name}.csv`;
  const { names, columns: cells, lines } = splitCSV(text, ['load', file]);
  const fields = resource.schema.fields;
  if (names.join(',') !== fields.map((f) => f.name).join(',')) {
    throw new InvalidTableError(
      `load: the header of ${file} is ${names.join(',')}; ` +
        `expected the columns of its schema, ${fields.map((f) => f.name).join(',')}.`,
    );
  }
  const columns: Record<string, (string | number | null)[]> = {};
  fields.forEach((field, j) => {
    const column = cells[j] as (string | null)[];
    columns[field.name] =
      field.type === 'string'
        ? column
        : column.map((cell, i) => parseNumber(cell, file, field.name, lines[i]!));
  });
  return table(columns);
}

function parseNumber(
  cell: string | null,
  file: string,
  column: string,
  line: number,
): number | null {
  if (cell === null) return null;
  const value = Number(cell);
  if (!Number.isFinite(value) || cell.trim() !== cell || cell === '') {
    throw new CasualtiesError(
      `Invalid number '${cell}' in column '${column}' of ${file}, line ${line}: ` +
        "expected a number with '.' as decimal mark.",
    );
  }
  return value;
}
