// The hierarchical log-linear models of a number of lists: what the model search walks through,
// and what the budgets count before any model is fitted.
import { popcount } from './linalg.js';

/**
 * Every hierarchical log-linear model for `t` lists with interactions up to `maxOrder`, as lists
 * of term masks, or null if there are more than `limit`.
 *
 * @example
 * hierarchicalModels(4, 3)!.length; // => 113 (as Rcapture's getAllModels(4) counts them)
 */
export function hierarchicalModels(
  t: number,
  maxOrder: number,
  limit = Infinity,
): number[][] | null {
  const candidates: number[] = [];
  for (let m = 1; m < 1 << t; m++) {
    const k = popcount(m);
    if (k >= 2 && k <= maxOrder) candidates.push(m);
  }
  candidates.sort((a, b) => popcount(a) - popcount(b) || a - b);
  const out: number[][] = [];
  const chosen = new Set<number>();
  let tooMany = false;
  const walk = (i: number) => {
    if (tooMany) return;
    if (i === candidates.length) {
      out.push([...chosen]);
      if (out.length > limit) tooMany = true;
      return;
    }
    walk(i + 1);
    const m = candidates[i]!;
    let allowed = true;
    if (popcount(m) > 2)
      for (let b = 0; b < t; b++)
        if (m & (1 << b) && !chosen.has(m & ~(1 << b))) {
          allowed = false;
          break;
        }
    if (allowed) {
      chosen.add(m);
      walk(i + 1);
      chosen.delete(m);
    }
  };
  walk(0);
  return tooMany ? null : out;
}
