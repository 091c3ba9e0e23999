// Physical sizes for print: a width in millimetres,
// inches or points, a journal column, a resolution.
import { InvalidOptionError, show } from '../errors.js';

/**
 * The widths of the `column` shorthand, in millimetres: 85 mm for a single column and 175 mm for
 * a double (two-column) figure. They fit inside the printed columns journals ask for, e.g.
 * Nature's 89 mm (single) and 183 mm (double column; Nature Research figure guide, "Building and
 * exporting figure panels"); give `width` for a journal that asks for another.
 */
export const columnWidths: Readonly<Record<Column, number>> = Object.freeze({
  single: 85,
  double: 175,
});

/** A journal column: `single` (85 mm) or `double` (175 mm), see {@link columnWidths}. */
export type Column = 'single' | 'double';

/** A unit of length for {@link PrintSize.width}. */
export type LengthUnit = 'mm' | 'cm' | 'in' | 'pt';

/** Options shared by `toSVG`, `toPNG` and `toPDF` that give a chart its printed size. */
export interface PrintSize {
  /**
   * The printed width of the whole figure: a number in `unit`, or a string with its unit, e.g.
   * `85` with `unit: 'mm'`, or `'85mm'`, `'3.5in'`, `'8.5cm'`, `'240pt'`. The chart is laid out
   * anew at this width (1 px = 1/96 in, as in CSS), so its text keeps its size (the theme's 11 px
   * is 8.25 pt) and the plot area grows or shrinks. Default: the chart's own width.
   */
  width?: number | string;
  /** The unit of a numeric `width`. Default `'mm'`. */
  unit?: LengthUnit;
  /** A journal column instead of `width`: `'single'` (85 mm) or `'double'` (175 mm). */
  column?: Column;
}

/** CSS pixels per inch: the unit of Vega's layout. */
export const pixelsPerInch = 96;
/** PDF points per inch. */
export const pointsPerInch = 72;

const perInch: Record<LengthUnit, number> = { mm: 25.4, cm: 2.54, in: 1, pt: 72 };

/**
 * The printed width asked for, in inches,
 * or `undefined` when neither `width` nor `column` is given.
 *
 * @param options `{ width, unit, column }`.
 * @returns The width in inches.
 * @throws {InvalidOptionError} For a width that is not a positive length with a known unit, both
 *   `width` and `column`, or an unknown column.
 * @example
 * printWidth({ width: '85mm' }); // => 3.346…
 * printWidth({ column: 'double' }); // => 6.889… (175 mm)
 */
export function printWidth(options: PrintSize): number | undefined {
  const { width, unit, column } = options;
  if (width !== undefined && column !== undefined)
    throw new InvalidOptionError(
      `Both width ${show(width)} and column ${show(column)} were given: expected one of them.`,
    );
  if (unit !== undefined && !(unit in perInch))
    throw new InvalidOptionError(
      `Invalid unit ${show(unit)}: expected one of ${Object.keys(perInch).join(', ')}.`,
    );
  if (column !== undefined) {
    if (!Object.hasOwn(columnWidths, column))
      throw new InvalidOptionError(
        `Invalid column ${show(column)}: expected 'single' or 'double'.`,
      );
    return columnWidths[column] / perInch.mm;
  }
  if (width === undefined) return undefined;
  let value: number;
  let of: LengthUnit = unit ?? 'mm';
  if (typeof width === 'number') value = width;
  else if (typeof width === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$/.exec(width);
    if (!m)
      throw new InvalidOptionError(
        `Invalid width ${show(width)}: expected a length with its unit, e.g. '85mm', '3.5in', ` +
          "'8.5cm' or '240pt'.",
      );
    if (unit !== undefined && unit !== m[2])
      throw new InvalidOptionError(
        `The width ${show(width)} has its own unit; unit ${show(unit)} was also given.`,
      );
    value = Number(m[1]);
    of = m[2] as LengthUnit;
  } else
    throw new InvalidOptionError(
      `Invalid width ${show(width)}: expected a number (with unit) or a string such as '85mm'.`,
    );
  const inches = value / perInch[of];
  // From about a postage stamp (1 in = 25.4 mm) to a poster's width (40 in, about 1 m).
  if (!Number.isFinite(inches) || inches < 1 || inches > 40)
    throw new InvalidOptionError(
      `Invalid width ${show(width)}${typeof width === 'number' ? ` ${of}` : ''}: expected a ` +
        'printed width from 25.4 mm (1 in) to 1016 mm (40 in).',
    );
  return inches;
}

/**
 * Checks a resolution in dots per inch.
 *
 * @throws {InvalidOptionError} Unless `dpi` is a number from 72 to 2400.
 */
export function checkDPI(dpi: unknown): number {
  if (typeof dpi !== 'number' || !Number.isFinite(dpi) || dpi < 72 || dpi > 2400)
    throw new InvalidOptionError(
      `Invalid dpi ${show(dpi)}: expected a number of dots per inch from 72 to 2400 (journals ` +
        'ask for 300 or 600).',
    );
  return dpi;
}
