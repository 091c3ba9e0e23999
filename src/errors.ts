/** The base class of every error this package throws on purpose. */
export class CasualtiesError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An id (dataset, source, crosswalk…) that does not exist. */
export class UnknownIdError extends CasualtiesError {
  /** What was given. */
  readonly given: unknown;
  /** The valid ids. */
  readonly expected: readonly string[];
  /** The valid id closest to what was given, if any is close. */
  readonly suggestion: string | undefined;

  constructor(what: string, given: unknown, expected: readonly string[]) {
    const suggestion = typeof given === 'string' ? closest(given, expected) : undefined;
    const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
    super(`Unknown ${what} ${show(given)}.${hint} Expected one of: ${listNames(expected, 50)}.`);
    this.given = given;
    // a frozen copy: a caller who changes it changes neither the package's list nor another error's
    this.expected = Object.freeze([...expected]);
    this.suggestion = suggestion;
  }
}

/** The most characters of a given value that an error message shows. */
const shownLength = 200;

/**
 * Shows a value as it was given, for an error message (cut short, with its length, if long).
 * Line breaks and other control characters in a string are written as escapes (`\n`,
 * `\u001b`), so that a value cannot add lines to a message or send codes to a terminal.
 */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = `'${escapeControls(value)}'`;
  else if (typeof value === 'number' || typeof value === 'boolean' || value == null)
    text = String(value);
  else {
    try {
      // no-base-to-string: a function or symbol, which JSON skips, shows as its own text
      // eslint-disable-next-line @typescript-eslint/no-base-to-string
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
    text = escapeControls(text);
  }
  return text.length > shownLength
    ? `${text.slice(0, shownLength)}… (${text.length} characters)`
    : text;
}

/**
 * Named values for an error message, each shown by {@link show} (`undefined` as null): a row's
 * category or a group's key.
 *
 * @param value The value of the name at place `k`.
 * @example
 * showNamed(['region', 'status'], (name) => ({ region: 'serbia' })[name]);
 * // => "region 'serbia', status null"
 */
export function showNamed(
  names: readonly string[],
  value: (name: string, k: number) => unknown,
): string {
  return names.map((name, k) => `${name} ${show(value(name, k) ?? null)}`).join(', ');
}

/**
 * Control characters (C0, DEL, C1),
 * and the line and paragraph separators, and bidirectional overrides.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Names for an error message, each with its control characters escaped:
 * at most `most`, then how many more.
 *
 * @example
 * listNames(['a', 'b', 'c'], 2); // => 'a, b … (1 more)'
 */
export function listNames(names: readonly string[], most = 30): string {
  const shown = names.slice(0, most).map(escapeControls).join(', ');
  return names.length > most ? `${shown} … (${names.length - most} more)` : shown;
}

/** Text with each control character written as an escape: `\n`, `\t`, `\u001b`. */
export function escapeControls(text: string): string {
  return text.replace(controls, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * What one option takes: a test of a given value, and what is expected, in words. An option not
 * given (`undefined`) is its default and is never tested.
 */
export interface OptionRule {
  /** Whether `value` is allowed. */
  ok: (value: unknown) => boolean;
  /** What the option takes, in words, without a final full stop: e.g. 'a string'. */
  expected: string;
}

/**
 * The message of an option that is not what it should be, in the package's one shape:
 * `fn: option NAME is GIVEN; expected WHAT.`
 *
 * @example
 * optionMessage('display', 'limit', -1, 'a whole number of rows, 0 or more');
 * // => 'display: option limit is -1; expected a whole number of rows, 0 or more.'
 */
export function optionMessage(fn: string, name: string, given: unknown, expected: string): string {
  return `${fn}: option ${name} is ${show(given)}; expected ${expected}.`;
}

/**
 * The options object of `fn`, checked: `{}` if none was given; throws if `options` is not an
 * object (e.g. `null`, a string, an array), instead of failing on a property of it. The one check
 * of an options object: the analysis and estimation functions, the chart builders
 * (`charts/frame.ts`) and the notebook's `display` all call it (the last two through
 * {@link checkOptionRules}, which also tests each option).
 *
 * @example
 * checkOptions('by', 'rollup');
 * // throws InvalidOptionError: rollup: options is 'by'; expected an object of options, or nothing.
 */
export function checkOptions<T extends object>(options: T | undefined, fn: string): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidOptionError(
      `${fn}: options is ${show(options)}; expected an object of options, or nothing.`,
    );
  }
  return options;
}

/**
 * {@link checkOptions}, then each option that has a rule in `rules` tested (a list of rules is
 * tested in order), throwing {@link InvalidOptionError} with `message(name, given, expected)` for
 * the first that fails. Apart from `checkOptions` so that the functions that test no option
 * (the core entry's) do not carry the rules.
 *
 * @param rules What each option takes.
 * @param message The message of a failed rule. Default {@link optionMessage}'s shape.
 * @example
 * checkOptionRules({ limit: -1 }, 'display', {
 *   limit: { ok: (v) => Number.isInteger(v) && (v as number) >= 0, expected: 'a whole number' },
 * });
 * // throws InvalidOptionError: display: option limit is -1; expected a whole number.
 */
export function checkOptionRules<T extends object>(
  options: T | undefined,
  fn: string,
  rules: { readonly [K in keyof T]?: OptionRule | readonly OptionRule[] },
  message: (name: string, given: unknown, expected: string) => string = (name, given, expected) =>
    optionMessage(fn, name, given, expected),
): Partial<T> {
  const checked = checkOptions(options, fn);
  for (const [name, rule] of Object.entries(rules) as [string, OptionRule | OptionRule[]][]) {
    const given: unknown = (checked as Record<string, unknown>)[name];
    if (given === undefined) continue;
    for (const { ok, expected } of [rule].flat())
      if (!ok(given)) throw new InvalidOptionError(message(name, given, expected));
  }
  return checked;
}

/**
 * The choice nearest to `given`: one that starts with it (or that it starts with), else the one
 * at the smallest edit distance, if that is within a third of its length.
 */
function closest(given: string, choices: readonly string[]): string | undefined {
  const g = given.toLowerCase();
  const prefixed = choices.filter(
    (c) => g.length > 2 && (c.toLowerCase().startsWith(g) || g.startsWith(c.toLowerCase())),
  );
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.max(2, Math.ceil(given.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const choice of choices) {
    // The distance is at least this: too far (and a huge string costs nothing).
    if (Math.abs(choice.length - g.length) > limit) continue;
    const d = distance(g, choice.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [choice, d];
  }
  return bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance between two strings. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A table that does not follow the data contract; the message names the row, column and value. */
export class InvalidTableError extends CasualtiesError {}

/**
 * A sum asked of shares (rows in unit `percent`): a share is not a count, so shares are never
 * added (see `sumParts` in the analysis). `shares` names the rows; `parts` counts the rows to add.
 */
export class SharesNotAddedError extends InvalidTableError {
  constructor(
    message: string,
    readonly shares: readonly string[],
    readonly parts: number,
  ) {
    super(message);
  }
}

/**
 * An option with a value the function cannot use;
 * the message names the option, the value and what was expected.
 */
export class InvalidOptionError extends CasualtiesError {}

/**
 * A file or report folder that could not or must not be written;
 * the message names the path and why, in one line.
 */
export class ReportWriteError extends CasualtiesError {
  /** What to do instead, e.g. 'choose a folder you can write to'. */
  readonly hint: string | undefined;

  constructor(message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options);
    this.hint = options?.hint;
  }
}
