import { InvalidOptionError, show } from '../errors.js';

/** The part of a row that says how large a figure is and how certain. */
export interface Figure {
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: string | null;
  unit?: string | null;
}

/**
 * Writes a figure as a reader expects to see it: `346,740`, `~850,000` (approximate),
 * `≥18,000` (at least), `69,000–71,000` (a range), `–` (not reported), with a `%` for a share.
 * A figure computed by the package (`derived`) is marked with `*`.
 *
 * @param figure A row with `value`, `low`, `high`, `qualifier` (and optionally `unit`).
 * @param locale A BCP 47 locale for the digits, e.g. `'de-DE'`. Default `'en-US'`.
 * @returns The figure as text.
 * @throws {InvalidOptionError} If the locale is not one the runtime knows.
 * @example
 * formatFigure({ value: 70000, low: 69000, high: 71000, qualifier: 'range' }); // => '69,000–71,000'
 * formatFigure({ value: 18000, low: 18000, high: null, qualifier: 'at-least' }, 'de-DE'); // => '≥18.000'
 */
export function formatFigure(figure: Figure, locale = 'en-US'): string {
  const number = numberFormat(locale);
  const percent = figure.unit === 'percent' ? '%' : '';
  const n = (x: number) => number.format(x) + percent;
  const { value, low, high, qualifier } = figure;
  if (qualifier === 'not-reported' || (value === null && low === null)) return '–';
  if (qualifier === 'range' && low !== null && high !== null) return `${n(low)}–${n(high)}`;
  if (qualifier === 'at-least') return `≥${n(low ?? value!)}`;
  if (qualifier === 'approximate') return `~${n(value!)}`;
  if (qualifier === 'derived') return `${n(value!)}*`;
  return n(value ?? low!);
}

const formats = new Map<string, Intl.NumberFormat>();

/** A cached number format for a locale, with no rounding beyond what the figure has. */
export function numberFormat(locale: string): Intl.NumberFormat {
  let format = formats.get(locale);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
    } catch (cause) {
      throw new InvalidOptionError(`Invalid locale ${show(locale)}: expected a BCP 47 language tag such as 'en-US' or 'de-DE'.`, { cause });
    }
    formats.set(locale, format);
  }
  return format;
}
