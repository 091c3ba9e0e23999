// Profile-likelihood intervals of N: each end checked against an independent computation in R, and
// the invariant (an interval contains its estimate and has positive width, or there is none and
// the row says why) checked on several hundred random tables of 2 to 6 lists.
import { describe, expect, test } from 'vitest';
import { historiesFromCounts } from '../../src/estimate/histories.js';
import { fitModel, type Heterogeneity } from '../../src/estimate/loglinear.js';
import { seeded } from '../../src/estimate/random.js';
import { poisson } from '../../src/estimate/random.js';
import { newOrleans } from './published.js';

const names = ['a', 'b', 'c', 'd', 'e', 'f'];

/** Fits a model to counts by pattern 1…2^t − 1 (bit i = list i), with pair terms as masks. */
function fit(t: number, counts: number[], terms: number[], heterogeneity: Heterogeneity = 'none') {
  const h = historiesFromCounts(names.slice(0, t), [0, ...counts]);
  return fitModel(h, { terms, heterogeneity }, 0.95);
}

/*
 * The oracle, run in R 4.2 (Debian r-base-core): the missing cell filled with N − n, the model
 * refitted by glm(family = poisson), the multinomial profile log-likelihood maximised by optimise
 * and each end found by uniroot where 2(max − profile) = qchisq(0.95, 1). Printed with sprintf
 * ("%.4f"). The R code, whole:
 *
 *   design <- function(t, terms, het = "none") {
 *     w <- 0:(2^t - 1)
 *     k <- sapply(w, function(v) sum(bitwAnd(v, 2^(0:(t - 1))) > 0))
 *     X <- sapply(0:(t - 1), function(i) as.numeric(bitwAnd(w, 2^i) > 0))
 *     for (m in terms) X <- cbind(X, as.numeric(bitwAnd(w, m) == m))
 *     if (het == "darroch") X <- cbind(X, k^2 / 2)
 *     if (het == "poisson") X <- cbind(X, 2^k - 1)
 *     X
 *   }
 *   prof <- function(t, y, terms, het = "none", level = 0.95) {
 *     X <- design(t, terms, het); n <- sum(y)
 *     obs <- suppressWarnings(glm(y ~ X[-1, , drop = FALSE], family = poisson,
 *                                 control = glm.control(epsilon = 1e-14, maxit = 200)))
 *     f0 <- exp(unname(coef(obs)[1]))
 *     ll <- function(N) {
 *       yy <- c(N - n, y)
 *       fit <- suppressWarnings(glm(yy ~ X, family = poisson,
 *                                   control = glm.control(epsilon = 1e-14, maxit = 200)))
 *       mu <- fitted(fit)
 *       lgamma(N + 1) - lgamma(N - n + 1) - sum(lgamma(y + 1)) +
 *         sum(ifelse(yy > 0, yy * log(mu / N), 0))
 *     }
 *     o <- optimise(ll, c(n, n + 50 * f0 + 100), maximum = TRUE, tol = 1e-12)
 *     top <- o$objective; cut <- qchisq(level, 1)
 *     g <- function(N) 2 * (top - ll(N)) - cut
 *     lo <- if (g(n) <= 0) n else uniroot(g, c(n, o$maximum), tol = 1e-12)$root
 *     hi <- o$maximum * 2
 *     while (g(hi) < 0) hi <- hi * 2
 *     up <- uniroot(g, c(o$maximum, hi), tol = 1e-12)$root
 *     sprintf("%.4f %.4f %.4f", n + f0, lo, up)
 *   }
 *   set.seed(28)
 *   w6 <- 1:63; k6 <- sapply(w6, function(w) sum(bitwAnd(w, 2^(0:5)) > 0))
 *   y6 <- rpois(63, 40 * 0.35^k6 * 4)
 */
const kosovo = [1131, 845, 177, 936, 228, 217, 181, 306, 106, 31, 18, 123, 42, 32, 27];
const y6 = [
  41, 64, 22, 64, 26, 21, 9, 56, 18, 27, 5, 16, 7, 6, 1, 50, 24, 25, 6, 24, 6, 8, 2, 18, 5, 1, 1, 8,
  3, 1, 0, 57, 23, 20, 6, 18, 5, 4, 1, 19, 4, 8, 1, 11, 1, 2, 0, 24, 5, 5, 1, 6, 3, 3, 0, 8, 3, 2,
  1, 4, 1, 4, 0,
];
/** Home Office (2014), Modern slavery: an application of multiple systems estimation: six lists,
 * the police and National Crime Agency lists joined into five as in Silverman's R package
 * MultipleSystemsEstimation (`UKdat_5`); bit 0 = LA, 1 = NG, 2 = PFNCA, 3 = GO, 4 = GP. */
const uk5 = [
  54, 463, 15, 995, 19, 62, 1, 695, 3, 19, 1, 76, 0, 4, 1, 316, 0, 1, 0, 11, 0, 0, 0, 8, 0, 0, 0, 0,
  0, 0, 0,
];
/** Farrell et al. (2019), Capturing human trafficking victimization through crime reporting (NIJ
 * report 2015-VF-GX-0105): a U.S. Western site, five lists A…E, as MultipleSystemsEstimation
 * holds them (`Western`); bit 0 = A … bit 4 = E. */
const western = [
  52, 90, 0, 114, 4, 6, 0, 45, 2, 1, 0, 0, 0, 1, 0, 21, 5, 0, 0, 0, 1, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0,
];
const oracle: {
  what: string;
  t: number;
  y: number[];
  terms: number[];
  het?: Heterogeneity;
  r: string;
}[] = [
  {
    what: 'three lists, all pairs, 7,382 people',
    t: 3,
    y: [2482, 1748, 693, 1655, 265, 465, 74],
    terms: [3, 5, 6],
    r: '13604.1555 11959.2474 15653.7552',
  },
  {
    what: 'Seber (1982, p. 107), two lists',
    t: 2,
    y: [781, 254, 167],
    terms: [],
    r: '2389.8683 2155.9980 2670.3278',
  },
  {
    what: 'Cormack, Chang & Smith (2000) Table 3b, b:c',
    t: 3,
    y: [54, 3, 5, 14, 29, 24, 72],
    terms: [6],
    r: '221.8868 210.2563 236.2014',
  },
  {
    // The boundary: the likelihood ratio stays under 3.84 all the way down to N = 201 observed,
    // so the interval starts at the observed count (R: g(n) <= 0, no root below).
    what: 'Cormack, Chang & Smith (2000) Table 3b, a:b + a:c (interval from the observed count)',
    t: 3,
    y: [54, 3, 5, 14, 29, 24, 72],
    terms: [3, 5],
    r: '202.7500 201.0000 206.8046',
  },
  { what: 'Kosovo, independence', t: 4, y: kosovo, terms: [], r: '7394.5867 7147.7490 7656.1955' },
  {
    what: 'Kosovo, a:b + c:d',
    t: 4,
    y: kosovo,
    terms: [3, 12],
    r: '7732.0238 7409.6087 8080.3148',
  },
  {
    what: 'Madigan & York (1997) five lists, a:b + c:e',
    t: 5,
    y: [
      27, 37, 19, 4, 4, 1, 1, 97, 22, 37, 25, 2, 1, 3, 5, 83, 36, 34, 18, 3, 5, 0, 2, 30, 5, 23, 8,
      0, 3, 0, 2,
    ],
    terms: [3, 20],
    r: '654.0666 622.5839 689.4956',
  },
  {
    what: 'six lists, sparse, a:b + c:d + e:f',
    t: 6,
    y: y6,
    terms: [3, 12, 48],
    r: '987.7892 949.4868 1029.8937',
  },
  {
    what: 'Kosovo, b:d + c:d',
    t: 4,
    y: kosovo,
    terms: [10, 12],
    r: '7496.2592 7223.0005 7788.1597',
  },
  {
    what: 'UK five lists, c:e + d:e, Darroch heterogeneity',
    t: 5,
    y: uk5,
    terms: [20, 24],
    het: 'darroch',
    r: '15132.5316 8103.4105 27285.4182',
  },
  {
    what: 'UK five lists, b:e + c:e, Poisson heterogeneity',
    t: 5,
    y: uk5,
    terms: [18, 20],
    het: 'poisson',
    r: '14169.7475 10245.8505 18834.9995',
  },
  {
    what: 'Western five lists, b:c + c:d + a:e + c:e, Darroch heterogeneity',
    t: 5,
    y: western,
    terms: [6, 12, 17, 20],
    het: 'darroch',
    r: '5332.5435 919.1677 22095.0457',
  },
  {
    // No one on both b and e: the b:e term has no MLE; the extended MLE (the 8 cells with b and e
    // fitted as 0, found by the linear program) matches R's glm, which converges to that limit.
    what: 'Western five lists, c:d + b:e + d:e, Poisson heterogeneity (extended MLE)',
    t: 5,
    y: western,
    terms: [12, 18, 24],
    het: 'poisson',
    r: '3152.9160 1291.1833 6839.3416',
  },
  {
    // a and b never on the same record: the MLE does not exist, the extended MLE does (R's glm
    // drives the a:b coefficient towards −∞ and converges to the same fitted values).
    what: 'three lists, a and b never together, a:b (extended MLE)',
    t: 3,
    y: [30, 20, 0, 25, 5, 6, 0],
    terms: [3],
    r: '199.6364 135.3405 332.5228',
  },
];

describe('profile-likelihood intervals', () => {
  test('the 7,382-person table with all two-way interactions gives 11,959–15,654 (Rcapture)', () => {
    // Issue 28 reports Rcapture 1.4-4's closedpCI.t on this table (counts by history a, b, ab, c,
    // ac, bc, abc: 2482, 1748, 693, 1655, 265, 465, 74; mX = all two-way interactions):
    // estimate 13,604, profile-likelihood 95% interval 11,959–15,654.
    const f = fit(3, [2482, 1748, 693, 1655, 265, 465, 74], [3, 5, 6]);
    expect(Math.round(f.estimate!)).toBe(13604);
    expect(Math.round(f.low!)).toBe(11959);
    expect(Math.round(f.high!)).toBe(15654);
    expect(f.intervalReason).toBeNull();
    // Saturated on the 7 observed cells: N − n = y1·y2·y4·y7 / (y3·y5·y6) by hand.
    expect(f.missing!).toBeCloseTo((2482 * 1748 * 1655 * 74) / (693 * 265 * 465), 6);
  });

  test.each(oracle)('$what: estimate and both ends match R to the printed 4 decimals', (c) => {
    const [estimate, low, high] = c.r.split(' ').map(Number) as [number, number, number];
    const f = fit(c.t, c.y, c.terms, c.het);
    // Printed to 4 decimals: half a unit of the last place, plus R's own root tolerance.
    const close = (a: number | null, b: number) => {
      expect(Math.abs(a! - b)).toBeLessThan(5e-4);
    };
    close(f.estimate, estimate);
    close(f.low, low);
    close(f.high, high);
  });

  test("New Orleans, eight lists, Chao's lower-bound model: 1,122 (690–2,021) as Rcapture", () => {
    // Issue 28 reports Rcapture's Chao (LB) model on these data: 1,122 (690–2,021). The profile
    // in R (the code above, with the design of the eight lists and the one hinge max(0, k − 2):
    // no one is on more than three lists, so the hinges from 4 up have nothing to fit) prints
    // "1121.9700 689.7392 2020.7175".
    const counts = new Array<number>(256).fill(0);
    for (const [lists, n] of newOrleans.histories) {
      const w = lists.split(' ').reduce((m, l) => m | (1 << newOrleans.lists.indexOf(l)), 0);
      counts[w] = counts[w]! + n;
    }
    const h = historiesFromCounts(newOrleans.lists, counts);
    const f = fitModel(h, { terms: [], heterogeneity: 'chao' }, 0.95);
    expect(f.exists).toBe(true);
    expect([f.estimate, f.low, f.high].map((v) => Math.round(v!))).toEqual([1122, 690, 2021]);
    expect(Math.abs(f.estimate! - 1121.97)).toBeLessThan(5e-4);
    expect(Math.abs(f.low! - 689.7392)).toBeLessThan(5e-4);
    expect(Math.abs(f.high! - 2020.7175)).toBeLessThan(5e-4);
  });

  test('on 400 random tables of 2 to 6 lists, every interval contains its estimate', () => {
    const random = seeded(2807);
    let intervals = 0;
    let sparse = 0;
    let withoutInterval = 0;
    for (let k = 0; k < 400; k++) {
      const t = 2 + (k % 5);
      const cells = 1 << t;
      // Capture probabilities from 0.05 to 0.6, a population of 20 to 2,000: many zero cells.
      const size = 20 + Math.floor(random() * 1980);
      const probability = names.slice(0, t).map(() => 0.05 + 0.55 * random());
      const counts: number[] = [];
      for (let w = 1; w < cells; w++) {
        let q = 1;
        probability.forEach((pi, i) => (q *= w & (1 << i) ? pi : 1 - pi));
        counts.push(poisson(size * q, random));
      }
      if (names.slice(0, t).some((_, i) => counts.every((c, w) => !((w + 1) & (1 << i)) || !c)))
        continue; // a list with no record: not a table
      if (counts.includes(0)) sparse++;
      const pairs: number[] = [];
      for (let i = 0; i < t; i++)
        for (let j = i + 1; j < t; j++) if (random() < 0.3) pairs.push((1 << i) | (1 << j));
      const heterogeneity = (['none', 'none', 'darroch', 'poisson', 'chao'] as const)[k % 5]!;
      const f = fit(t, counts, t === 2 ? [] : pairs, heterogeneity);
      if (!f.exists) {
        expect(f.reason, 'a model with no estimate says why').toMatch(/\S/);
        continue;
      }
      expect(f.estimate!).toBeGreaterThanOrEqual(f.observed);
      if (f.low === null) {
        withoutInterval++;
        expect(f.intervalReason, 'a row without an interval says why').toMatch(/\S/);
        continue;
      }
      intervals++;
      expect(f.low).toBeLessThanOrEqual(f.estimate!);
      expect(f.low).toBeGreaterThanOrEqual(f.observed);
      if (f.high === null) expect(f.intervalReason).toMatch(/no upper bound/);
      else {
        expect(f.high).toBeGreaterThanOrEqual(f.estimate!);
        expect(f.high).toBeGreaterThan(f.low);
      }
    }
    // The tables are what the test says: mostly with intervals, many of them sparse.
    expect(intervals).toBeGreaterThan(300);
    expect(sparse).toBeGreaterThan(100);
    expect(withoutInterval).toBeLessThan(20);
  }, 120_000);
});
