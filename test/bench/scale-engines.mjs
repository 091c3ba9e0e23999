// The analysis against the baselines a user would pick (issue 33): `spread`, `compare` and
// `audit` at 1e6 rows beside Arquero computing the same figures (no text: no labels, notes or
// reasons) and beside DuckDB running the same figures as SQL on one thread (the package runs on
// one). Before timing, each baseline's figures are checked against the package's, column by
// column (1e-9 relative, null where the package has null), or the script throws. The times are
// paired: in each run the package and both baselines go one after the other, and the ratio is taken
// within the run. Run after `npm run build`:
//   node test/bench/scale-engines.mjs     (BENCH_RUNS=5 by default; BENCH_SIZES=1e6)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { desc, op, table as columnTable } from 'arquero';
import { audit, compare, spread } from 'ww2-yugoslavia-casualties';
import { compareBounds } from './compare-equivalents.mjs';
import { benchCSV, benchRows, benchSources } from './tables.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const sizes = (process.env.BENCH_SIZES ?? '1e6').split(',').map(Number);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The columns `names` of an Arquero table, or of DuckDB's result (columns by name), as arrays. */
const columnsOf = (result, names) =>
  Object.fromEntries(
    names.map((name) => [name, Array.isArray(result[name]) ? result[name] : result.array(name)]),
  );

/**
 * Throws unless `other` (rows in any order, matched to the package's by `keys`) holds the
 * package's figures in `names`: within 1e-9 relative (1e-12 absolute), null exactly where null.
 */
function same(what, pkg, other, keys, names) {
  const ours = columnsOf(pkg, [...keys, ...names]);
  const theirs = other;
  const key = (cols, i) => keys.map((k) => cols[k][i]).join('\u0000');
  const at = new Map();
  const n = theirs[keys[0]].length;
  if (n !== ours[keys[0]].length)
    throw new Error(`${what}: ${n} rows, the package ${ours[keys[0]].length}`);
  for (let i = 0; i < n; i++) at.set(key(theirs, i), i);
  for (let i = 0; i < n; i++) {
    const j = at.get(key(ours, i));
    if (j === undefined) throw new Error(`${what}: no row ${key(ours, i)}`);
    for (const name of names) {
      const [a, b] = [ours[name][i] ?? null, theirs[name][j] ?? null];
      const ok =
        a === null || b === null
          ? a === b
          : typeof a === 'boolean'
            ? a === Boolean(b)
            : Math.abs(a - Number(b)) <= Math.max(1e-9 * Math.abs(a), 1e-12);
      if (!ok) throw new Error(`${what}: ${name} of ${key(ours, i)}: ${b}, the package ${a}`);
    }
  }
}

/** Each function: the package, Arquero's figures and DuckDB's, and the figures compared. */
const cases = {
  spread: {
    pkg: (t) => spread(t, { by: 'category', pool: 'region' }),
    keys: ['category'],
    figures: [
      'count',
      'not_reported',
      'min',
      'max',
      'low',
      'high',
      'range',
      'ratio',
      'median',
      'mean',
      'sd',
      'cv',
    ],
    arquero: (t) => {
      const all = t.rollup({ n: op.distinct('source') }).get('n', 0);
      return t
        .groupby('category')
        .rollup({
          count: op.valid('value'),
          min: op.min('value'),
          max: op.max('value'),
          low: op.min('low'),
          high: (d) =>
            op.sum(d.value != null && d.high == null ? 1 : 0) > 0 ? null : op.max(d.high),
          median: op.median('value'),
          mean: op.mean('value'),
          sd: op.stdev('value'),
        })
        .params({ all })
        .derive({
          not_reported: (d, $) => $.all - d.count,
          range: (d) => d.max - d.min,
          ratio: (d) => (d.min === 0 ? null : d.max / d.min),
          cv: (d) => (d.mean === 0 ? null : d.sd / d.mean),
        });
    },
    sql: `
      SELECT category, count(value)::DOUBLE AS count,
        (SELECT count(DISTINCT source) FROM t) - count(value)::DOUBLE AS not_reported,
        min(value) AS min, max(value) AS max, min(low) AS low,
        CASE WHEN bool_or(value IS NOT NULL AND high IS NULL) THEN NULL ELSE max(high) END AS high,
        max(value) - min(value) AS range,
        CASE WHEN min(value) = 0 THEN NULL ELSE max(value) / min(value) END AS ratio,
        quantile_cont(value, 0.5) AS median, avg(value) AS mean, stddev_samp(value) AS sd,
        CASE WHEN avg(value) = 0 THEN NULL ELSE stddev_samp(value) / avg(value) END AS cv
      FROM t GROUP BY category`,
  },
  compare: {
    pkg: (t) => compare(t, { by: 'category', pool: 'region', baseline: 's0' }),
    keys: ['category', 'source'],
    figures: [
      'value',
      'low',
      'high',
      'baseline_value',
      'baseline_low',
      'baseline_high',
      'difference',
      'difference_low',
      'difference_high',
      'ratio',
      'ratio_low',
      'ratio_high',
      'share',
      'rank',
    ],
    arquero: (t) => {
      const base = t
        .filter((d) => d.source === 's0')
        .select({
          category: 'category',
          value: 'baseline_value',
          low: 'baseline_low',
          high: 'baseline_high',
        });
      return t
        .select('category', 'source', 'value', 'low', 'high')
        .groupby('source')
        .derive({ share: (d) => (d.value == null ? null : d.value / op.sum(d.value)) })
        .orderby(desc('value'))
        .derive({ rank: (d) => (d.value == null ? null : op.rank()) })
        .ungroup()
        .join_left(base, 'category')
        .derive(compareBounds);
    },
    sql: `
      WITH base AS (
        SELECT category, value AS baseline_value, low AS baseline_low, high AS baseline_high
        FROM t WHERE source = 's0'),
      ranked AS (
        SELECT category, source, value, low, high,
          CASE WHEN value IS NULL THEN NULL ELSE value / sum(value) OVER (PARTITION BY source) END
            AS share,
          CASE WHEN value IS NULL THEN NULL
            ELSE (rank() OVER (PARTITION BY source ORDER BY value DESC NULLS LAST))::DOUBLE END
            AS rank
        FROM t)
      SELECT r.*, b.baseline_value, b.baseline_low, b.baseline_high,
        r.value - b.baseline_value AS difference,
        CASE WHEN r.value IS NULL THEN NULL ELSE r.low - b.baseline_high END AS difference_low,
        CASE WHEN b.baseline_value IS NULL THEN NULL ELSE r.high - b.baseline_low END
          AS difference_high,
        CASE WHEN b.baseline_value = 0 THEN NULL ELSE r.value / b.baseline_value END AS ratio,
        CASE WHEN r.value IS NULL OR b.baseline_value IS NULL OR b.baseline_value = 0 THEN NULL
          WHEN b.baseline_high IS NULL THEN 0
          WHEN b.baseline_high = 0 THEN NULL ELSE r.low / b.baseline_high END AS ratio_low,
        CASE WHEN r.value IS NULL OR b.baseline_value IS NULL OR b.baseline_value = 0
          OR r.high IS NULL OR b.baseline_low = 0 THEN NULL
          ELSE r.high / b.baseline_low END AS ratio_high
      FROM ranked r LEFT JOIN base b USING (category)`,
  },
  audit: {
    // one stated total per source and region (a tenth of the rows), as in scale.mjs
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
    pkg: (t, totals) => audit(t, { totals }),
    keys: ['source', 'scope'],
    figures: ['rows', 'not_reported', 'parts', 'parts_low', 'parts_high', 'difference'],
    arquero: (t, totals) => {
      const given = columnTable({
        source: totals.map((d) => d.source),
        scope: totals.map((d) => d.scope),
        region: totals.map((d) => d.scope.slice('region='.length)),
        measure: totals.map((d) => d.measure),
        stated: totals.map((d) => d.value),
      });
      const sums = t.groupby('source', 'measure', 'region').rollup({
        rows: op.count(),
        not_reported: op.invalid('value'),
        parts: op.sum('value'),
        parts_low: (d) => op.sum(d.value == null ? null : d.low),
        high: (d) => op.sum(d.value == null ? null : d.high),
        unbounded: (d) => op.sum(d.value != null && d.high == null ? 1 : 0),
      });
      const keys = ['source', 'measure', 'region'];
      return given.join(sums, [keys, keys]).derive({
        parts: (d) => (d.rows > d.not_reported ? d.parts : null),
        parts_low: (d) => (d.rows > d.not_reported ? d.parts_low : null),
        parts_high: (d) => (d.not_reported > 0 || d.unbounded > 0 ? null : d.high),
        difference: (d) => (d.rows > d.not_reported ? d.parts - d.stated : null),
      });
    },
    sqlSetup: (totals) =>
      'CREATE OR REPLACE TABLE given AS SELECT * FROM (VALUES ' +
      totals
        .map((d) => `('${d.source}', '${d.scope}', '${d.scope.slice(7)}', 'deaths', ${d.value})`)
        .join(', ') +
      ') AS g(source, scope, region, measure, stated)',
    sql: `
      WITH sums AS (
        SELECT source, measure, region, count(*)::DOUBLE AS rows,
          (count(*) - count(value))::DOUBLE AS not_reported, sum(value) AS parts,
          sum(CASE WHEN value IS NOT NULL THEN low END) AS parts_low,
          CASE WHEN count(*) > count(value) OR bool_or(value IS NOT NULL AND high IS NULL)
            THEN NULL ELSE sum(high) END AS parts_high
        FROM t GROUP BY source, measure, region)
      SELECT g.source, g.scope, s.rows, s.not_reported, s.parts, s.parts_low, s.parts_high,
        s.parts - g.stated AS difference
      FROM given g JOIN sums s USING (source, measure, region)`,
  },
};

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
const query = async (sql) => (await connection.runAndReadAll(sql)).getColumnsObjectJS();

console.log(
  '\n## Analysis against the baselines a user would pick (figures only; median of paired ratios, min–max)\n',
);
console.log('| function | rows | time | × Arquero, figures (≤ 1) | × DuckDB, one thread (≤ 2) |');
console.log('| --- | --- | --- | --- | --- |');
for (const n of sizes) {
  const rows = benchRows(n);
  const t = columnTable(
    Object.fromEntries(Object.keys(rows[0]).map((c) => [c, rows.map((r) => r[c])])),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'ww2yc-engines-')), 'rows.csv');
  writeFileSync(file, benchCSV(n));
  await query(
    `CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('${file}', header = true, columns = {
      'source': 'VARCHAR', 'category': 'VARCHAR', 'region': 'VARCHAR', 'measure': 'VARCHAR',
      'unit': 'VARCHAR', 'value': 'DOUBLE', 'low': 'DOUBLE', 'high': 'DOUBLE',
      'qualifier': 'VARCHAR', 'label': 'VARCHAR', 'note': 'VARCHAR'})`,
  );
  for (const [name, f] of Object.entries(cases)) {
    if (process.env.BENCH_CASES && !process.env.BENCH_CASES.split(',').includes(name)) continue;
    const extra = f.setup?.(t);
    if (f.sqlSetup) await query(f.sqlSetup(extra));
    // before timing: both baselines give the package's figures
    const pkg = f.pkg(t, extra);
    same(
      `${name}: Arquero`,
      pkg,
      columnsOf(f.arquero(t, extra), [...f.keys, ...f.figures]),
      f.keys,
      f.figures,
    );
    same(`${name}: DuckDB`, pkg, await query(f.sql), f.keys, f.figures);
    const [ours, aq, duck] = [[], [], []];
    // one warm-up run of each, not counted, then `runs` timed
    for (let r = -1; r < runs; r++) {
      let start = performance.now();
      f.pkg(t, extra);
      if (r >= 0) ours.push(performance.now() - start);
      start = performance.now();
      f.arquero(t, extra).numRows();
      if (r >= 0) aq.push(performance.now() - start);
      start = performance.now();
      await query(f.sql);
      if (r >= 0) duck.push(performance.now() - start);
    }
    const ratios = (other) => ours.map((p, k) => p / other[k]);
    const show = (xs, target) =>
      `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})` +
      (median(xs) <= target ? ' met' : ' **not met**');
    console.log(
      `| ${name} | ${n.toExponential(0)} | ${median(ours).toFixed(0)} ms | ${show(ratios(aq), 1)} | ${show(ratios(duck), 2)} |`,
    );
  }
}
connection.closeSync();
