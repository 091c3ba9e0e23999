// The smallest and largest of many numbers, by a loop: Math.min(...values) passes each value as an
// argument, and a few hundred thousand of them overflow the stack.

/**
 * The smallest number of a list (`Infinity` for none), for lists of any length.
 *
 * @example
 * minOf([3, 1, 2]); // => 1
 */
export function minOf(values: readonly number[]): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

/**
 * The largest number of a list (`-Infinity` for none), for lists of any length.
 *
 * @example
 * maxOf([3, 1, 2]); // => 3
 */
export function maxOf(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}
