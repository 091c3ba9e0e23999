// The rounding core: what a figure as it was written says about the number behind it. How precise
// a written figure is ("1.7 million": to the 100,000), and whether a mean as reported can come
// from whole counts (the GRIM test of Brown & Heathers 2017). The interval a rounded figure stands
// for (± half its unit) is the rule of the data contract, applied by the analysis's interval
// helpers; here is only what reading and checking a rounded number needs, in exact arithmetic.
import { InvalidOptionError, show } from '../errors.js';

/** How a number half-way between two rounded figures was rounded. */
export type RoundingRule = 'half-up' | 'half-down' | 'half-even' | 'either';

/** Every rounding rule, in the order of {@link RoundingRule}. */
export const roundingRules: readonly RoundingRule[] = [
  'half-up',
  'half-down',
  'half-even',
  'either',
];

/** A figure read from how it was written. */
export interface WrittenFigure {
  /** The number, e.g. 1700000 for "1.7 million". */
  value: number;
  /**
   * The unit of its last significant digit: how far it was rounded, as the data contract's
   * `precision`: 100000 for "1.7 million", 1000 for "1,027,000", 1 for "597,323", 0.01 for
   * "11.09".
   */
  precision: number;
}

const scales: Record<string, number> = { thousand: 3, million: 6, billion: 9 };

/**
 * Reads a figure as it was written: digits with thousands separators (`,`) and a decimal point,
 * optionally followed by "thousand", "million" or "billion", and the unit of its last significant
 * digit. Trailing zeros of a whole number are taken as rounding ("850,000": to the 10,000), as the
 * bundled data records them; write the figure with its precision where that is not so.
 *
 * @param written The figure as text, e.g. `'1.7 million'`, `'1,027,000'`, `'11.09'`; or a number.
 * @returns The number and its precision.
 * @throws {InvalidOptionError} If the text is not a figure.
 * @example
 * readFigure('1.7 million'); // => { value: 1700000, precision: 100000 }
 * readFigure('597,323'); // => { value: 597323, precision: 1 }
 * readFigure('11.09'); // => { value: 11.09, precision: 0.01 }
 */
export function readFigure(written: string | number): WrittenFigure {
  const { digits, exponent } = decimal(written, 'readFigure');
  // the last significant digit: trailing zeros of the digits count as rounding
  const trimmed = digits.replace(/0+$/, '');
  const significant = trimmed === '' ? exponent : exponent + (digits.length - trimmed.length);
  return {
    value: Number(`${digits}e${exponent}`),
    precision: Number(`1e${significant}`),
  };
}

/**
 * The figure of `written` as an integer of digits and a power of ten (`digits × 10^exponent`),
 * exactly: '1.7 million' is 17 × 10^5, '11.09' is 1109 × 10^-2.
 */
function decimal(written: string | number, fn: string): { digits: string; exponent: number } {
  let text: string;
  if (typeof written === 'number') {
    if (!Number.isFinite(written) || written < 0)
      throw new InvalidOptionError(
        `${fn}: figure is ${show(written)}; expected a number of 0 or more.`,
      );
    text = String(written);
    if (/e/i.test(text))
      throw new InvalidOptionError(
        `${fn}: figure is ${show(written)}; expected a number that can be written without an ` +
          'exponent (give it as text).',
      );
  } else if (typeof written === 'string') text = written.trim();
  else
    throw new InvalidOptionError(
      `${fn}: figure is ${show(written)}; expected a number or a figure as text ('1.7 million').`,
    );
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s+(thousand|million|billion))?$/i.exec(
    text,
  );
  if (!match)
    throw new InvalidOptionError(
      `${fn}: figure is ${show(written)}; expected digits with an optional decimal point and ` +
        "thousands separators, and optionally 'thousand', 'million' or 'billion' " +
        "(e.g. '1,027,000', '1.7 million', '11.09').",
    );
  const whole = match[1]!.replaceAll(',', '');
  const fraction = match[2] ?? '';
  const scale = match[3] ? scales[match[3].toLowerCase()]! : 0;
  const digits = `${whole}${fraction}`.replace(/^0+(?=\d)/, '');
  return { digits, exponent: scale - fraction.length };
}

/** Options of {@link grim}. */
export interface GrimOptions {
  /**
   * How many items each participant answered (the mean of a scale of several whole-number items
   * has a granularity of 1 / (n × items)).
   * @default 1
   */
  items?: number;
  /**
   * How the reported mean was rounded. `'either'` (the default) is Brown and Heathers'
   * conservative reading: a mean exactly half-way may have been rounded up or down.
   * @default 'either'
   */
  rule?: RoundingRule;
}

/** The result of {@link grim}. */
export interface GrimResult {
  /** Whether some whole-number total, divided by n × items, rounds to the reported mean. */
  consistent: boolean;
  /** The whole-number totals that do (empty if none). */
  totals: number[];
  /**
   * The means nearest to the reported one that whole-number totals give, rounded as reported
   * (below and above it; the same where it is consistent).
   */
  nearest: [string, string];
}

/**
 * The GRIM test (granularity-related inconsistency of means; Brown & Heathers 2017, "The GRIM
 * test: A simple technique detects numerous anomalies in the reporting of results in psychology",
 * Social Psychological and Personality Science 8(4), 363–369): a mean of n whole-number answers is
 * a whole number divided by n, so a mean reported to d decimals is consistent with n only if some
 * whole-number total, divided by n, rounds to it. Computed in exact integer arithmetic: the
 * reported mean is read from its text, so that its trailing zeros count ("5.20" has two decimals).
 *
 * @param mean The mean as reported, as text (e.g. `'5.27'`).
 * @param n The sample size, a whole number of 1 or more.
 * @param options See {@link GrimOptions}.
 * @returns Whether the mean is consistent, the totals that give it, the nearest possible means.
 * @throws {InvalidOptionError} If the mean is not a figure or n, items or rule is not valid.
 * @example
 * grim('5.27', 43).consistent; // => false (226/43 rounds to 5.26, 227/43 to 5.28)
 * grim('5.26', 43); // => { consistent: true, totals: [226], nearest: ['5.26', '5.26'] }
 */
export function grim(mean: string, n: number, options: GrimOptions = {}): GrimResult {
  if (typeof mean !== 'string')
    throw new InvalidOptionError(
      `grim: mean is ${show(mean)}; expected the mean as reported, as text (e.g. '5.27'), so ` +
        'that its trailing zeros count.',
    );
  const { items = 1, rule = 'either' } = options;
  for (const [name, v] of [
    ['n', n],
    ['items', items],
  ] as const)
    if (!Number.isSafeInteger(v) || v < 1)
      throw new InvalidOptionError(
        `grim: option ${name} is ${show(v)}; expected a whole number of 1 or more.`,
      );
  if (!roundingRules.includes(rule))
    throw new InvalidOptionError(
      `grim: option rule is ${show(rule)}; expected one of ${roundingRules.join(', ')}.`,
    );
  const { digits, exponent } = decimal(mean, 'grim');
  if (exponent > 0)
    throw new InvalidOptionError(
      `grim: mean is ${show(mean)}; expected a mean written with its decimals (e.g. '5.27').`,
    );
  // reported = R / 10^d; a total k gives k / N, which rounds to R when it lies in
  // [R − ½, R + ½] × 10^-d, i.e. 2·k·10^d against N·(2R ∓ 1) (ends as the rule says).
  const d = -exponent;
  const R = BigInt(digits);
  const N = BigInt(n * items);
  const scale = 10n ** BigInt(d);
  const roundsTo = (k: bigint): boolean => {
    const twice = 2n * k * scale;
    const lower = N * (2n * R - 1n);
    const upper = N * (2n * R + 1n);
    if (twice > lower && twice < upper) return true;
    const even = R % 2n === 0n;
    if (twice === lower)
      return rule === 'either' || rule === 'half-up' || (rule === 'half-even' && even);
    if (twice === upper)
      return rule === 'either' || rule === 'half-down' || (rule === 'half-even' && even);
    return false;
  };
  // the totals near R·N / 10^d: floor and ceiling, and one either side for the half-way ends
  const centre = (R * N) / scale;
  const totals: number[] = [];
  for (let k = centre - 1n; k <= centre + 2n; k++)
    if (k >= 0n && roundsTo(k)) totals.push(Number(k));
  const rounded = (k: bigint): string => format(nearestRounding(k, N, scale), d);
  const above = centre * scale === R * N ? centre : centre + 1n;
  return {
    consistent: totals.length > 0,
    totals,
    nearest: totals.length > 0 ? [mean, mean] : [rounded(centre), rounded(above)],
  };
}

/** k / N × 10^d rounded half-up to a whole number (the digits of the rounded mean). */
function nearestRounding(k: bigint, N: bigint, scale: bigint): bigint {
  return (2n * k * scale + N) / (2n * N);
}

/** An integer of digits written with d decimals. */
function format(digits: bigint, d: number): string {
  if (d === 0) return String(digits);
  const text = String(digits).padStart(d + 1, '0');
  return `${text.slice(0, -d)}.${text.slice(-d)}`;
}
