// The checks of options shared by the analysis functions, and the nearest valid choice.
import { InvalidOptionError, UnknownIdError, show } from '../errors.js';

/** Checks that option `name` of `fn` names a dimension column of the table. */
export function checkDimension(
  given: unknown,
  dimensions: readonly string[],
  fn: string,
  name = 'by',
): string {
  if (typeof given === 'string' && dimensions.includes(given)) return given;
  const hint = suggest(given, dimensions);
  const expected =
    dimensions.length > 0
      ? `one of: ${dimensions.join(', ')}`
      : 'a dimension column, but the table has none';
  throw new InvalidOptionError(
    `${fn}: option ${name} is ${show(given)}, which is not a dimension column of the ` +
      `table.${hint} Expected ${expected}.`,
  );
}

/** The choice nearest to `given`, as a sentence for an error message ('' if none is near). */
export function suggest(given: unknown, choices: readonly string[]): string {
  const suggestion = new UnknownIdError('', given, choices).suggestion;
  return suggestion ? ` Did you mean '${suggestion}'?` : '';
}
