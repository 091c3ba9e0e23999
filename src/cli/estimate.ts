// The `estimate` command: multiple systems estimation from a CSV of matched records.
import { closeSync, openSync, readSync } from 'node:fs';
import { from, fromCSV, type ColumnTable } from 'arquero';
import { estimateBudgets } from '../estimate/budgets.js';
import { writeFileSafely } from '../report/write.js';
import type { Command } from './commands.js';
import { formatOf, print } from './commands.js';
import { UsageError } from './usage.js';

const round = (x: unknown) => (typeof x === 'number' ? Math.round(x) : x);

export const estimateCommand: Command = {
  summary: 'Estimate how many people no list recorded, from matched lists (capture–recapture).',
  usage:
    '<file.csv> --lists <a,b,c> [--count <column>] [--max-order <k>] [--criterion bic|aic] ' +
    '[--bootstrap <n>] [--seed <n>] [--summary] [--chart <file.png|file.svg>] ' +
    '[--format table|csv|json|md]',
  help:
    `
The CSV holds one row per matched person and one column per list, 1/0 or true/false (or, with
--count, one row per capture history and its number of people). Prints one row per model: the
estimate (observed + on no list), its interval and, for log-linear models, BIC/AIC and weight.
Two lists: Lincoln–Petersen and Chapman. Three to six: every hierarchical log-linear model,
heterogeneity models, Chao's lower bound, and (three to five) Bayesian model averaging.

The estimates assume the lists were matched correctly and the population was closed (no one
entered or left it between the lists). Different defensible models can disagree widely: read the
whole table, not only the first row.

Options:
  --lists      the list columns, comma-separated (required)
  --count      the column of counts, for a table of capture histories
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
    const text = readBounded(file, estimateBudgets.csvBytes);
    if (text.trim() === '')
      throw new UsageError(
        `'${file}' is empty`,
        'give a CSV file with a header row naming the lists and a row per person (or history)',
      );
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
    const { estimate, estimateChart, estimateSummary } = await import('../estimate/index.js');
    let records: ColumnTable;
    try {
      records = fromCSV(text);
    } catch (error) {
      throw new UsageError(
        `cannot read '${file}' as CSV (${(error as Error)?.message ?? String(error)})`,
        'give a comma-separated file with a header row',
      );
    }
    const maxOrder = whole('max-order');
    const bootstrap = whole('bootstrap');
    const seed = whole('seed');
    const result = estimate(records, {
      lists,
      criterion,
      ...(values.count ? { count: values.count as string } : {}),
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

/**
 * The text of a file, read up to `budget` bytes: a larger file (or an endless one, /dev/zero) is
 * refused once that many bytes are read, before it is parsed.
 */
function readBounded(file: string, budget: number): string {
  const fail = (error: unknown): never => {
    throw new UsageError(
      `cannot read '${file}' (${(error as NodeJS.ErrnoException)?.code ?? 'error'})`,
      'give the path of a CSV file',
    );
  };
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return fail(error);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, budget + 1 - total));
      let n: number;
      try {
        n = readSync(fd, chunk, 0, chunk.length, null);
      } catch (error) {
        return fail(error);
      }
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > budget)
        throw new UsageError(
          `'${file}' is larger than ${budget / 1024 / 1024} MiB (the budget ` +
            'estimateBudgets.csvBytes, checked before it is parsed)',
          'give a table of capture histories with --count (one row per history and its ' +
            'number of people) instead of one row per person',
        );
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

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
