// The `check` and `reconcile` commands: a claim against the published figures, and why two
// figures differ. Structured flags only: no sentence is parsed.
import { writeFileSync } from 'node:fs';
import { from } from 'arquero';
import { checkClaim, type Claim, type ClaimQualifier } from '../analysis/checkClaim.js';
import { reconcile } from '../analysis/reconcile.js';
import { formatOf, print, type Command } from './common.js';
import { UsageError } from './usage.js';

const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

/** `--scope key=value` options, as a scope object. */
function scopeOf(given: unknown): Record<string, string> | undefined {
  const list = (Array.isArray(given) ? given : given === undefined ? [] : [given]) as string[];
  if (list.length === 0) return undefined;
  const scope: Record<string, string> = {};
  for (const item of list) {
    const match = /^([a-z][a-z0-9_-]*)=(.+)$/.exec(item);
    if (!match)
      throw new UsageError(
        `--scope '${item}' is not dimension=key`,
        'e.g. --scope nationality=serbs (repeat --scope for several dimensions)',
      );
    scope[match[1]!] = match[2]!;
  }
  return scope;
}

/** The `check` command. */
export const checkCommand: Command = {
  summary: 'Check a claimed figure against the published figures: measure, scope and number.',
  usage:
    '--value <figure> --measure <measure> [--qualifier exact|approximate|at-least|at-most|range] ' +
    '[--high <figure>] [--precision <n>] [--scope <dimension>=<key>]... [--period <key>] ' +
    '[--format table|csv|json|md]',
  help: `
Compares a claim with every published figure of the same scope (and with the wider figures it is
a part of), and gives three verdicts for each: the measure (deaths against a demographic loss are
not comparable), the scope, and the number (within the figure's interval and its rounding). A
figure given again elsewhere (restates) is listed once. The explanation names the sources and
what each counts; it does not say who is right.

The figure is read as written: "1.7 million" stands for 1,650,000–1,750,000, "850,000" with
--qualifier approximate for 845,000–855,000. Give --precision 1 for a figure exact to the person.

Options:
  --value      the claimed figure: 1700000, '1,700,000' or '1.7 million' (the low end of a range)
  --measure    what it counts: deaths, killed, demographic-loss, casualties …
  --qualifier  exact (default), approximate ("about"), at-least, at-most or range
  --high       the high end of a range
  --precision  the unit the claim was rounded to (default: read from how --value is written)
  --scope      whom it counts, as dimension=key (repeatable), e.g. nationality=serbs
  --period     the period key, e.g. post-war
  --format     table (default: the explanation, then the figures), csv, json (everything) or md

Examples:
  ww2-yugoslavia-casualties check --value '1.7 million' --measure deaths
  ww2-yugoslavia-casualties check --value 850,000 --qualifier approximate --measure killed
  ww2-yugoslavia-casualties check --value 530000 --measure deaths --scope nationality=serbs \\
    --format json`,
  options: {
    value: { type: 'string' },
    measure: { type: 'string' },
    qualifier: { type: 'string' },
    high: { type: 'string' },
    precision: { type: 'string' },
    scope: { type: 'string', multiple: true },
    period: { type: 'string' },
    format: { type: 'string' },
  },
  run(_, values) {
    const format = formatOf(values);
    if (values.value === undefined)
      throw new UsageError('no claimed figure given', "add --value, e.g. --value '1.7 million'");
    if (values.measure === undefined)
      throw new UsageError('no measure given', 'add --measure, e.g. --measure deaths');
    const precision = values.precision as string | undefined;
    if (precision !== undefined && !/^\d+(\.\d+)?$/.test(precision))
      throw new UsageError(`--precision '${precision}' is not a number`, 'e.g. --precision 1000');
    const claim: Claim = {
      value: values.value as string,
      measure: values.measure as string,
      ...(values.qualifier !== undefined ? { qualifier: values.qualifier as ClaimQualifier } : {}),
      ...(values.high !== undefined ? { high: values.high as string } : {}),
      ...(precision !== undefined ? { precision: Number(precision) } : {}),
      ...(values.period !== undefined ? { period: values.period as string } : {}),
    };
    const scope = scopeOf(values.scope);
    if (scope) claim.scope = scope;
    const result = checkClaim(claim);
    if (format === 'json') {
      out(JSON.stringify(result, null, 2));
      return;
    }
    const rows = from(
      result.rows.map((r) => ({
        id: r.id,
        source: r.source,
        measure: r.measure,
        value: r.value,
        low: r.low,
        high: r.high,
        measure_relation: r.measure_relation,
        scope_relation: r.scope_relation,
        number: r.number,
        verdict: r.verdict,
        restated_by: r.restated_by.join(' '),
      })),
    );
    if (format === 'table') out(`${result.explanation}\n`);
    print(rows, format);
  },
};

/** The `reconcile` command. */
export const reconcileCommand: Command = {
  summary: 'Explain the difference between two published figures, component by component.',
  usage: '<id-a> <id-b> [--chart <file.png|file.svg>] [--format table|csv|json|md]',
  help: `
The difference b − a as ordered components, each with its value, its interval and the rows it
rests on: measure (the births deficit and emigration, between deaths and a demographic loss),
scope (a subset against its whole), coverage (a named list against an estimate of all deaths),
rounding, and the unexplained residual, always shown. Figures are named by their row id ('show
<dataset> --format csv' lists them), or dataset/id where an id is in several datasets.

Options:
  --chart   also draw the waterfall to this PNG or SVG file
  --format  table (default: the explanation, then the components), csv, json (everything) or md

Examples:
  ww2-yugoslavia-casualties reconcile zerjavic-deaths yu-official-1945-05-demographic-loss
  ww2-yugoslavia-casualties reconcile yu-1964-1964-deaths kocovic-deaths --format json
  ww2-yugoslavia-casualties reconcile kocovic-deaths zerjavic-deaths --chart gap.png`,
  options: { chart: { type: 'string' }, format: { type: 'string' } },
  async run(positionals, values) {
    const format = formatOf(values);
    const [a, b] = positionals;
    if (a === undefined || b === undefined || positionals.length > 2)
      throw new UsageError('expected two figure ids', `usage: reconcile ${this.usage}`);
    const result = reconcile(a, b);
    if (format === 'json') out(JSON.stringify(result, null, 2));
    else {
      if (format === 'table') out(`${result.explanation}\n`);
      print(
        from(
          result.components.map((c) => ({
            kind: c.kind,
            component: c.label,
            value: c.value,
            low: c.low,
            high: c.high,
            rows: c.rows.join(' '),
          })),
        ),
        format,
      );
    }
    const chart = values.chart as string | undefined;
    if (chart) {
      const { reconcileChart } = await import('../charts/reconcile.js');
      const { toPNG, toSVG } = await import('../render/index.js');
      const spec = reconcileChart(result);
      const bytes = chart.endsWith('.svg')
        ? await toSVG(spec)
        : chart.endsWith('.png')
          ? await toPNG(spec, { scale: 2 })
          : null;
      if (bytes === null)
        throw new UsageError(
          `cannot tell the format of '${chart}'`,
          'end the chart file in .png or .svg',
        );
      try {
        writeFileSync(chart, bytes);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        throw new UsageError(`cannot write '${chart}' (${code})`, 'choose a file you can write to');
      }
      process.stderr.write(`wrote ${chart}\n`);
    }
  },
};
