// Whether the maximum-likelihood estimate of a log-linear model exists, decided before fitting
// (Fienberg & Rinaldo, "Maximum likelihood estimation in log-linear models", Annals of Statistics
// 40(2), 2012, §4): it exists exactly when no direction d of the parameters has Xd = 0 on the
// cells with a positive count and Xd ≥ 0, not all 0, on the zero cells. Such a d is looked for by
// linear programming; the zero cells it can make positive are those whose fitted value is 0 in the
// extended MLE, which is fitted to the other cells (the facial set).

/**
 * The zero cells outside the facial set: rows of `x` (row-major, `p` columns) whose count `y` is 0
 * and whose fitted mean the likelihood drives to 0. Empty when the MLE exists.
 *
 * @internal
 */
export function zeroFace(x: Float64Array, p: number, y: Float64Array): number[] {
  const rows = y.length;
  const positive: number[] = [];
  let zero: number[] = [];
  for (let i = 0; i < rows; i++) (y[i]! > 0 ? positive : zero).push(i);
  const out: number[] = [];
  // Each round finds zero cells some direction makes positive while keeping the positive cells
  // fixed and no zero cell negative; those cells are set aside and the search repeated without
  // their constraints (a sum of such directions makes all of them positive at once).
  for (let round = 0; round < rows && zero.length; round++) {
    const found = directionCells(x, p, positive, zero);
    if (!found.length) break;
    out.push(...found);
    zero = zero.filter((i) => !found.includes(i));
  }
  return out.sort((a, b) => a - b);
}

/** max Σ_{i∈zero} xᵢd subject to xᵢd = 0 (positive cells), 0 ≤ xᵢd ≤ 1 (zero cells). */
function directionCells(x: Float64Array, p: number, positive: number[], zero: number[]): number[] {
  // d = d⁺ − d⁻ ≥ 0 parts; constraints A v ≤ b with b ≥ 0, so the origin is a feasible start.
  const cols = 2 * p;
  const a: number[][] = [];
  const b: number[] = [];
  const row = (i: number, sign: number) => {
    const r = new Array<number>(cols);
    for (let j = 0; j < p; j++) {
      r[j] = sign * x[i * p + j]!;
      r[p + j] = -sign * x[i * p + j]!;
    }
    return r;
  };
  for (const i of positive) {
    a.push(row(i, 1));
    b.push(0);
    a.push(row(i, -1));
    b.push(0);
  }
  for (const i of zero) {
    a.push(row(i, -1));
    b.push(0);
    a.push(row(i, 1));
    b.push(1);
  }
  const c = new Array<number>(cols).fill(0);
  for (const i of zero) {
    const r = row(i, 1);
    for (let j = 0; j < cols; j++) c[j] = c[j]! + r[j]!;
  }
  const v = simplex(a, b, c);
  if (!v) return [];
  const found: number[] = [];
  for (const i of zero) {
    let s = 0;
    for (let j = 0; j < p; j++) s += x[i * p + j]! * (v[j]! - v[p + j]!);
    if (s > 1e-9) found.push(i);
  }
  return found;
}

/**
 * Maximizes cᵀv subject to A v ≤ b, v ≥ 0, with b ≥ 0, by the tableau simplex method with Bland's
 * rule (no cycling on these degenerate problems). Returns the optimal v, or null if the objective
 * is unbounded (it is not here: every zero-cell row is bounded by 1, the objective their sum).
 */
function simplex(a: number[][], b: number[], c: number[]): number[] | null {
  const m = a.length;
  const n = c.length;
  const width = n + m + 1;
  const t: Float64Array[] = a.map((r, i) => {
    const row = new Float64Array(width);
    r.forEach((v, j) => (row[j] = v));
    row[n + i] = 1;
    row[width - 1] = b[i]!;
    return row;
  });
  const z = new Float64Array(width);
  c.forEach((v, j) => (z[j] = -v));
  const basis = Array.from({ length: m }, (_, i) => n + i);
  const eps = 1e-11;
  for (let iteration = 0; iteration < 50_000; iteration++) {
    let enter = -1;
    for (let j = 0; j < n + m; j++)
      if (z[j]! < -eps) {
        enter = j;
        break;
      }
    if (enter < 0) break;
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < m; i++) {
      const e = t[i]![enter]!;
      if (e > eps) {
        const ratio = t[i]![width - 1]! / e;
        if (ratio < best - eps || (Math.abs(ratio - best) <= eps && basis[i]! < basis[leave]!)) {
          best = ratio;
          leave = i;
        }
      }
    }
    if (leave < 0) return null;
    const pivot = t[leave]!;
    const pv = pivot[enter]!;
    for (let j = 0; j < width; j++) pivot[j] = pivot[j]! / pv;
    for (const r of [...t, z]) {
      if (r === pivot) continue;
      const f = r[enter]!;
      if (f !== 0) for (let j = 0; j < width; j++) r[j] = r[j]! - f * pivot[j]!;
    }
    basis[leave] = enter;
  }
  const v = new Array<number>(n).fill(0);
  basis.forEach((j, i) => {
    if (j < n) v[j] = t[i]![width - 1]!;
  });
  return v;
}

/**
 * The columns of `x` (row-major, `p` columns) restricted to `rows` that are linearly independent,
 * chosen left to right by Gram–Schmidt, and whether `target` (a row of length p) lies in the span
 * of those rows (then its linear predictor is determined by them).
 *
 * @internal
 */
export function independentColumns(
  x: Float64Array,
  p: number,
  rows: number[],
  target: Float64Array,
): { columns: number[]; determined: boolean } {
  // Column space basis (orthonormal, over the chosen rows).
  const basis: Float64Array[] = [];
  const columns: number[] = [];
  for (let j = 0; j < p; j++) {
    const v = Float64Array.from(rows, (r) => x[r * p + j]!);
    const norm0 = Math.hypot(...v);
    for (const q of basis) {
      let d = 0;
      for (let k = 0; k < v.length; k++) d += q[k]! * v[k]!;
      for (let k = 0; k < v.length; k++) v[k] = v[k]! - d * q[k]!;
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-9 * Math.max(1, norm0)) {
      basis.push(v.map((e) => e / norm));
      columns.push(j);
    }
  }
  // The target row is in the row space of X_rows exactly when it vanishes on the null space of
  // X_rows: every dropped column j equals X_rows[:, columns] · c_j, so target[j] must equal
  // target[columns] · c_j.
  const k = columns.length;
  const sub = (r: number, j: number) => x[r * p + j]!;
  // Least squares c_j by the normal equations on the chosen columns (small).
  const gram = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (const r of rows) s += sub(r, columns[a]!) * sub(r, columns[b]!);
      gram[a * k + b] = s;
    }
  let determined = true;
  for (let j = 0; j < p && determined; j++) {
    if (columns.includes(j)) continue;
    const rhs = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (const r of rows) s += sub(r, columns[a]!) * sub(r, j);
      rhs[a] = s;
    }
    const coef = solve(gram, k, rhs);
    let predicted = 0;
    for (let a = 0; a < k; a++) predicted += target[columns[a]!]! * coef[a]!;
    if (Math.abs(predicted - target[j]!) > 1e-7 * (1 + Math.abs(target[j]!))) determined = false;
  }
  return { columns, determined };
}

/** Solves a small symmetric positive-definite system by Gaussian elimination with pivoting. */
function solve(m: Float64Array, k: number, rhs: Float64Array): Float64Array {
  const a = Array.from({ length: k }, (_, i) => [...m.subarray(i * k, i * k + k), rhs[i]!]);
  for (let col = 0; col < k; col++) {
    let pivot = col;
    for (let r = col + 1; r < k; r++)
      if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let r = 0; r < k; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c <= k; c++) a[r]![c] = a[r]![c]! - f * a[col]![c]!;
    }
  }
  return Float64Array.from(a, (r, i) => r[k]! / r[i]!);
}
