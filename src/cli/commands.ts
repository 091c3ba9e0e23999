import { join } from 'node:path';
import { escape, from, type ColumnTable } from 'arquero';
import { audit } from '../analysis/audit.js';
import { balanceLine } from './balance.js';
import { compare } from '../analysis/compare.js';
import { cite, type CitationFormat } from '../exchange/cite.js';
import { describe } from '../data/describe.js';
import { datasets, load, sources } from '../data/load.js';
import { UnknownIdError } from '../errors.js';
import { writeReport } from '../report/report.js';
import { checkOutput } from '../report/write.js';
import { oneLine } from './errors.js';
import { filterRows } from './filter.js';
import { sortRows } from './sort.js';
import { UsageError } from './usage.js';
import { chartCommand } from './chart.js';
import { datasetOf, formatOf, out, print, where, type Command } from './common.js';
import { estimateCommand } from './estimate.js';
import { checkCommand, reconcileCommand } from './check.js';

const list: Command = {
  summary: 'List the datasets, with their row counts and sources.',
  usage: '[--format table|csv|json|md]',
  help: `
Options:
  --format  table (default), csv, json or md

Examples:
  ww2-yugoslavia-casualties list
  ww2-yugoslavia-casualties list --format csv > datasets.csv`,
  options: { format: { type: 'string' } },
  run(_, values) {
    const format = formatOf(values);
    const rows = datasets.map((id) => {
      const d = describe(id);
      return {
        dataset: id,
        rows: d.rows,
        title: d.title,
        sources: d.sources.map((s) => s.id).join(', '),
      };
    });
    print(from(rows), format);
  },
};

const show: Command = {
  summary: 'Show a dataset: every published figure with its qualifier and source.',
  usage:
    '<dataset> [--source <id>]... [--filter <column><op><value>]... [--sort ' +
    '<column>[:desc]]... [--format table|csv|json|md]',
  help: `
Figures are shown as the source gives them: "~" approximate, "≥" at least, "a–b" a range,
"–" not reported (never 0). Use --format csv or json for every column (value, low, high,
qualifier, note).

Options:
  --source  keep the rows of this source (repeatable)
  --filter  keep the rows where a column has a value, e.g. --filter nationality=serbs, or not
            (!=); or compare a column of numbers: =, !=, <, <=, >, >=, e.g. 'value>=10000'
            (quote it: the shell reads < and >). A figure not reported (–) passes no
            comparison. value is the midpoint of a range and the lower bound of an at-least
            figure; low and high are the bounds. (repeatable)
  --sort    order by a column, ascending, or descending with :desc, e.g. --sort value:desc;
            not reported (–) comes last (repeatable: the first --sort first)
  --format  table (default), csv, json or md

Examples:
  ww2-yugoslavia-casualties show by-nationality
  ww2-yugoslavia-casualties show by-nationality --source zerjavic --format csv
  ww2-yugoslavia-casualties show ndh-serbs --filter status=civilian
  ww2-yugoslavia-casualties show by-nationality --filter 'value>=10000' --sort value:desc`,
  options: {
    source: { type: 'string', multiple: true },
    filter: { type: 'string', multiple: true },
    sort: { type: 'string', multiple: true },
    format: { type: 'string' },
  },
  run(positionals, values) {
    const id = datasetOf(positionals, `show ${this.usage}`);
    const format = formatOf(values);
    let table: ColumnTable = load(id);
    const chosen = (values.source as string[] | undefined) ?? [];
    if (chosen.length) {
      const present = [...new Set(table.array('source') as string[])];
      for (const s of chosen)
        if (!present.includes(s)) throw new UnknownIdError(`source for ${id}`, s, present);
      table = table.filter(escape((d: { source: string }) => chosen.includes(d.source)));
    }
    for (const f of (values.filter as string[] | undefined) ?? []) table = filterRows(table, f);
    print(sortRows(table, (values.sort as string[] | undefined) ?? []), format);
  },
};

const sourcesCommand: Command = {
  summary: 'List the sources: who published each figure, and what kind of figure it is.',
  usage: '[--format table|csv|json|md]',
  help: `
Options:
  --format  table (default), csv, json or md

Examples:
  ww2-yugoslavia-casualties sources
  ww2-yugoslavia-casualties sources --format json`,
  options: { format: { type: 'string' } },
  run(_, values) {
    const format = formatOf(values);
    const table = sources();
    print(
      format === 'table' ? table.select('id', 'kind', 'author', 'title', 'year') : table,
      format,
    );
  },
};

const citeCommand: Command = {
  summary: 'Cite a source: the work behind its figures and where they were read.',
  usage: '<source> [--format text|bibtex|biblatex|csl-json]',
  help: `
Options:
  --format  text (default), bibtex (BibTeX), biblatex (biber) or csl-json

Examples:
  ww2-yugoslavia-casualties cite zerjavic
  ww2-yugoslavia-casualties cite kocovic --format biblatex >> references.bib`,
  options: { format: { type: 'string' } },
  run(positionals, values) {
    const id = positionals[0];
    if (!id) throw new UsageError('no source given', "'sources' lists them");
    out(cite(id, { format: ((values.format as string | undefined) ?? 'text') as CitationFormat }));
  },
};

const compareCommand: Command = {
  summary: 'Set the sources of a dataset side by side over one dimension.',
  usage:
    '<dataset> --by <dimension> [--baseline <source>] [--measure <measure>] [--sort ' +
    '<column>[:desc]]... [--format table|csv|json|md]',
  help: `
For each category and source: the figure, its difference and ratio against the baseline source,
its share of the source's own total, and its rank within the source. A category a source does not
report stays empty ("–"), never 0.

Options:
  --by        the dimension to compare over, e.g. nationality, region, status (required)
  --baseline  the source the others are measured against (default: the first source)
  --measure   the measure, where the dataset has several (e.g. deaths)
  --sort      order by a column of the result, e.g. --sort difference:desc; empty comes last
  --format    table (default), csv, json or md

Examples:
  ww2-yugoslavia-casualties compare by-nationality --by nationality --baseline zerjavic
  ww2-yugoslavia-casualties compare by-status --by status --format md`,
  options: {
    by: { type: 'string' },
    baseline: { type: 'string' },
    measure: { type: 'string' },
    sort: { type: 'string', multiple: true },
    format: { type: 'string' },
  },
  run(positionals, values) {
    const id = datasetOf(positionals, `compare ${this.usage}`);
    const format = formatOf(values);
    const by = values.by as string | undefined;
    if (!by) {
      const example = describe(id).fields.find(
        (f) => f.values && f.name !== 'source' && f.name !== 'measure',
      );
      throw new UsageError(
        'no dimension given',
        `add --by <dimension>, e.g. --by ${example?.name ?? 'source'}`,
      );
    }
    const compared = compare(load(id), {
      by,
      ...(values.baseline ? { baseline: values.baseline as string } : {}),
      ...(values.measure ? { measure: values.measure as string } : {}),
    });
    const result = sortRows(compared, (values.sort as string[] | undefined) ?? []);
    print(
      format === 'table'
        ? result.select(
            by,
            'source',
            'value',
            'low',
            'high',
            'qualifier',
            'difference',
            'ratio',
            'share',
            'rank',
          )
        : result,
      format,
    );
  },
};

const auditCommand: Command = {
  summary: 'Check the published tables against the totals their sources state.',
  usage: '[--dataset <dataset>] [--format table|csv|json|md]',
  help: `
For every total a source states, the sum of its parts beside it. A table that does not add up is
kept as published and shown here with both numbers. The check allows for how each figure was
rounded; parts that are lower bounds ("18,000+") are consistent with any total at or above their
sum; a part not reported (a dash) is unknown, so a shortfall it could hold is undetermined.
Under the table (format table, all datasets): deaths + births deficit + emigration against the
demographic loss, for each source of a deaths figure.

Options:
  --dataset  audit only this dataset
  --format   table (default), csv, json or md

Examples:
  ww2-yugoslavia-casualties audit
  ww2-yugoslavia-casualties audit --dataset by-nationality --format json`,
  options: { dataset: { type: 'string' }, format: { type: 'string' } },
  run(_, values) {
    const format = formatOf(values);
    let result: ColumnTable = audit();
    if (values.dataset)
      result = where(result, 'dataset', values.dataset as string, 'dataset with a stated total');
    print(
      format === 'table'
        ? result.select(
            'dataset',
            'source',
            'scope',
            'measure',
            'not_reported',
            'parts',
            'stated',
            'difference',
            'check',
          )
        : result,
      format,
    );
    if (format === 'table' && !values.dataset) out(`\n${balanceLine()}`);
  },
};

const report: Command = {
  summary: 'Write the report: a web page of every dataset, chart, comparison and audit finding.',
  usage: '--out <dir> [--force]',
  help: `
Writes <dir>/index.html (opens without a network), the tables as CSV and Markdown in
<dir>/tables/, and every chart as SVG, PNG and PDF in <dir>/charts/.

The report is written whole into a new folder beside <dir> and renamed into place, so a failure
leaves <dir> as it was. A previous report in <dir> is replaced; a folder of other files only with
--force. /, system folders, the home folder and symbolic links are refused.

Options:
  --out    the folder to write (created if missing)
  --force  replace <dir> even if it holds other files than a previous report (they are removed)

Examples:
  ww2-yugoslavia-casualties report --out report
  ww2-yugoslavia-casualties report --out ~/Desktop/yugoslavia-casualties`,
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  async run(_, values) {
    const dir = values.out as string | undefined;
    if (!dir) throw new UsageError('no output folder given', 'add --out <dir>, e.g. --out report');
    const force = values.force === true;
    checkOutput(dir, force); // before the charts are drawn
    const { files } = await writeReport(dir, { ...(await reportCharts()), force });
    process.stderr.write(`wrote ${files.length} files; open ${oneLine(join(dir, 'index.html'))}\n`);
  },
};

/** The charts of the report, with the renderers and the package version. */
async function reportCharts() {
  const { drawChart, toSVG } = await import('../render/index.js');
  const { standardCharts } = await import('../report/charts.js');
  const { createRequire } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  const require = createRequire(import.meta.url);
  const { version } = require('../package.json') as { version: string };
  const citation = readFileSync(
    require.resolve('../package.json').replace(/package\.json$/, 'CITATION.cff'),
    'utf8',
  );
  // Each chart drawn once: its SVG, PNG and PDF come from one run of its Vega view.
  const draw = (spec: object) => drawChart(spec, { pdf: true });
  // and again at a phone's width (390 px less the page's margins: 358 px, 94.7 mm); a chart that
  // needs a little more (at most a tenth) is drawn at what it needs and shown at the phone's
  // width, its text a little smaller (the slope chart: 370 px, its 11 px text at 10.6 px)
  const phone = async (spec: object) => {
    try {
      return await toSVG(spec, { width: 94.7 });
    } catch (error) {
      const needs = (error as { needs?: unknown } | null)?.needs;
      if (typeof needs !== 'number' || needs > 358 * 1.1) throw error;
      return toSVG(spec, { width: needs / 96, unit: 'in' });
    }
  };
  return { charts: standardCharts(), draw, phone, version, citation };
}

export const commands: Record<string, Command> = {
  list,
  show,
  compare: compareCommand,
  audit: auditCommand,
  sources: sourcesCommand,
  cite: citeCommand,
  chart: chartCommand,
  report,
  estimate: estimateCommand,
  check: checkCommand,
  reconcile: reconcileCommand,
};
