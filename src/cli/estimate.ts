// The `estimate` command: multiple systems estimation from a CSV of matched records.
import { createReadStream, statSync } from 'node:fs';
import { from, table, type ColumnTable } from 'arquero';
import { writeFileSafely } from '../report/write.js';
import type { Command } from './common.js';
import { formatOf, print } from './common.js';
import { UsageError } from './usage.js';

const round = (x: unknown) => (typeof x === 'number' ? Math.round(x) : x);

export const estimateCommand: Command = {
  summary: 'Estimate how many people no list recorded, from matched lists (capture–recapture).',
  usage:
    '<file.csv> --lists <a,b,c> [--count <column>] [--engine stream|duckdb] [--histories] ' +
    '[--max-order <k>] [--criterion bic|aic] ' +
    '[--bootstrap <n>] [--seed <n>] [--summary] [--chart <file.png|file.svg>] ' +
    '[--format table|csv|json|md]',
  help:
    `
The CSV holds one row per matched person and one column per list, 1/0 or true/false (or, with
--count, one row per capture history and its number of people). Prints one row per model: the
estimate (observed + on no list), its interval and, for log-linear models, BIC/AIC and weight.
Two lists: Lincoln–Petersen and Chapman. Three to six: every hierarchical log-linear model,
heterogeneity models, Chao's lower bound, and (three to five) Bayesian model averaging.

The records are read as a stream and only their capture histories are kept, so a file of any
size is counted in bounded memory; with --engine duckdb, DuckDB counts them instead (it needs the
package @duckdb/node-api).

The estimates assume the lists were matched correctly and the population was closed (no one
entered or left it between the lists). Different defensible models can disagree widely: read the
whole table, not only the first row.

Options:
  --lists      the list columns, comma-separated (required)
  --count      the column of counts, for a table of capture histories
  --engine     what counts the records: stream (default) or duckdb
  --histories  print the counted capture histories instead of estimating
  --max-order  the highest order of interaction (default: lists − 1)
  --criterion  bic (default) or aic
  --bootstrap  replicates of a bootstrap that redoes the model selection (default 0: none)
  --seed       seed of the bootstrap (default 1)
  --summary    print only the selected estimate, in the data contract's shape
  --chart      also draw the estimates to this PNG or SVG file
  --format     table (default), csv, json or md

Examples:
  ww2-yugoslavia-casualties estimate victims.csv --lists registry,memorial,survey
  ww2-yugoslavia-casualties estimate histories.csv --lists a,b,c,d --count n --format csv
  ww2-yugoslavia-casualties estimate victims.csv --lists a,b,c --bootstrap 500 ` +
    `--chart estimates.png`,
  options: {
    lists: { type: 'string' },
    count: { type: 'string' },
    engine: { type: 'string' },
    histories: { type: 'boolean' },
    'max-order': { type: 'string' },
    criterion: { type: 'string' },
    bootstrap: { type: 'string' },
    seed: { type: 'string' },
    summary: { type: 'boolean' },
    chart: { type: 'string' },
    format: { type: 'string' },
  },
  async run(positionals, values) {
    const file = positionals[0];
    if (!file) throw new UsageError('no file given', `usage: estimate ${this.usage}`);
    const format = formatOf(values);
    const lists = (values.lists as string | undefined)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!lists?.length)
      throw new UsageError(
        'no lists given',
        'add --lists with the list columns, e.g. --lists a,b,c',
      );
    try {
      if (!statSync(file).isFile()) throw Object.assign(new Error(), { code: 'not a file' });
    } catch (error) {
      throw new UsageError(
        `cannot read '${file}' (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
        'give the path of a CSV file',
      );
    }
    const engine = (values.engine as string | undefined) ?? 'stream';
    if (engine !== 'stream' && engine !== 'duckdb')
      throw new UsageError(`unknown engine '${engine}'`, 'use --engine stream or --engine duckdb');
    const whole = (name: string) => {
      const v = values[name] as string | undefined;
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v))
        throw new UsageError(`--${name} is '${v}'`, `give a whole number, e.g. --${name} 2`);
      return Number(v);
    };
    const criterion = (values.criterion as string | undefined) ?? 'bic';
    if (criterion !== 'bic' && criterion !== 'aic')
      throw new UsageError(
        `unknown criterion '${criterion}'`,
        'use --criterion bic or --criterion aic',
      );
    const { estimate, estimateChart, estimateSummary, streamHistories } = await import(
      '../estimate/index.js'
    );
    const count = values.count as string | undefined;
    const histories =
      engine === 'duckdb'
        ? await duckdbHistories(file, lists, count)
        : await streamHistories(createReadStream(file), { lists, ...(count ? { count } : {}) });
    if (values.histories) {
      print(histories, format);
      return;
    }
    const maxOrder = whole('max-order');
    const bootstrap = whole('bootstrap');
    const seed = whole('seed');
    const result = estimate(histories, {
      lists,
      criterion,
      count: 'count',
      ...(maxOrder !== undefined ? { maxOrder } : {}),
      ...(bootstrap ? { bootstrap } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
    if (values.chart) {
      const chart = values.chart as string;
      const { toPNG, toSVG } = await import('../render/index.js');
      const spec = estimateChart(result);
      if (chart.endsWith('.svg')) writeFileSafely(chart, await toSVG(spec), 'estimate');
      else if (chart.endsWith('.png'))
        writeFileSafely(chart, await toPNG(spec, { scale: 2 }), 'estimate');
      else
        throw new UsageError(
          `cannot tell the format of '${chart}'`,
          'end the chart file in .png or .svg',
        );
      process.stderr.write(`wrote ${chart}\n`);
    }
    if (values.summary) {
      print(estimateSummary(result), format);
      return;
    }
    if (format !== 'table') {
      print(result, format);
      return;
    }
    print(terminalTable(result), format);
  },
};

/** The table printed in a terminal: whole persons, BIC to one decimal, weights in per cent. */
function terminalTable(result: ColumnTable): ColumnTable {
  return from(
    (result.objects() as Record<string, unknown>[]).map((r) => ({
      method: r.method,
      model: r.model,
      estimate: round(r.value),
      low: round(r.low),
      high: r.high === null && r.value !== null ? 'no bound' : round(r.high),
      bic: typeof r.bic === 'number' ? Number(r.bic.toFixed(1)) : null,
      weight: typeof r.weight === 'number' ? `${(r.weight * 100).toFixed(1)}%` : null,
    })),
  );
}

/**
 * The capture histories of a CSV file counted by DuckDB (the optional package
 * `@duckdb/node-api`): the package's query, then the package's checks on its small result.
 */
async function duckdbHistories(
  file: string,
  lists: string[],
  count: string | undefined,
): Promise<ColumnTable> {
  if (count)
    throw new UsageError(
      '--engine duckdb counts records, and --count says the file is already counted',
      'leave out --engine for a table of capture histories',
    );
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await import('@duckdb/node-api');
  } catch {
    throw new UsageError(
      '--engine duckdb needs the package @duckdb/node-api, which is not installed',
      'install it (npm install @duckdb/node-api), or leave out --engine',
    );
  }
  const { captureHistories, captureHistoriesSQL } = await import('../estimate/index.js');
  const { cellValue } = await import('../estimate/stream.js');
  const path = `'${file.replaceAll("'", "''")}'`;
  const sql = captureHistoriesSQL(lists, {
    from: `read_csv(${path}, header = true, all_varchar = true)`,
  });
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  let rows: Record<string, unknown>[];
  try {
    rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
  } catch (error) {
    throw new UsageError(
      `DuckDB could not count '${file}': ${(error as Error).message.split('\n')[0]}`,
      'check the file and the names given to --lists',
    );
  } finally {
    connection.closeSync();
  }
  // DuckDB read every cell as text: type each as a CSV reader would, for the package's checks.
  const columns: Record<string, unknown[]> = { count: rows.map((r) => Number(r.count)) };
  for (const l of lists) columns[l] = rows.map((r) => cellValue((r[l] as string | null) ?? ''));
  return captureHistories(table(columns), { lists, count: 'count' });
}
