// --filter of the command line: `column=value`, `column!=value`, and numeric comparisons
// (`value>=10000`, `<`, `<=`, `>`), each checked against the table's own columns first.
import { escape, type ColumnTable } from 'arquero';
import { UnknownIdError } from '../errors.js';
import { UsageError } from './usage.js';

/** The operators of --filter, longest first (so that `>=` is not read as `>`). */
export const operators = ['>=', '<=', '!=', '=', '<', '>'] as const;
/** An operator of --filter. */
export type Operator = (typeof operators)[number];

/** A --filter expression, parsed: the column, the operator and the operand as written. */
export interface Filter {
  column: string;
  operator: Operator;
  operand: string;
}

const hint =
  'write --filter <column>=<value>, or a comparison in quotes (the shell reads < and > ' +
  "itself): --filter 'value>=10000'";

/**
 * Parses a --filter expression: the column is everything before the first operator.
 *
 * @throws {UsageError} when there is no operator, no column or no operand.
 * @example
 * parseFilter('value>=10000'); // => { column: 'value', operator: '>=', operand: '10000' }
 * parseFilter('nationality=serbs');
 * // => { column: 'nationality', operator: '=', operand: 'serbs' }
 */
export function parseFilter(text: string): Filter {
  const match = /^([^=!<>]*)(>=|<=|!=|=|<|>)(.*)$/s.exec(text);
  const [, column = '', operator, operand = ''] = match ?? [];
  if (!match || !column.trim() || !operand.trim())
    throw new UsageError(`bad filter '${text}'`, hint);
  return { column: column.trim(), operator: operator as Operator, operand: operand.trim() };
}

/**
 * A number as a user writes it: `10000`, `10,000`, `-1.5`; undefined for anything else.
 *
 * @example
 * parseNumber('10,000'); // => 10000
 * parseNumber('ten'); // => undefined
 */
export function parseNumber(text: string): number | undefined {
  if (!/^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/.test(text)) return undefined;
  return Number(text.replaceAll(',', ''));
}

/** The columns of `table` whose values, where not empty, are all numbers. */
export function numericColumns(table: ColumnTable): string[] {
  return table.columnNames().filter((name) => {
    const values = (table.array(name) as unknown[]).filter((v) => v != null);
    return values.length > 0 && values.every((v) => typeof v === 'number');
  });
}

const compare: Record<Operator, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

/**
 * Keeps the rows of `table` that pass a --filter expression.
 *
 * On a column of numbers every operator compares numbers, and a figure not reported (empty, shown
 * "–") passes none: it is unknown, not 0. On a column of text, `=` and `!=` compare the text, and
 * the value must be one the column holds (so that a misspelt value is an error, not an empty
 * table); `<`, `<=`, `>`, `>=` are for numbers only. The column compared is the one named: for a
 * range or an at-least figure, `value` is the midpoint or the lower bound, `low` and `high` its
 * bounds (`high` is empty where there is no upper bound).
 *
 * @throws {UnknownIdError} for a column the table does not have (naming the ones it has), or a
 *   text value the column does not hold.
 * @throws {UsageError} for a malformed expression, a comparison on text, or an operand that is
 *   not a number where one is needed.
 * @example
 * filterRows(load('by-nationality'), 'value>=100000').numRows(); // => 6
 * filterRows(load('by-nationality'), 'nationality=jews').array('value');
 * // => [45000, 60000, 57000]
 */
export function filterRows(table: ColumnTable, expression: string): ColumnTable {
  const { column, operator, operand } = parseFilter(expression);
  const columns = table.columnNames();
  if (!columns.includes(column)) throw new UnknownIdError('column', column, columns);
  const numeric = numericColumns(table);
  if (numeric.includes(column)) {
    const n = parseNumber(operand);
    if (n === undefined)
      throw new UsageError(
        `'${operand}' is not a number, and column '${column}' holds numbers`,
        `write a number, e.g. --filter '${column}${operator}10000'`,
      );
    const test = compare[operator];
    return table.filter(
      escape((d: Record<string, unknown>) => typeof d[column] === 'number' && test(d[column], n)),
    );
  }
  if (operator !== '=' && operator !== '!=')
    throw new UsageError(
      `column '${column}' holds text: ${operator} compares numbers`,
      `the columns of numbers here: ${numeric.join(', ') || 'none'}; ` +
        `for text use = or !=, e.g. --filter ${column}=${firstValue(table, column)}`,
    );
  const present = [...new Set(table.array(column) as unknown[])].filter((v) => v != null).map(cell);
  if (!present.includes(operand)) throw new UnknownIdError(`value of ${column}`, operand, present);
  const equal = operator === '=';
  return table.filter(
    escape(
      (d: Record<string, unknown>) => (d[column] != null && cell(d[column]) === operand) === equal,
    ),
  );
}

/** A cell of a column that is not all numbers (text, or true/false), as a user types it. */
function cell(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function firstValue(table: ColumnTable, column: string): string {
  const first = (table.array(column) as unknown[]).find((v) => v != null);
  return first === undefined ? 'value' : cell(first);
}
