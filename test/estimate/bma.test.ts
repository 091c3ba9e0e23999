// Bayesian model averaging over a large range of N: the posterior is held on a bounded grid, and
// agrees with exact enumeration to within one step of that grid.
import { describe, expect, test } from 'vitest';
import { bayesianModelAveraging } from '../../src/estimate/index.js';
import { InvalidOptionError } from '../../src/index.js';
import { fromPatterns, kosovoAggregate } from './published.js';

describe('bayesianModelAveraging on a bounded grid', () => {
  const lists = kosovoAggregate.lists;
  const t = fromPatterns(lists, kosovoAggregate.counts);

  test('two million values of N: at most 20,000 grid points, within one step of exact', () => {
    // Exact: every whole number of missing people from 0 to 19,999 (20,000 values, step 1).
    const exact = bayesianModelAveraging(t, { lists, maxMissing: 19_999 });
    expect(exact.step).toBe(1);
    expect(exact.posterior.length).toBe(20_000);
    // 0 to 2,000,000: a coarse pass, then a finer grid where the posterior has its mass.
    const grid = bayesianModelAveraging(t, { lists, maxMissing: 2_000_000 });
    expect(grid.posterior.length).toBeLessThanOrEqual(20_000);
    expect(grid.posterior.at(-1)!.N).toBe(4400 + 2_000_000);
    expect(grid.step).toBeGreaterThan(1);
    // The exact run stops at 19,999 missing, where its tail mass is 1e-8: the two posteriors
    // differ by that truncation and by the grid, each quantile by less than a step.
    expect(exact.tail).toBeLessThan(1e-7);
    for (const k of ['median', 'low', 'high'] as const)
      expect(Math.abs(grid[k] - exact[k])).toBeLessThanOrEqual(grid.step);
    expect(grid.models[0]!.cliques).toBe(exact.models[0]!.cliques);
    expect(Math.abs(grid.models[0]!.weight - exact.models[0]!.weight)).toBeLessThan(1e-3);
    expect(grid.posterior.reduce((s, d) => s + d.probability, 0)).toBeCloseTo(1, 12);
  });

  test('a range wider than 10¹² values is refused with the bound stated', () => {
    expect(() => bayesianModelAveraging(t, { lists, maxMissing: 2e12 })).toThrow(
      InvalidOptionError,
    );
    expect(() => bayesianModelAveraging(t, { lists, maxMissing: 2e12 })).toThrow(
      /spans more than 1000000000000 values/,
    );
  });
});
