import { InvalidOptionError, InvalidTableError, show } from '../errors.js';
import { checkFigure } from '../data/contract.js';
import { wholeEnUS } from '../analysis/digits.js';

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
 * `≥18,000` (at least), `≤36,000` (at most: "as many as"), `69,000–71,000` (a range), `–` (not
 * reported), with a `%` for a share.
 * A figure computed by the package (`derived`) is marked with `*`. A value with more than six
 * decimals, which no source prints (a share given in words, "every sixth": 100 / 6), is written
 * to two decimals: `~16.67%`.
 *
 * @param figure A row with `value`, `low`, `high`, `qualifier` (and optionally `unit`).
 * @param locale A BCP 47 locale for the digits, e.g. `'de-DE'`. Default `'en-US'`.
 * @param where How to name the figure in an error message. Default `'formatFigure'`.
 * @returns The figure as text.
 * @throws {InvalidOptionError} If the locale is not one the runtime knows.
 * @throws {InvalidTableError} If a number is not finite, the qualifier is unknown, or the figure
 *   lacks the number its qualifier needs (a value, or a range's bounds): it would print a wrong
 *   number.
 * @example
 * formatFigure({ value: 70000, low: 69000, high: 71000, qualifier: 'range' });
 * // => '69,000–71,000'
 * formatFigure({ value: 18000, low: 18000, high: null, qualifier: 'at-least' }, 'de-DE');
 * // => '≥18.000'
 */
export function formatFigure(figure: Figure, locale = 'en-US', where = 'formatFigure'): string {
  const number = numberFormat(locale);
  if (typeof figure !== 'object' || figure === null)
    throw new InvalidTableError(
      `${where}: the figure is ${show(figure)}; ` +
        'expected an object with value, low, high and qualifier.',
    );
  const percent = figure.unit === 'percent' ? '%' : '';
  const { value = null, low = null, high = null, qualifier = null } = figure;
  // A number with more than six decimals is one no source prints: a share the source gives in
  // words, converted here ("every sixth": 100 / 6). It is written to two decimals; the data keep
  // it whole. A figure the package computed (derived) is written in full.
  const n = (x: number) =>
    (qualifier !== 'derived' && Math.abs(x * 1e6 - Math.round(x * 1e6)) > 1e-6
      ? numberFormat(locale, 2)
      : number
    ).format(x) + percent;
  if (qualifier === null) {
    // a figure without a qualifier (a source with no row in compare's result): its value or a dash
    if (value === null) return '–';
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new InvalidTableError(
        `${where}, column 'value': ${show(value)}; expected a number, or null where not reported.`,
      );
    return n(value);
  }
  // what each qualifier means for value, low and high: the data contract's one check
  const problem = checkFigure(value, low, high, qualifier);
  if (problem)
    throw new InvalidTableError(`${where}, column '${problem.column}': ${problem.message}.`);
  if (qualifier === 'not-reported') return '–';
  if (qualifier === 'range') return `${n(low!)}–${n(high!)}`;
  if (qualifier === 'at-least') return `≥${n(low!)}`;
  if (qualifier === 'at-most') return `≤${n(high!)}`;
  if (value === null) return '–';
  if (qualifier === 'approximate') return `~${n(value)}`;
  if (qualifier === 'derived') return `${n(value)}*`;
  return n(value);
}

/** What the package formats numbers with: an `Intl.NumberFormat`, or one that acts as it does. */
export interface NumberFormat {
  format(n: number): string;
}

/**
 * The number formats made, by locale and options: at most {@link maxCachedFormats}, the oldest
 * dropped first, and none for a locale longer than 100 characters (200,000 locales took 92 MB).
 */
const formats = new Map<string, NumberFormat>();

/** The most number formats kept. */
export const maxCachedFormats = 256;

/**
 * A cached number format for a locale, with no rounding beyond what the figure has (or at most
 * `fractionDigits` decimals, at least `minimumFractionDigits`), with or without thousands grouping.
 * In `en-US` with grouping, a count is written without ICU ({@link wholeEnUS}: the same text), so
 * that a chart or table of counts does not pay ICU's start (10–30 ms) to draw them; any other
 * number still goes to `Intl.NumberFormat`, made on first use.
 */
export function numberFormat(
  locale: string,
  fractionDigits = 20,
  grouping = true,
  minimumFractionDigits = 0,
): NumberFormat {
  if (typeof locale !== 'string')
    throw new InvalidOptionError(
      `Invalid locale ${show(locale)}: expected a BCP 47 language tag such as 'en-US' or 'de-DE'.`,
    );
  const key = `${locale}\u0000${fractionDigits}\u0000${grouping}\u0000${minimumFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    const make = () => {
      try {
        return new Intl.NumberFormat(locale, {
          maximumFractionDigits: fractionDigits,
          minimumFractionDigits,
          useGrouping: grouping,
        });
      } catch (cause) {
        throw new InvalidOptionError(
          `Invalid locale ${show(locale)}: ` +
            "expected a BCP 47 language tag such as 'en-US' or 'de-DE'.",
          { cause },
        );
      }
    };
    let intl: Intl.NumberFormat | undefined;
    format =
      locale === 'en-US' && grouping && minimumFractionDigits === 0
        ? { format: (n) => wholeEnUS(n) ?? (intl ??= make()).format(n) }
        : make();
    if (locale.length <= 100) {
      if (formats.size >= maxCachedFormats) formats.delete(formats.keys().next().value!);
      formats.set(key, format);
    }
  }
  return format;
}
