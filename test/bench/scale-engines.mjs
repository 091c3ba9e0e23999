// The analysis against the baselines a user would pick (issue 33): every analysis function that
// scales (`spread`, `compare`, `audit`, `rollup`, `harmonize`, `agreement`) at 1e6 rows beside
// Arquero computing the same figures (no text: no labels, notes or reasons) and beside DuckDB
// running the same figures as SQL on one thread (the package runs on one). The targets
// (≤ 1× Arquero, ≤ 2× DuckDB) are for spread, compare and audit; the others print '–'. Before timing, each baseline's figures are checked against the package's, column by
// column (1e-9 relative, null where the package has null), or the script throws. The times are
// paired: in each run the package and both baselines go one after the other, and the ratio is taken
// within the run. Run after `npm run build`:
//   node test/bench/scale-engines.mjs     (BENCH_RUNS=5 by default; BENCH_SIZES=1e6)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { desc, op, table as columnTable } from 'arquero';
import { agreement, audit, compare, harmonize, rollup, spread } from 'ww2-yugoslavia-casualties';
import { agreementArquero, agreementColumns } from './agreement-equivalents.mjs';
import { compareBounds } from './compare-equivalents.mjs';
import { harmonizeArquero, rollupArquero } from './rollup-equivalents.mjs';
import { benchCrosswalk, benchCSV, benchSources, benchTable, benchTotals } from './tables.mjs';

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

/**
 * The figures of a sum of each group in SQL, as rollup's TSDoc gives them (the reported parts
 * added; no upper bound where a part is a dash or a lower bound; a group of one row is that row).
 */
const sumSQL = `
  sum(value) AS value, sum(CASE WHEN value IS NOT NULL THEN low END) AS low,
  CASE WHEN count(*) > count(value) OR bool_or(value IS NOT NULL AND high IS NULL)
    THEN NULL ELSE sum(high) END AS high,
  count(value)::DOUBLE AS parts, (count(*) - count(value))::DOUBLE AS not_reported`;

/** The figures of a sum (rollup, harmonize): the text (qualifier, label, note) is left out. */
const sumFigures = ['value', 'low', 'high', 'parts', 'not_reported'];

/**
 * Each function: the package, Arquero's figures and DuckDB's, the figures compared, and the
 * issue's targets (× Arquero, × DuckDB) where it sets them.
 */
const cases = {
  spread: {
    targets: [1, 2],
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
    targets: [1, 2],
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
    targets: [1, 2],
    // one stated total per source and region (a tenth of the rows), as in scale.mjs
    setup: (t) => benchTotals(t.array('region')),
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
  rollup: {
    pkg: (t) => rollup(t, { by: 'region' }),
    keys: ['source', 'region', 'measure', 'unit'],
    // the figures; qualifier, label and note (text) left out (rollup-equivalents.mjs)
    figures: sumFigures,
    arquero: (t) => rollupArquero(t, ['region'], { figuresOnly: true }),
    sql: `SELECT source, region, measure, unit, ${sumSQL}
      FROM t GROUP BY source, region, measure, unit`,
  },
  harmonize: {
    // five categories of one region to a group, one in 50 without an entry, as in scale.mjs
    setup: (t) => benchCrosswalk(t.array('category')),
    pkg: (t, crosswalk) => harmonize(t, { dimension: 'category', crosswalk }),
    keys: ['source', 'category', 'region', 'measure', 'unit'],
    // the figures; qualifier, label, note, comparability and warning (text) left out
    // (rollup-equivalents.mjs)
    figures: sumFigures,
    arquero: (t, crosswalk) =>
      harmonizeArquero(t, ['category', 'region'], 'category', crosswalk, { figuresOnly: true }),
    // the bench's crosswalk has entries for every source only (none for one source), so one left
    // join on the key gives each row's group; a key without an entry stays as it is
    sqlSetup: (crosswalk) =>
      'CREATE OR REPLACE TABLE crosswalk AS SELECT * FROM (VALUES ' +
      crosswalk.map((e) => `('${e.key}', '${e.group}')`).join(', ') +
      ') AS c(key, grp)',
    sql: `
      WITH regrouped AS (
        SELECT t.*, coalesce(c.grp, t.category) AS grp
        FROM t LEFT JOIN crosswalk c ON t.category = c.key)
      SELECT source, grp AS category, region, measure, unit, ${sumSQL}
      FROM regrouped GROUP BY source, grp, region, measure, unit`,
  },
  agreement: {
    // its Arquero baseline takes about 45 s a run and DuckDB's about 17 s: three runs at most
    runs: 3,
    pkg: (t) => agreement(t, { by: 'category', pool: 'region' }),
    keys: ['source_a', 'source_b'],
    // every column but the keys is a figure (agreement-equivalents.mjs)
    figures: agreementColumns.slice(2),
    arquero: (t) => agreementArquero(t, benchSources),
    // each pair of sources (in table order, numbered: windows partitioned by a number sort in
    // less than half the time they take by two strings) over the categories both report:
    // midranks as (rank + the count up to the last tie) / 2 within the pair, the moments by
    // DuckDB's aggregates, and the nulls and bounds of agreement's TSDoc
    sql: `
      WITH sources AS (
        SELECT source, min(rowid) AS first, count(value) AS reported FROM t GROUP BY source),
      pairs AS (
        SELECT row_number() OVER () AS pair, a.source AS source_a, b.source AS source_b,
          a.reported + b.reported AS reported
        FROM sources a JOIN sources b ON a.first < b.first),
      figures AS (SELECT category, source, value FROM t WHERE value IS NOT NULL),
      both_report AS (
        SELECT p.pair, a.value AS x, b.value AS y
        FROM pairs p JOIN figures a ON a.source = p.source_a
          JOIN figures b ON b.source = p.source_b AND b.category = a.category),
      ranked AS (
        SELECT pair, x, y,
          CASE WHEN x > 0 AND y > 0 THEN ln(x / y) END AS log_ratio,
          (rank() OVER by_x + count(*) OVER by_x) / 2 AS rank_x,
          (rank() OVER by_y + count(*) OVER by_y) / 2 AS rank_y
        FROM both_report
        WINDOW by_x AS (PARTITION BY pair ORDER BY x), by_y AS (PARTITION BY pair ORDER BY y)),
      moments AS (
        SELECT pair, count(*) AS n,
          count(*) >= 2 AND min(x) < max(x) AND min(y) < max(y) AS varies,
          greatest(-1, least(1, corr(x, y))) AS r, greatest(-1, least(1, corr(rank_x, rank_y))) AS rho,
          2 * covar_pop(x, y) / (var_pop(x) + var_pop(y) + (avg(x) - avg(y)) ^ 2) AS ccc,
          avg(abs(x - y)) AS mad, bool_and(x > 0 AND y > 0) AS positive,
          avg(log_ratio) AS lm, stddev_samp(log_ratio) AS lsd
        FROM ranked GROUP BY pair),
      figured AS (
        SELECT p.source_a, p.source_b, coalesce(m.n, 0)::DOUBLE AS n,
          (p.reported - 2 * coalesce(m.n, 0))::DOUBLE AS excluded,
          CASE WHEN m.varies THEN m.r END AS pearson,
          CASE WHEN m.n >= 4 THEN 1.959963984540054 / sqrt(m.n - 3) END AS se,
          CASE WHEN m.varies THEN m.rho END AS spearman,
          CASE WHEN m.n >= 2 THEN greatest(-1, least(1, m.ccc)) END AS concordance,
          m.mad AS mean_abs_difference,
          CASE WHEN m.positive THEN m.lm END AS log_ratio_mean,
          CASE WHEN m.positive THEN m.lsd END AS log_ratio_sd
        FROM pairs p LEFT JOIN moments m USING (pair))
      SELECT *,
        greatest(-1, least(1, tanh(atanh(pearson) - se))) AS pearson_low,
        greatest(-1, least(1, tanh(atanh(pearson) + se))) AS pearson_high,
        exp(log_ratio_mean - 1.959963984540054 * log_ratio_sd) AS ratio_lower,
        exp(log_ratio_mean + 1.959963984540054 * log_ratio_sd) AS ratio_upper
      FROM figured`,
  },
};

/**
 * Before timing: both baselines give the package's figures. In a function of its own, so that
 * none of the three results stays alive (and marked by every collection) while the runs are timed.
 */
async function check(name, f, t, extra) {
  const pkg = f.pkg(t, extra);
  const figures = [...f.keys, ...f.figures];
  same(`${name}: Arquero`, pkg, columnsOf(f.arquero(t, extra), figures), f.keys, f.figures);
  same(`${name}: DuckDB`, pkg, await query(f.sql), f.keys, f.figures);
}

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const connection = await instance.connect();
const query = async (sql) => (await connection.runAndReadAll(sql)).getColumnsObjectJS();

console.log(
  '\n## Analysis against the baselines a user would pick (figures only; median of paired ratios, min–max)\n',
);
console.log(
  '| function | rows | time | × Arquero, figures (target) | × DuckDB, one thread (target) |',
);
console.log('| --- | --- | --- | --- | --- |');
for (const n of sizes) {
  const t = benchTable(n);
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
    await check(name, f, t, extra);
    const [ours, aq, duck] = [[], [], []];
    // the check above ran each once (the warm-up); then `runs` timed, fewer where a case says so
    for (let r = 0; r < Math.min(runs, f.runs ?? runs); r++) {
      let start = performance.now();
      f.pkg(t, extra);
      ours.push(performance.now() - start);
      start = performance.now();
      f.arquero(t, extra).numRows();
      aq.push(performance.now() - start);
      start = performance.now();
      await query(f.sql);
      duck.push(performance.now() - start);
    }
    const ratios = (other) => ours.map((p, k) => p / other[k]);
    // the median with the min–max of the ratios, and the target where the issue sets one
    const show = (xs, target) =>
      `${median(xs).toFixed(2)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})` +
      (target === undefined
        ? ', target –'
        : `, ≤ ${target}${median(xs) <= target ? ' met' : ' **not met**'}`);
    const [toArquero, toDuckDB] = f.targets ?? [];
    console.log(
      `| ${name} | ${n.toExponential(0)} | ${median(ours).toFixed(0)} ms | ${show(ratios(aq), toArquero)} | ${show(ratios(duck), toDuckDB)} |`,
    );
  }
}
connection.closeSync();
