import { fromCSV } from 'arquero';
import type { ColumnTable } from 'arquero';
import { CasualtiesError } from '../errors.js';
import type { CatalogResource } from './descriptor.js';

/**
 * Parses a bundled CSV text by its schema, never by inference: strings stay strings (so an id
 * such as "1964" is never a number), numbers are checked, and an empty cell is missing (null),
 * never 0.
 */
export function parseResource(text: string, resource: CatalogResource): ColumnTable {
  const parse: Record<string, (cell: string) => string | number | null> = {};
  for (const field of resource.schema.fields) {
    parse[field.name] =
      field.type === 'string'
        ? parseString
        : (cell) => parseNumber(cell, resource.name, field.name);
  }
  return fromCSV(text, { autoType: false, parse });
}

function parseString(cell: string): string | null {
  return cell === '' ? null : cell;
}

function parseNumber(cell: string, resource: string, column: string): number | null {
  if (cell === '') return null;
  const value = Number(cell);
  if (!Number.isFinite(value) || cell.trim() !== cell) {
    throw new CasualtiesError(
      `Invalid number '${cell}' in column '${column}' of ${resource}.csv: expected a number with '.' as decimal mark.`,
    );
  }
  return value;
}
