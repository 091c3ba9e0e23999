// How the command line reports a failure: one line naming what went wrong (and a hint on the
// next), with no control character or terminal escape from the input, cut to a length a terminal
// shows; a stack trace only with --debug.
import { CasualtiesError } from '../errors.js';
import { UsageError } from './usage.js';

/** The most characters of a failure's message that the command line prints. */
export const maxMessageLength = 400;

/**
 * Text for one terminal line: escape sequences and control characters removed (a line break or a
 * tab becomes a space), bidirectional overrides removed, cut to `max` characters.
 */
export function oneLine(text: string, max = maxMessageLength): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '') // CSI sequences (colours, cursor moves)
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, '') // OSC sequences (titles, links)
    .replace(/[\t\n\r\v\f\u2028\u2029\u0085]+/g, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  const chars = Array.from(clean);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : clean;
}

/**
 * Whether an error is bad usage or bad input (exit 1),
 * rather than a failure of the program (exit 2).
 */
export function isUserError(error: unknown): boolean {
  return (
    error instanceof UsageError ||
    error instanceof CasualtiesError ||
    (typeof (error as { code?: unknown })?.code === 'string' &&
      (error as { code: string }).code.startsWith('ERR_PARSE_ARGS'))
  );
}

/**
 * What the command line prints for a failure: `<program> <command>: <message>` on one line, a
 * hint on a second, and the stack after them only when `debug`.
 */
export function failureText(
  prefix: string,
  error: unknown,
  fallbackHint: string | undefined,
  debug: boolean,
): string {
  let message: string;
  try {
    message = error instanceof Error ? error.message : `${String(error)} was thrown`;
  } catch {
    message = 'a value that cannot be shown was thrown';
  }
  const hinted = (error as { hint?: unknown })?.hint;
  const hint = typeof hinted === 'string' && hinted ? hinted : fallbackHint;
  const lines = [
    `${oneLine(prefix, 120)}: ` +
      `${isUserError(error) ? '' : 'unexpected failure: '}${oneLine(message)}`,
  ];
  if (hint) lines.push(oneLine(hint));
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return `${lines.join('\n')}\n`;
}
