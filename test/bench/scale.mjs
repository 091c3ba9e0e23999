// Scale benchmark of the analysis functions (issue 17): each function at 1e4, 1e5 and 1e6 rows
// against bare Arquero doing the equivalent work and against a hand-written typed-array loop,
// measured as paired ratios of interleaved runs in one process (a busy machine slows all three
// alike), with the slope of log time against log rows. Run after `npm run build`:
//   node test/bench/scale.mjs            (BENCH_RUNS=3 by default; BENCH_SIZES=1e4,1e5,1e6)
import { desc, from, op, table as columnTable } from 'arquero';
import { agreement, audit, compare, harmonize, rollup, spread } from 'ww2-yugoslavia-casualties';
import { auditArquero, auditLoop, checkSame } from './audit-equivalents.mjs';
import { benchRows, benchSources } from './tables.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = (process.env.BENCH_SIZES ?? '1e4,1e5,1e6').split(',').map(Number);
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
  };
}

/** Sums of value, low and high per group, with counts of dashes and unbounded highs. */
function sumLoop(c, keys) {
  const { of, count } = codes(keys, c.n);
  const value = new Float64Array(count);
  const low = new Float64Array(count);
  const high = new Float64Array(count);
  const missing = new Int32Array(count);
  for (let i = 0; i < c.n; i++) {
    const g = of[i];
    const v = c.value[i];
    if (v !== v) missing[g]++;
    else {
      value[g] += v;
      low[g] += c.low[i];
      high[g] += c.high[i];
    }
  }
  return { value, low, high, missing };
}

/** Throws unless the Arquero and loop baselines give the figures of the package's result. */
function sameAs(f, t, c, extra) {
  const expected = f.pkg(t, c, extra);
  checkSame('arquero', expected, f.arquero(t, c, extra));
  checkSame('typed loop', expected, f.loop(t, c, extra));
}

/** The columns of agreement's result. */
const agreementColumns = [
  'source_a',
  'source_b',
  'n',
  'excluded',
  'pearson',
  'pearson_low',
  'pearson_high',
  'spearman',
  'concordance',
  'mean_abs_difference',
  'log_ratio_mean',
  'log_ratio_sd',
  'ratio_lower',
  'ratio_upper',
];

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
    arquero: (t) =>
      t.groupby('source', 'region', 'measure', 'unit').rollup({
        value: op.sum('value'),
        low: op.sum('low'),
        high: op.sum('high'),
        parts: op.valid('value'),
        not_reported: op.invalid('value'),
        label: op.array_agg('label'),
      }),
    loop: (t, c) => sumLoop(c, [c.source, c.region, c.measure, c.unit]),
  },
  compare: {
    pkg: (t) => compare(t, { by: 'category', pool: 'region', baseline: 's0' }),
    arquero: (t) => {
      const base = t
        .filter((d) => d.source === 's0')
        .select({ category: 'category', value: 'base', low: 'base_low', high: 'base_high' });
      return t
        .groupby('source')
        .orderby(desc('value'))
        .derive({ rank: op.rank(), share: (d) => d.value / op.sum(d.value) })
        .ungroup()
        .join_left(base, 'category')
        .derive({
          difference: (d) => d.value - d.base,
          ratio: (d) => d.value / d.base,
          ratio_low: (d) => d.low / d.base_high,
          ratio_high: (d) => d.high / d.base_low,
        });
    },
    loop: (t, c) => {
      const cat = codes([c.category], c.n);
      const src = codes([c.source], c.n);
      const base = new Float64Array(cat.count).fill(NaN);
      for (let i = 0; i < c.n; i++) if (c.source[i] === 's0') base[cat.of[i]] = c.value[i];
      const totals = new Float64Array(src.count);
      for (let i = 0; i < c.n; i++) if (c.value[i] === c.value[i]) totals[src.of[i]] += c.value[i];
      const order = Int32Array.from({ length: c.n }, (_, i) => i).sort(
        (a, b) => src.of[a] - src.of[b] || c.value[b] - c.value[a],
      );
      const rank = new Int32Array(c.n);
      for (let k = 0, start = 0; k < c.n; k++) {
        if (k > 0 && src.of[order[k]] !== src.of[order[k - 1]]) start = k;
        rank[order[k]] = k - start + 1;
      }
      const ratio = new Float64Array(c.n);
      const share = new Float64Array(c.n);
      for (let i = 0; i < c.n; i++) {
        ratio[i] = c.value[i] / base[cat.of[i]];
        share[i] = c.value[i] / totals[src.of[i]];
      }
      return { ratio, share, rank };
    },
  },
  spread: {
    pkg: (t) => spread(t, { by: 'category', pool: 'region' }),
    arquero: (t) =>
      t.groupby('category').rollup({
        count: op.valid('value'),
        min: op.min('value'),
        max: op.max('value'),
        low: op.min('low'),
        high: op.max('high'),
        median: op.median('value'),
        mean: op.mean('value'),
        sd: op.stdev('value'),
        sources: op.array_agg('source'),
      }),
    loop: (t, c) => {
      const { of, count } = codes([c.category], c.n);
      const start = new Int32Array(count + 1);
      for (let i = 0; i < c.n; i++) start[of[i] + 1]++;
      for (let g = 0; g < count; g++) start[g + 1] += start[g];
      const values = new Float64Array(c.n);
      const fill = start.slice(0, count);
      for (let i = 0; i < c.n; i++) values[fill[of[i]]++] = c.value[i];
      const out = new Float64Array(count * 5);
      for (let g = 0; g < count; g++) {
        const v = values
          .subarray(start[g], start[g + 1])
          .filter((x) => x === x)
          .sort();
        let s = 0;
        for (const x of v) s += x;
        const mean = s / v.length;
        let q = 0;
        for (const x of v) q += (x - mean) ** 2;
        out.set(
          [v[0], v[v.length - 1], v[v.length >> 1], mean, Math.sqrt(q / (v.length - 1))],
          g * 5,
        );
      }
      return out;
    },
  },
  agreement: {
    check: checkAgreement,
    pkg: (t) => agreement(t, { by: 'category', pool: 'region' }),
    // every figure of the package's result (checked against it by checkAgreement): per pair, the
    // categories both report, midranks by avg_rank, moments by Arquero's aggregates
    arquero: (t) => {
      const wide = t.groupby('category').pivot('source', 'value');
      const valid = wide.rollup(Object.fromEntries(benchSources.map((s) => [s, op.valid(s)])));
      const reported = valid.object();
      const moments = [];
      benchSources.forEach((a, i) => {
        for (const b of benchSources.slice(i + 1)) {
          const m = wide
            .select({ [a]: 'x', [b]: 'y' })
            .filter((d) => d.x != null && d.y != null)
            .orderby('x')
            .derive({ rx: op.avg_rank() })
            .orderby('y')
            .derive({ ry: op.avg_rank() })
            .rollup({
              n: op.count(),
              pearson: op.corr('x', 'y'),
              spearman: op.corr('rx', 'ry'),
              cov: op.covariancep('x', 'y'),
              vx: op.variancep('x'),
              vy: op.variancep('y'),
              mx: op.mean('x'),
              my: op.mean('y'),
              mad: (d) => op.mean(op.abs(d.x - d.y)),
              positive: (d) => op.min(d.x) > 0 && op.min(d.y) > 0,
              lm: (d) => op.mean(op.log(d.x / d.y)),
              lsd: (d) => op.stdev(op.log(d.x / d.y)),
            })
            .object();
          moments.push({ source_a: a, source_b: b, ra: reported[a], rb: reported[b], ...m });
        }
      });
      return from(moments)
        .derive({
          excluded: (d) => d.ra + d.rb - 2 * d.n,
          varies: (d) => d.n >= 2 && d.vx > 0 && d.vy > 0,
          lm: (d) => (d.n > 0 && d.positive ? d.lm : null),
          se: (d) => (d.n >= 4 ? 1.959963984540054 / op.sqrt(d.n - 3) : null),
        })
        .derive({
          pearson: (d) => (d.varies ? op.least(1, op.greatest(-1, d.pearson)) : null),
          spearman: (d) => (d.varies ? op.least(1, op.greatest(-1, d.spearman)) : null),
          concordance: (d) =>
            d.n >= 2 ? (2 * d.cov) / (d.vx + d.vy + (d.mx - d.my) * (d.mx - d.my)) : null,
          mean_abs_difference: (d) => (d.n > 0 ? d.mad : null),
          log_ratio_sd: (d) => (d.lm != null && d.n >= 2 ? d.lsd : null),
        })
        .derive({
          pearson_low: (d) =>
            d.pearson != null && d.se != null ? op.tanh(op.atanh(d.pearson) - d.se) : null,
          pearson_high: (d) =>
            d.pearson != null && d.se != null ? op.tanh(op.atanh(d.pearson) + d.se) : null,
          log_ratio_mean: (d) => d.lm,
          ratio_lower: (d) =>
            d.log_ratio_sd != null ? op.exp(d.lm - 1.959963984540054 * d.log_ratio_sd) : null,
          ratio_upper: (d) =>
            d.log_ratio_sd != null ? op.exp(d.lm + 1.959963984540054 * d.log_ratio_sd) : null,
        })
        .select(agreementColumns);
    },
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
    setup: (t) => {
      const keys = [...new Set(t.array('category'))];
      return keys.map((key, k) => ({ key, group: `g${k % Math.ceil(keys.length / 4)}` }));
    },
    pkg: (t, _, crosswalk) => harmonize(t, { dimension: 'category', crosswalk }),
    arquero: (t, _, crosswalk) =>
      t
        .join_left(
          columnTable({
            category: crosswalk.map((e) => e.key),
            group: crosswalk.map((e) => e.group),
          }),
          'category',
        )
        .groupby('source', 'group', 'region', 'measure', 'unit')
        .rollup({
          value: op.sum('value'),
          low: op.sum('low'),
          high: op.sum('high'),
          parts: op.valid('value'),
          not_reported: op.invalid('value'),
          label: op.array_agg('label'),
        }),
    loop: (t, c, crosswalk) => {
      const lookup = new Map(crosswalk.map((e) => [e.key, e.group]));
      const group = c.category.map((k) => lookup.get(k));
      return sumLoop(c, [c.source, group, c.region, c.measure, c.unit]);
    },
  },
  audit: {
    // one stated total per source and region (a tenth of the rows)
    setup: (t) =>
      [...new Set(t.array('region'))].flatMap((region) =>
        benchSources.map((source) => ({
          source,
          scope: `region=${region}`,
          measure: 'deaths',
          parts: null,
          value: 500000,
        })),
      ),
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
  const rows = benchRows(n);
  const t = columnTable(
    Object.fromEntries(Object.keys(rows[0]).map((c) => [c, rows.map((r) => r[c])])),
  );
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
  '| function | rows | time | × bare Arquero (≤ 1.5) | × typed loop (≤ 3) | slope (≤ 1.15) |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name, list] of Object.entries(results)) {
  const first = list[0];
  const last = list.at(-1);
  const slope = list.length > 1 ? Math.log(last.pkg / first.pkg) / Math.log(last.n / first.n) : NaN;
  for (const r of list) {
    const big = r === last;
    const a = median(r.arquero);
    const l = median(r.loop);
    const mark = (ok) => (big ? (ok ? ' met' : ' **not met**') : '');
    console.log(
      `| ${name} | ${r.n.toExponential(0)} | ${fixed(r.pkg, 0)} ms | ${spreadOf(r.arquero)}${mark(a <= 1.5)} | ${spreadOf(r.loop)}${mark(l <= 3)} | ${big ? `${fixed(slope)}${mark(slope <= 1.15)}` : ''} |`,
    );
  }
}
