// Scale benchmark of the analysis functions (issue 17): each function at 1e4, 1e5 and 1e6 rows
// against bare Arquero doing the equivalent work and against a hand-written typed-array loop,
// measured as paired ratios of interleaved runs in one process (a busy machine slows all three
// alike), with the slope of log time against log rows. Run after `npm run build`:
//   node test/bench/scale.mjs            (BENCH_RUNS=3 by default; BENCH_SIZES=1e4,1e5,3e5,1e6;
//                                         BENCH_CASES=compare,spread to run only some functions)
// Where a case has a `check`, it runs once per size before timing: the loop's and Arquero's
// figures must equal the package's, column by column, or the script throws.
import { desc, escape, op, table as columnTable } from 'arquero';
import { agreement, audit, compare, harmonize, rollup, spread } from 'ww2-yugoslavia-casualties';
import { auditArquero, auditLoop, checkSame } from './audit-equivalents.mjs';
import {
  harmonizeArquero,
  harmonizeLoop,
  rollupArquero,
  rollupLoop,
} from './rollup-equivalents.mjs';
import { agreementArquero, agreementColumns } from './agreement-equivalents.mjs';
import { compareBounds } from './compare-equivalents.mjs';
import { benchCrosswalk, benchRows, benchSources, benchTable, benchTotals } from './tables.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_SIZES ?? '1e4,1e5,3e5,1e6').split(',').map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fixed = (x, d = 2) => x.toFixed(d);

/** Milliseconds `f` takes. */
function time(f) {
  const start = performance.now();
  f();
  return performance.now() - start;
}

/** Numbers for the keys of some columns: one dictionary per column (the typed loops' key index). */
function codes(columns, n) {
  let combined = new Float64Array(n);
  let count = 1;
  for (const column of columns) {
    const dictionary = new Map();
    const pairs = new Map();
    for (let i = 0; i < n; i++) {
      let c = dictionary.get(column[i]);
      if (c === undefined) dictionary.set(column[i], (c = dictionary.size));
      const pair = combined[i] * (n + 1) + c;
      let g = pairs.get(pair);
      if (g === undefined) pairs.set(pair, (g = pairs.size));
      combined[i] = g;
    }
    count = pairs.size;
  }
  return { of: Int32Array.from(combined), count };
}

/** The columns of a table as arrays, and as typed arrays (NaN for null) for the loops. */
function prepare(t) {
  const col = (name) => t.array(name);
  const typed = (name) => Float64Array.from(col(name), (v) => (v === null ? NaN : v));
  return {
    n: t.numRows(),
    source: col('source'),
    category: col('category'),
    region: col('region'),
    measure: col('measure'),
    unit: col('unit'),
    value: typed('value'),
    low: typed('low'),
    high: typed('high'),
    label: col('label'),
    qualifier: col('qualifier'),
    note: col('note'),
  };
}

/**
 * Throws unless `other` (columns by name, each an array in the package's row order) holds what the
 * package's table holds: the same strings and booleans, numbers equal to 1e-9 relative, and null,
 * undefined or NaN exactly where the package has null.
 */
function sameColumns(what, pkg, other) {
  for (const [name, theirs] of Object.entries(other)) {
    const ours = pkg.array(name);
    if (ours.length !== theirs.length)
      throw new Error(
        `${what}: column ${name} has ${theirs.length} rows, the package ${ours.length}`,
      );
    for (let i = 0; i < ours.length; i++) {
      const [a, b] = [ours[i], theirs[i]];
      const missing = b === null || b === undefined || (typeof b === 'number' && b !== b);
      const same =
        a === null
          ? missing
          : typeof a === 'number'
            ? typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), 1)
            : typeof a === 'boolean'
              ? Boolean(b) === a && !missing
              : a === b;
      if (!same) throw new Error(`${what}: column ${name}, row ${i + 1}: ${b}, the package ${a}`);
    }
  }
}

/**
 * Throws unless `other` (columns by name, each an array in the package's row order) has every
 * column of the package's table `pkg`, each holding what the package's holds: numbers within 1e-9
 * relative (1e-12 absolute near 0), null, undefined or NaN exactly where the package has null,
 * other cells (text) equal.
 */
function sameEveryColumn(what, pkg, other) {
  for (const name of pkg.columnNames()) {
    if (!(name in other)) throw new Error(`${what}: no column ${name}`);
    const [ours, theirs] = [pkg.array(name), other[name]];
    if (ours.length !== theirs.length)
      throw new Error(
        `${what}: column ${name} has ${theirs.length} rows, the package ${ours.length}`,
      );
    for (let i = 0; i < ours.length; i++) {
      const [a, b] = [ours[i] ?? null, theirs[i]];
      const missing = b === null || b === undefined || (typeof b === 'number' && b !== b);
      const same =
        a === null
          ? missing
          : typeof a === 'number'
            ? typeof b === 'number' &&
              (Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ||
                Math.abs(a - b) <= 1e-12)
            : a === b;
      if (!same)
        throw new Error(`${what}: column ${name}, row ${i + 1}: ${String(b)}, the package ${a}`);
    }
  }
}

/**
 * A small table with what the generated tables lack, for the check of `rollup` and `harmonize`:
 * a group whose every part is a dash, labels repeated within a group (two categories share each),
 * and a row without a category.
 */
function edgeTable() {
  const rows = benchRows(1000).map((r) => {
    const k = Number(r.category.slice(1));
    const row = { ...r, label: `Category ${Math.floor(k / 2)}` };
    if (r.source === 's0' && k < 10)
      Object.assign(row, { value: null, low: null, high: null, qualifier: 'not-reported' });
    if (r.source === 's1' && k === 12) row.category = null;
    return row;
  });
  return columnTable(
    Object.fromEntries(Object.keys(rows[0]).map((c) => [c, rows.map((r) => r[c])])),
  );
}

/**
 * The check of `rollup` and `harmonize`, on the generated table and on `edgeTable()`: the loop's
 * columns, and Arquero's (its groups put in the package's order by their keys), must be every
 * column of the package's result, cell for cell.
 */
function checkSums(name, keys) {
  const edge = edgeTable();
  return (f, t, c, extra) => {
    for (const [table, columns, given] of [
      [t, c, extra],
      [edge, prepare(edge), (f.edgeSetup ?? f.setup)?.(edge)],
    ]) {
      const pkg = f.pkg(table, columns, given);
      sameEveryColumn(`${name}: typed loop`, pkg, f.loop(table, columns, given));
      const aq = f.arquero(table, columns, given);
      if (aq.numRows() !== pkg.numRows())
        throw new Error(
          `${name}: Arquero has ${aq.numRows()} groups, the package ${pkg.numRows()}`,
        );
      sameEveryColumn(`${name}: Arquero`, pkg, aligned(pkg, aq, keys, aq.columnNames()));
    }
  };
}

/** The columns of an Arquero result, rows put in the package's order (matched by `keys`). */
function aligned(pkg, result, keys, names) {
  const keyOf = (t) => {
    const columns = keys.map((k) => t.array(k));
    return (i) => columns.map((column) => column[i]).join('\u0000');
  };
  const [ours, theirs] = [keyOf(pkg), keyOf(result)];
  const at = new Map();
  for (let i = 0; i < result.numRows(); i++) at.set(theirs(i), i);
  const order = Array.from({ length: pkg.numRows() }, (_, i) => at.get(ours(i)));
  return Object.fromEntries(
    names.map((name) => {
      const column = result.array(name);
      return [name, order.map((i) => (i === undefined ? NaN : column[i]))];
    }),
  );
}

/** NaN where a division has no answer (by 0), as the package's null. */
const over = (a, b) => (b === 0 ? NaN : a / b);

/** Throws unless the Arquero and loop baselines give the figures of the package's result. */
function sameAs(f, t, c, extra) {
  const expected = f.pkg(t, c, extra);
  checkSame('arquero', expected, f.arquero(t, c, extra));
  checkSame('typed loop', expected, f.loop(t, c, extra));
}

/**
 * Throws unless bare Arquero's agreement gives the package's figures: every column of every pair
 * within 1e-9 of the package's (relative; 1e-12 absolute near 0, where a Fisher bound's last bits
 * cancel), null exactly where it is null.
 */
function checkAgreement(f, t) {
  const pkg = f.pkg(t).objects();
  const aq = f.arquero(t).objects();
  if (pkg.length !== aq.length) throw new Error(`agreement: ${pkg.length} / ${aq.length} pairs`);
  pkg.forEach((p, k) => {
    for (const c of agreementColumns) {
      const [x, y] = [p[c], aq[k][c]];
      const same =
        typeof x === 'number' && typeof y === 'number'
          ? Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) || Math.abs(x - y) <= 1e-12
          : x === y;
      if (!same) throw new Error(`agreement, pair ${k}, ${c}: package ${x}, Arquero ${y}`);
    }
  });
}

/** Each function: the package, bare Arquero and the typed loop doing the same work. */
const cases = {
  rollup: {
    pkg: (t) => rollup(t, { by: 'region' }),
    // every column of the package's result: the sums, qualifier, label, note and counts
    // (rollup-equivalents.mjs)
    arquero: (t) => rollupArquero(t, ['region']),
    loop: (t, c) => rollupLoop(c, ['region']),
    check: checkSums('rollup', ['source', 'region', 'measure', 'unit']),
  },
  compare: {
    pkg: (t) => compare(t, { by: 'category', pool: 'region', baseline: 's0' }),
    arquero: (t) => {
      const base = t
        .filter((d) => d.source === 's0')
        .select({
          category: 'category',
          value: 'baseline_value',
          low: 'baseline_low',
          high: 'baseline_high',
          qualifier: 'baseline_qualifier',
        });
      return t
        .groupby('source')
        .derive({ share: (d) => (d.value == null ? null : d.value / op.sum(d.value)) })
        .orderby(desc('value'))
        .derive({ rank: (d) => (d.value == null ? null : op.rank()) })
        .ungroup()
        .join_left(base, 'category')
        .derive({ reported: (d) => d.value != null, ...compareBounds });
    },
    // every column of the package's result: the categories × sources grid, strings gathered
    loop: (t, c) => {
      const cat = codes([c.category], c.n);
      const src = codes([c.source], c.n);
      const width = src.count;
      const size = cat.count * width;
      const cell = new Int32Array(size).fill(-1);
      const first = new Int32Array(cat.count).fill(-1);
      const sources = new Array(width);
      const counts = new Int32Array(width + 1);
      for (let i = 0; i < c.n; i++) {
        const g = cat.of[i];
        const s = src.of[i];
        cell[g * width + s] = i;
        if (first[g] < 0) first[g] = i;
        sources[s] = c.source[i];
        if (c.value[i] === c.value[i]) counts[s + 1]++;
      }
      // per source: the sum of its figures, and its figures sorted (ranks by binary search)
      for (let s = 0; s < width; s++) counts[s + 1] += counts[s];
      const sorted = new Float64Array(counts[width]);
      const fill = counts.slice(0, width);
      const totals = new Float64Array(width);
      for (let i = 0; i < c.n; i++) {
        const v = c.value[i];
        if (v !== v) continue;
        sorted[fill[src.of[i]]++] = v;
        totals[src.of[i]] += v;
      }
      for (let s = 0; s < width; s++) sorted.subarray(counts[s], counts[s + 1]).sort();
      const b = sources.indexOf('s0');
      const [category, source, label, qualifier, baseQualifier] = [[], [], [], [], []];
      const figure = () => new Float64Array(size);
      const [value, low, high, baseValue, baseLow, baseHigh] = Array.from({ length: 6 }, figure);
      const [difference, differenceLow, differenceHigh] = [figure(), figure(), figure()];
      const [ratio, ratioLow, ratioHigh, share, rank] = Array.from({ length: 5 }, figure);
      const reported = new Uint8Array(size);
      for (let g = 0, r = 0; g < cat.count; g++) {
        const j = cell[g * width + b];
        const [bv, bl, bh] = j < 0 ? [NaN, NaN, NaN] : [c.value[j], c.low[j], c.high[j]];
        const bq = j < 0 ? null : c.qualifier[j];
        for (let s = 0; s < width; s++, r++) {
          const i = cell[g * width + s];
          const [v, lo, hi] = i < 0 ? [NaN, NaN, NaN] : [c.value[i], c.low[i], c.high[i]];
          category.push(c.category[first[g]]);
          source.push(sources[s]);
          label.push(i < 0 ? null : c.label[i]);
          qualifier.push(i < 0 ? null : c.qualifier[i]);
          baseQualifier.push(bq);
          value[r] = v;
          low[r] = lo;
          high[r] = hi;
          reported[r] = v === v ? 1 : 0;
          baseValue[r] = bv;
          baseLow[r] = bl;
          baseHigh[r] = bh;
          difference[r] = v - bv;
          differenceLow[r] = lo - bh; // NaN (unbounded) for an at-least baseline
          differenceHigh[r] = hi - bl;
          const q = over(v, bv);
          ratio[r] = q;
          ratioLow[r] = q !== q ? NaN : bh !== bh ? 0 : over(lo, bh);
          ratioHigh[r] = q !== q ? NaN : over(hi, bl);
          share[r] = over(v, totals[s]);
          if (v !== v) rank[r] = NaN;
          else {
            let [from, to] = [counts[s], counts[s + 1]]; // the first figure above v
            while (from < to) {
              const mid = (from + to) >>> 1;
              if (sorted[mid] > v) to = mid;
              else from = mid + 1;
            }
            rank[r] = counts[s + 1] - from + 1;
          }
        }
      }
      return {
        category,
        source,
        label,
        value,
        low,
        high,
        qualifier,
        reported,
        baseline_value: baseValue,
        baseline_low: baseLow,
        baseline_high: baseHigh,
        baseline_qualifier: baseQualifier,
        difference,
        difference_low: differenceLow,
        difference_high: differenceHigh,
        ratio,
        ratio_low: ratioLow,
        ratio_high: ratioHigh,
        share,
        rank,
      };
    },
    check: (f, t, c) => {
      const [pkg, aq, loop] = [f.pkg(t), f.arquero(t), f.loop(t, c)];
      sameColumns('compare: typed loop', pkg, loop);
      const names = pkg.columnNames().filter((name) => name !== 'label');
      sameColumns('compare: Arquero', pkg, aligned(pkg, aq, ['category', 'source'], names));
    },
  },
  spread: {
    pkg: (t) => spread(t, { by: 'category', pool: 'region' }),
    arquero: (t) => {
      const all = t.rollup({ n: op.distinct('source') }).get('n', 0);
      const stats = t.groupby('category').rollup({
        count: op.valid('value'),
        min: op.min('value'),
        max: op.max('value'),
        low: op.min('low'),
        high: (d) =>
          op.sum(d.value != null && d.high == null ? 1 : 0) > 0 ? null : op.max(d.high),
        median: op.median('value'),
        mean: op.mean('value'),
        sd: op.stdev('value'),
      });
      const names = t
        .filter((d) => d.value != null)
        .join(stats.select('category', 'min', 'max'), 'category')
        .groupby('category')
        .rollup({
          sources: op.array_agg('source'),
          min_source: (d) => op.array_agg(d.value === d.min ? d.source : null),
          max_source: (d) => op.array_agg(d.value === d.max ? d.source : null),
        });
      const joined = (list) => list?.join(', ') ?? '';
      return stats.join_left(names, 'category').derive({
        not_reported: escape((d) => all - d.count),
        sources: escape((d) => joined(d.sources)),
        min_source: escape((d) => (d.count > 0 ? joined(d.min_source) : null)),
        max_source: escape((d) => (d.count > 0 ? joined(d.max_source) : null)),
        range: (d) => d.max - d.min,
        ratio: (d) => (d.min === 0 ? null : d.max / d.min),
        cv: (d) => (d.mean === 0 ? null : d.sd / d.mean),
      });
    },
    // every column of the package's result, one pass per category over its rows
    loop: (t, c) => {
      const { of, count } = codes([c.category], c.n);
      const start = new Int32Array(count + 1);
      for (let i = 0; i < c.n; i++) start[of[i] + 1]++;
      for (let g = 0; g < count; g++) start[g + 1] += start[g];
      const rows = new Int32Array(c.n);
      const fill = start.slice(0, count);
      for (let i = 0; i < c.n; i++) rows[fill[of[i]]++] = i;
      const all = codes([c.source], c.n).count;
      const [category, sources, minSource, maxSource] = [[], [], [], []];
      const figure = () => new Float64Array(count);
      const [n, notReported, min, max, low, high, range, ratio] = Array.from({ length: 8 }, figure);
      const [median, mean, sd, cv] = Array.from({ length: 4 }, figure);
      const values = new Float64Array(c.n);
      for (let g = 0; g < count; g++) {
        let k = 0;
        let [lo, hi, bottom, top, total, names] = [Infinity, -Infinity, Infinity, -Infinity, 0, ''];
        let bounded = true;
        for (let r = start[g]; r < start[g + 1]; r++) {
          const i = rows[r];
          const v = c.value[i];
          if (v !== v) continue;
          values[k++] = v;
          total += v;
          if (v < lo) lo = v;
          if (v > hi) hi = v;
          if (c.low[i] < bottom) bottom = c.low[i];
          if (c.high[i] !== c.high[i]) bounded = false;
          else if (c.high[i] > top) top = c.high[i];
          names = k === 1 ? c.source[i] : `${names}, ${c.source[i]}`;
        }
        let [atMin, atMax] = ['', ''];
        for (let r = start[g]; r < start[g + 1]; r++) {
          const i = rows[r];
          if (c.value[i] === lo) atMin = atMin === '' ? c.source[i] : `${atMin}, ${c.source[i]}`;
          if (c.value[i] === hi) atMax = atMax === '' ? c.source[i] : `${atMax}, ${c.source[i]}`;
        }
        const m = total / k;
        let squares = 0;
        for (let r = 0; r < k; r++) squares += (values[r] - m) ** 2;
        const sorted = values.subarray(0, k).sort();
        category.push(c.category[rows[start[g]]]);
        sources.push(names);
        minSource.push(k > 0 ? atMin : null);
        maxSource.push(k > 0 ? atMax : null);
        n[g] = k;
        notReported[g] = all - k;
        [min[g], max[g], low[g], high[g]] =
          k > 0 ? [lo, hi, bottom, bounded ? top : NaN] : [NaN, NaN, NaN, NaN];
        range[g] = hi - lo;
        ratio[g] = over(hi, lo);
        median[g] = k % 2 === 1 ? sorted[k >> 1] : (sorted[k / 2 - 1] + sorted[k / 2]) / 2;
        mean[g] = m;
        sd[g] = k < 2 ? NaN : Math.sqrt(squares / (k - 1));
        cv[g] = over(sd[g], m);
      }
      return {
        category,
        count: n,
        not_reported: notReported,
        sources,
        min,
        max,
        low,
        high,
        min_source: minSource,
        max_source: maxSource,
        range,
        ratio,
        median,
        mean,
        sd,
        cv,
      };
    },
    check: (f, t, c) => {
      const [pkg, aq, loop] = [f.pkg(t), f.arquero(t), f.loop(t, c)];
      sameColumns('spread: typed loop', pkg, loop);
      sameColumns('spread: Arquero', pkg, aligned(pkg, aq, ['category'], pkg.columnNames()));
    },
  },
  agreement: {
    check: checkAgreement,
    pkg: (t) => agreement(t, { by: 'category', pool: 'region' }),
    // every figure of the package's result (checked against it by checkAgreement): per pair, the
    // categories both report, midranks by avg_rank, moments by Arquero's aggregates
    // (agreement-equivalents.mjs)
    arquero: (t) => agreementArquero(t, benchSources),
    // the same statistics as the package: Pearson, Spearman (midranks), Lin's CCC, log ratios
    loop: (t, c) => {
      const cat = codes([c.category], c.n);
      const src = codes([c.source], c.n);
      const figures = Array.from({ length: src.count }, () =>
        new Float64Array(cat.count).fill(NaN),
      );
      for (let i = 0; i < c.n; i++) figures[src.of[i]][cat.of[i]] = c.value[i];
      const correlation = (x, y, n) => {
        let sx = 0;
        let sy = 0;
        for (let k = 0; k < n; k++) ((sx += x[k]), (sy += y[k]));
        const [mx, my] = [sx / n, sy / n];
        let [sxy, sxx, syy] = [0, 0, 0];
        for (let k = 0; k < n; k++) {
          sxy += (x[k] - mx) * (y[k] - my);
          sxx += (x[k] - mx) ** 2;
          syy += (y[k] - my) ** 2;
        }
        return [sxy / Math.sqrt(sxx * syy), sxy, sxx, syy, mx, my];
      };
      const ranks = (x, n) => {
        const order = Int32Array.from({ length: n }, (_, k) => k).sort((p, q) => x[p] - x[q]);
        const r = new Float64Array(n);
        for (let i = 0; i < n; ) {
          let j = i;
          while (j + 1 < n && x[order[j + 1]] === x[order[i]]) j++;
          for (let k = i; k <= j; k++) r[order[k]] = (i + j) / 2;
          i = j + 1;
        }
        return r;
      };
      const out = [];
      const x = new Float64Array(cat.count);
      const y = new Float64Array(cat.count);
      for (let a = 0; a < src.count; a++)
        for (let b = a + 1; b < src.count; b++) {
          let n = 0;
          for (let k = 0; k < cat.count; k++)
            if (figures[a][k] === figures[a][k] && figures[b][k] === figures[b][k]) {
              x[n] = figures[a][k];
              y[n++] = figures[b][k];
            }
          const [r, sxy, sxx, syy, mx, my] = correlation(x, y, n);
          const rho = correlation(ranks(x, n), ranks(y, n), n)[0];
          const ccc = (2 * sxy) / n / (sxx / n + syy / n + (mx - my) ** 2);
          let [sl, sa] = [0, 0];
          for (let k = 0; k < n; k++)
            ((sl += Math.log(x[k] / y[k])), (sa += Math.abs(x[k] - y[k])));
          let q = 0;
          for (let k = 0; k < n; k++) q += (Math.log(x[k] / y[k]) - sl / n) ** 2;
          out.push([r, rho, ccc, sl / n, Math.sqrt(q / (n - 1)), sa / n]);
        }
      return out;
    },
  },
  harmonize: {
    // five categories of one region to a group (tables.mjs)
    setup: (t) => benchCrosswalk(t.array('category')),
    // for the check's edgeTable(): every entry partial with one note, so that a group's parts
    // repeat a warning (two categories share a label)
    edgeSetup: (t) =>
      [...new Set(t.array('category'))].flatMap((key, k) =>
        key === null || k === 7
          ? []
          : [{ key, group: `g${Math.floor(k / 5)}`, comparability: 'partial', note: 'one note' }],
      ),
    pkg: (t, _, crosswalk) => harmonize(t, { dimension: 'category', crosswalk }),
    // every column of the package's result, comparability and warning included
    // (rollup-equivalents.mjs)
    arquero: (t, _, crosswalk) =>
      harmonizeArquero(t, ['category', 'region'], 'category', crosswalk),
    loop: (t, c, crosswalk) => harmonizeLoop(c, ['category', 'region'], 'category', crosswalk),
    check: checkSums('harmonize', ['source', 'category', 'region', 'measure', 'unit']),
  },
  audit: {
    // one stated total per source and region (a tenth of the rows; tables.mjs)
    setup: (t) => benchTotals(t.array('region')),
    pkg: (t, _, totals) => audit(t, { totals }),
    // every figure column of audit's result, the reason in the same words (audit-equivalents.mjs)
    arquero: (t, _, totals) => auditArquero(t, totals),
    loop: (t, c, totals) => auditLoop(t, c, totals),
    check: sameAs,
  },
};

const results = {};
for (const n of sizes) {
  // built as bare Arquero does (fromRows' checks are measured in scale-input.mjs)
  const t = benchTable(n);
  const c = prepare(t);
  for (const [name, f] of Object.entries(cases)) {
    if (process.env.BENCH_CASES && !process.env.BENCH_CASES.split(',').includes(name)) continue;
    const extra = f.setup?.(t);
    f.check?.(f, t, c, extra); // before timing: the baselines give the package's figures
    const pkg = [];
    const aq = [];
    const loop = [];
    for (let r = 0; r < runs; r++) {
      pkg.push(time(() => f.pkg(t, c, extra)));
      aq.push(time(() => f.arquero(t, c, extra)));
      loop.push(time(() => f.loop(t, c, extra)));
    }
    const ratios = (other) => pkg.map((p, k) => p / other[k]);
    (results[name] ??= []).push({
      n,
      pkg: median(pkg),
      fastest: Math.min(...pkg),
      arquero: ratios(aq),
      loop: ratios(loop),
    });
    const r = results[name].at(-1);
    console.error(`  ${name} at ${n}: ${fixed(r.pkg, 0)} ms`);
  }
}

const spreadOf = (xs) =>
  `${fixed(median(xs))} (${fixed(Math.min(...xs))}–${fixed(Math.max(...xs))})`;
console.log('\n## Analysis at scale (median of paired ratios, min–max in brackets)\n');
console.log(
  '| function | rows | time | × bare Arquero (≤ 1.5) | × typed loop (≤ 3) | slope from the row above, fastest runs (each ≤ 1.15) |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name, list] of Object.entries(results)) {
  // the slope of log time against log rows on each step between sizes: linear over the whole
  // range only if every step is about 1 (a single slope from the first size to the last hides a
  // last decade that grows faster). Taken from each size's fastest run, the one least disturbed
  // by the machine and by a collection of another side's garbage: from the medians of a few
  // interleaved runs, one step moved by ±0.5 between runs of the same code.
  const slopes = list.map((r, k) =>
    k === 0 ? NaN : Math.log(r.fastest / list[k - 1].fastest) / Math.log(r.n / list[k - 1].n),
  );
  const steepest = Math.max(...slopes.slice(1));
  list.forEach((r, k) => {
    const big = k === list.length - 1;
    const a = median(r.arquero);
    const l = median(r.loop);
    const mark = (ok) => (big ? (ok ? ' met' : ' **not met**') : '');
    const slope = k === 0 ? '' : fixed(slopes[k]) + (big ? mark(steepest <= 1.15) : '');
    console.log(
      `| ${name} | ${r.n.toExponential(0)} | ${fixed(r.pkg, 0)} ms | ${spreadOf(r.arquero)}${mark(a <= 1.5)} | ${spreadOf(r.loop)}${mark(l <= 3)} | ${slope} |`,
    );
  });
}
