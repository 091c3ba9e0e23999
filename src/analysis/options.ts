// The checks of the analysis functions' options, on one helper and in one message shape:
//
//   fn: option NAME is GIVEN; expected WHAT. Did you mean 'NEAREST'?
//
// (the project's rule 5: what was given, what was expected, and the nearest valid choice). The
// shape's first sentence is `optionMessage` of errors.ts, which `checkOptions` also writes: this
// file adds the nearest choice.
import { InvalidOptionError, UnknownIdError, optionMessage } from '../errors.js';

/**
 * The error for an option of `fn`, in the one shape: `fn: option NAME is GIVEN; expected WHAT.`,
 * followed by the choice nearest to what was given, where one is near.
 *
 * @param expected What the option takes, in words (no final full stop).
 * @param choices The valid choices, to suggest the nearest (none by default).
 * @example
 * optionError('rollup', 'missing', 'skp', "'skip' or 'fail'", ['skip', 'fail']).message;
 * // => "rollup: option missing is 'skp'; expected 'skip' or 'fail'. Did you mean 'skip'?"
 */
export function optionError(
  fn: string,
  name: string,
  given: unknown,
  expected: string,
  choices: readonly string[] = [],
): InvalidOptionError {
  return new InvalidOptionError(
    `${optionMessage(fn, name, given, expected)}${suggest(given, choices)}`,
  );
}

/**
 * Checks an option that takes one of a few words; nothing given is the first (the default).
 *
 * @param expected The choices in words, where they need explaining (default: 'a' or 'b').
 * @example
 * checkChoice('rollup', 'missing', undefined, ['skip', 'fail']); // => 'skip'
 * checkChoice('rollup', 'missing', 'skp', ['skip', 'fail']);
 * // throws InvalidOptionError: rollup: option missing is 'skp'; expected 'skip' or 'fail'. Did
 * // you mean 'skip'?
 */
export function checkChoice<T extends string>(
  fn: string,
  name: string,
  given: unknown,
  choices: readonly T[],
  expected = words(choices.map((c) => `'${c}'`)),
): T {
  if (given === undefined) return choices[0]!;
  if ((choices as readonly unknown[]).includes(given)) return given as T;
  throw optionError(fn, name, given, expected, choices);
}

/** Checks that option `name` of `fn` names a dimension column of the table. */
export function checkDimension(
  given: unknown,
  dimensions: readonly string[],
  fn: string,
  name = 'by',
): string {
  if (typeof given === 'string' && dimensions.includes(given)) return given;
  const expected =
    dimensions.length > 0
      ? `a dimension column of the table, one of: ${dimensions.join(', ')}`
      : 'a dimension column, but the table has none';
  throw optionError(fn, name, given, expected, dimensions);
}

/** The choice nearest to `given`, as a sentence for an error message ('' if none is near). */
export function suggest(given: unknown, choices: readonly string[]): string {
  const suggestion = new UnknownIdError('', given, choices).suggestion;
  return suggestion ? ` Did you mean '${suggestion}'?` : '';
}

/** 'a', 'a or b', 'a, b or c'. */
export function words(list: readonly string[], and = 'or'): string {
  return list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} ${and} ${list.at(-1)}`;
}
