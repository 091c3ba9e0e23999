// Poisson regression with log link by iteratively reweighted least squares (McCullagh & Nelder,
// Generalized Linear Models, 2nd ed., §2.5): the fitting engine of the log-linear models.
import { cholesky, choleskyInverse, choleskySolve, logGamma } from './linalg.js';

/** A Poisson fit. */
export interface PoissonFit {
  /** Coefficients, one per design column. */
  beta: Float64Array;
  /** Their covariance (the inverse Fisher information), row-major p×p. */
  covariance: Float64Array;
  /** Fitted means, one per row. */
  mu: Float64Array;
  /** 2 Σ [y log(y/μ) − (y − μ)]. */
  deviance: number;
  /** Σ [y log μ − μ − log y!]. */
  logLik: number;
  converged: boolean;
  iterations: number;
}

/**
 * Fits log μ = Xβ to counts y by IRLS. `x` is row-major (rows × p). Returns null when XᵀWX is
 * singular (the design does not identify its parameters).
 */
export function fitPoisson(
  x: Float64Array,
  y: Float64Array,
  p: number,
  start?: Float64Array,
): PoissonFit | null {
  const n = y.length;
  const eta = new Float64Array(n);
  const mu = new Float64Array(n);
  if (start) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += x[i * p + j]! * start[j]!;
      eta[i] = s;
      mu[i] = Math.exp(s);
    }
  } else {
    for (let i = 0; i < n; i++) {
      mu[i] = y[i]! + 0.5;
      eta[i] = Math.log(mu[i]!);
    }
  }
  let beta: Float64Array = new Float64Array(p);
  let deviance = Infinity;
  let converged = false;
  let previous: Float64Array | null = null;
  let iterations = 0;
  let factor: Float64Array | null = null;
  const xtwx = new Float64Array(p * p);
  const xtwz = new Float64Array(p);
  for (iterations = 1; iterations <= 200; iterations++) {
    xtwx.fill(0);
    xtwz.fill(0);
    for (let i = 0; i < n; i++) {
      const w = mu[i]!;
      const z = eta[i]! + (y[i]! - mu[i]!) / mu[i]!;
      for (let a = 0; a < p; a++) {
        const xa = x[i * p + a]!;
        if (xa === 0) continue;
        xtwz[a] = xtwz[a]! + w * xa * z;
        for (let b = 0; b <= a; b++) xtwx[a * p + b] = xtwx[a * p + b]! + w * xa * x[i * p + b]!;
      }
    }
    for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[b * p + a] = xtwx[a * p + b]!;
    factor = cholesky(xtwx, p);
    if (!factor) return null;
    beta = choleskySolve(factor, p, xtwz);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += x[i * p + j]! * beta[j]!;
      eta[i] = Math.max(-700, Math.min(700, s));
      mu[i] = Math.max(Math.exp(eta[i]!), 1e-300);
    }
    const d = devianceOf(y, mu);
    // Converged when every coefficient settles (the intercept is the log of the missing cell).
    // Not a test on the deviance: with millions of records its rounding alone exceeds any
    // tolerance tight enough to matter, and a fit that has settled would be called unsettled.
    let settled = previous !== null;
    for (let j = 0; j < p && settled; j++)
      if (!(Math.abs(beta[j]! - previous![j]!) <= 1e-9 * (1 + Math.abs(beta[j]!)))) settled = false;
    if (!Number.isFinite(d)) break; // diverged: not converged
    previous = beta;
    deviance = d;
    if (settled) {
      converged = true;
      break;
    }
  }
  // The covariance at the final means.
  xtwx.fill(0);
  for (let i = 0; i < n; i++) {
    const w = mu[i]!;
    for (let a = 0; a < p; a++) {
      const xa = x[i * p + a]!;
      if (xa === 0) continue;
      for (let b = 0; b <= a; b++) xtwx[a * p + b] = xtwx[a * p + b]! + w * xa * x[i * p + b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtwx[b * p + a] = xtwx[a * p + b]!;
  factor = cholesky(xtwx, p);
  const covariance = factor ? choleskyInverse(factor, p) : new Float64Array(p * p).fill(NaN);
  let logLik = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    logLik += (yi > 0 ? yi * Math.log(mu[i]!) : 0) - mu[i]! - logGamma(yi + 1);
  }
  return { beta, covariance, mu, deviance, logLik, converged, iterations };
}

/** The Poisson deviance of counts y against means mu. */
export function devianceOf(y: Float64Array, mu: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const m = mu[i]!;
    d += (yi > 0 ? yi * Math.log(yi / m) : 0) - (yi - m);
  }
  return 2 * d;
}
