// A count in a reader's digits, for the words the analysis writes (audit's reasons) and for the
// number formats of the charts and tables (exchange/figure.ts): one rule, in a module that imports
// nothing, so that every entry that writes a number can take it without pulling in more.

/**
 * A whole number from 0 to `Number.MAX_SAFE_INTEGER` (every count) with its digits grouped by
 * threes, as `Intl.NumberFormat('en-US')` writes it, without starting ICU (its first use costs
 * 10–30 ms, more than drawing a chart); `undefined` for any other number, for the caller's
 * formatter.
 *
 * @example
 * wholeEnUS(1027000); // => '1,027,000'
 * wholeEnUS(0.5); // => undefined
 */
export function wholeEnUS(n: number): string | undefined {
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0)) return undefined;
  const digits = String(n);
  const head = ((digits.length - 1) % 3) + 1;
  let out = digits.slice(0, head);
  for (let k = head; k < digits.length; k += 3) out += `,${digits.slice(k, k + 3)}`;
  return out;
}
