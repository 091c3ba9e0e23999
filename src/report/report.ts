// The report: one folder a person can open, with every bundled dataset as a page section, table
// files beside it, the published tables that do not add up, and the comparisons of the sources.
import { from, type ColumnTable } from 'arquero';
import { agreement } from '../analysis/agreement.js';
import { audit } from '../analysis/audit.js';
import { compare } from '../analysis/compare.js';
import { harmonize } from '../analysis/harmonize.js';
import { spread } from '../analysis/spread.js';
import { cite } from '../data/cite.js';
import { describe } from '../data/describe.js';
import { datasets, load, sources } from '../data/load.js';
import { catalog } from '../data/generated/files.js';
import type { DatasetId } from '../data/generated/types.js';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { toCSV } from '../exchange/csv.js';
import { escapeHTML, toHTML } from '../exchange/html.js';
import { toMarkdown } from '../exchange/markdown.js';
import { numberFormat } from '../exchange/figure.js';
import { caveats, p, page, type Section } from './page.js';
import { checkOutput, safeFileName, writeFolder } from './write.js';

/** A chart for the report: a Vega-Lite spec and what it shows. */
export interface ReportChart {
  /** File name without extension, e.g. `total-estimates`. */
  name: string;
  /** The dataset the chart belongs to (its section). */
  dataset: DatasetId;
  /** The Vega-Lite spec. */
  spec: object;
}

/** Options of {@link writeReport}. */
export interface ReportOptions {
  /** The charts to draw; each is written as SVG (inline in the page) and PNG. Default none. */
  charts?: ReportChart[];
  /** Renders a spec to SVG text. Required when `charts` is given. */
  toSVG?: (spec: object) => Promise<string>;
  /** Renders a spec to PNG bytes. Required when `charts` is given. */
  toPNG?: (spec: object) => Promise<Uint8Array>;
  /** The package version, for the footer. */
  version?: string;
  /**
   * Whether to replace a folder that holds other files than a previous report (everything in it
   * is removed). Default `false`: such a folder is refused.
   */
  force?: boolean;
}

/** What {@link writeReport} wrote. */
export interface ReportFiles {
  /** Paths relative to the report folder. */
  files: string[];
}

const n = (x: number | null | undefined) => (x == null ? '–' : numberFormat('en-US').format(x));
const signed = (x: number | null | undefined) =>
  x == null ? '–' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${n(Math.abs(x))}`;

/**
 * Writes the report into `dir`: `index.html` (no script, no network needed), `tables/*.csv`,
 * `tables/*.md`, and `charts/*.svg` and `charts/*.png` for the charts given, and a small manifest
 * (`.ww2-yugoslavia-casualties-report.json`) that marks the folder as a report. The report is
 * written whole into a new folder beside `dir`, then renamed into place: a failure leaves `dir`
 * as it was. `/`, system folders, the home folder, symbolic links and a folder of other files
 * (without `force`) are refused; chart names become safe file names.
 *
 * @param dir The folder to write; created if missing, replaced whole if it holds a previous report.
 * @param options Charts and their renderers, version, force.
 * @returns The files written.
 * @throws {InvalidOptionError} If an argument is not what it should be (charts without renderers…).
 * @throws {ReportWriteError} If the folder must not or cannot be written (one line, with a hint).
 */
export async function writeReport(dir: string, options?: ReportOptions): Promise<ReportFiles> {
  const {
    charts = [],
    toSVG,
    toPNG,
    version,
    force = false,
  } = checkOptions(options, 'writeReport');
  checkArguments(charts, toSVG, toPNG, version, force);
  checkOutput(dir, force); // before any chart is drawn
  const names = fileNames(charts);
  if (charts.length && (!toSVG || !toPNG))
    throw new InvalidOptionError(
      'writeReport: charts were given without toSVG and toPNG to render them.',
    );
  const files = new Map<string, string | Uint8Array>();
  const table = (name: string, t: ColumnTable) => {
    files.set(`tables/${name}.csv`, toCSV(t));
    files.set(`tables/${name}.md`, toMarkdown(t, { notes: true }));
    return `<p class="files">Files: <a href="tables/${name}.csv">${name}.csv</a> · <a href="tables/${name}.md">${name}.md</a></p>`;
  };
  const drawn = new Map<ReportChart, string>();
  for (const [i, chart] of charts.entries()) {
    const name = names[i]!;
    const svg = await toSVG!(chart.spec);
    if (typeof svg !== 'string' || !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg))
      throw new InvalidOptionError(
        `writeReport: toSVG gave ${show(svg)} for chart ${show(chart.name)}; expected SVG text.`,
      );
    files.set(`charts/${name}.svg`, svg);
    const png = await toPNG!(chart.spec);
    if (!(png instanceof Uint8Array))
      throw new InvalidOptionError(
        `writeReport: toPNG gave ${show(png)} for chart ${show(chart.name)}; expected PNG bytes (a Uint8Array).`,
      );
    files.set(`charts/${name}.png`, png);
    const description = (chart.spec as { description?: unknown }).description;
    drawn.set(
      chart,
      `<figure role="img" aria-label="${escapeHTML(typeof description === 'string' ? description : name)}">${svg.replace(/^<\?xml[^>]*>\s*/, '')}<figcaption>Chart files: <a href="charts/${name}.svg">SVG</a> · <a href="charts/${name}.png">PNG</a></figcaption></figure>`,
    );
  }
  const chartsOf = (id: DatasetId) =>
    charts
      .filter((c) => c.dataset === id)
      .map((c) => drawn.get(c)!)
      .join('\n');

  const sections: Section[] = [
    totalsSection(chartsOf('total-estimates'), table),
    sourcesSection(table),
    auditSection(table),
    comparisonsSection(table),
    ...datasets
      .filter((id) => id !== 'total-estimates')
      .map((id) => datasetSection(id, chartsOf(id), table)),
  ];
  const intro = [
    p(
      'The published figures for the dead of World War II in Yugoslavia (1941–1945) and of the Belgrade offensive (1944), each exactly as its source gives it, with the source, the kind of figure it is and the interval it allows.',
      'lede',
    ),
    p(
      'The sources count different things. A named list counts the registered victims only; a demographic estimate calculates real deaths from censuses; the official figure of 1.7 million is a demographic loss (deaths, births deficit and emigration). Each figure below says which kind it is. A dash (–) is a figure the source does not report: it is never 0. A table whose parts do not add up to its stated total is kept as published and listed under the audit.',
    ),
  ].join('\n');
  const footer = `Made with ww2-yugoslavia-casualties${version ? ` ${escapeHTML(version)}` : ''} from its bundled data. Figures: see each source's citation. Tables and notes: CC BY-SA 4.0.`;
  files.set(
    'index.html',
    page(
      'Casualties of World War II in Yugoslavia: the published figures',
      intro,
      sections,
      footer,
    ),
  );

  writeFolder(dir, files, {
    force,
    manifest: { report: 'ww2-yugoslavia-casualties', version: version ?? null },
  });
  return { files: [...files.keys()].sort() };
}

/** Checks the arguments of writeReport, so that a wrong one gets the package's error. */
function checkArguments(
  charts: unknown,
  toSVG: unknown,
  toPNG: unknown,
  version: unknown,
  force: unknown,
): void {
  const bad = (what: string, value: unknown, expected: string) => {
    throw new InvalidOptionError(`writeReport: ${what} is ${show(value)}; expected ${expected}.`);
  };
  if (!Array.isArray(charts)) bad('option charts', charts, 'an array of charts');
  (charts as unknown[]).forEach((c, i) => {
    const chart = c as Partial<ReportChart> | null;
    if (chart === null || typeof chart !== 'object')
      bad(`chart ${i + 1}`, c, '{ name, dataset, spec }');
    if (typeof chart!.name !== 'string' || chart!.name === '')
      bad(`the name of chart ${i + 1}`, chart!.name, 'a file name such as total-estimates');
    if (!datasets.includes(chart!.dataset as DatasetId))
      bad(`the dataset of chart ${i + 1}`, chart!.dataset, `one of ${datasets.join(', ')}`);
    if (chart!.spec === null || typeof chart!.spec !== 'object')
      bad(`the spec of chart ${i + 1}`, chart!.spec, 'a Vega-Lite spec object');
  });
  if (toSVG !== undefined && typeof toSVG !== 'function') bad('option toSVG', toSVG, 'a function');
  if (toPNG !== undefined && typeof toPNG !== 'function') bad('option toPNG', toPNG, 'a function');
  if (version !== undefined && typeof version !== 'string') bad('option version', version, 'text');
  if (typeof force !== 'boolean') bad('option force', force, 'true or false');
}

/** A safe, distinct file name for each chart (its name, cleaned; '-2', '-3'… where two agree). */
function fileNames(charts: readonly ReportChart[]): string[] {
  const used = new Set<string>();
  return charts.map((c) => {
    const base = safeFileName(c.name);
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}-${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

type TableWriter = (name: string, t: ColumnTable) => string;

/** A dataset's own caveats, without the package's (which the page's introduction gives). */
function ownCaveats(all: string[]): string[] {
  return all.slice(0, all.length - catalog.caveats.length);
}

function kindTag(kind: string): string {
  return `<span class="kind">${escapeHTML(kind.replaceAll('-', ' '))}</span>`;
}

function totalsSection(charts: string, table: TableWriter): Section {
  const d = describe('total-estimates');
  const t = load('total-estimates');
  return {
    id: 'total-estimates',
    title: 'Headline totals',
    html: [
      p(d.description),
      caveats(ownCaveats(d.caveats)),
      charts,
      `<div class="scroll">${toHTML(t, { columns: ['source', 'kind', 'date', 'measure', 'figure', 'label'] })}</div>`,
      table('total-estimates', t),
    ].join('\n'),
  };
}

function sourcesSection(table: TableWriter): Section {
  const rows = sources().objects();
  const list = rows
    .map(
      (s) =>
        `<li><strong>${escapeHTML(s.id)}</strong> ${kindTag(s.kind)}<br>${escapeHTML(cite(s.id))}${s.note ? `<br><small>${escapeHTML(s.note)}</small>` : ''}</li>`,
    )
    .join('\n');
  return {
    id: 'sources',
    title: 'The sources',
    html: [
      p(
        'Every work a figure comes from, what kind of source it is, and the document and section it was read from.',
      ),
      `<ul>${list}</ul>`,
      table('sources', sources()),
    ].join('\n'),
  };
}

function auditSection(table: TableWriter): Section {
  const result = audit();
  const findings = result
    .objects()
    .filter((r) => !r.consistent)
    .map(
      (r) =>
        `<li class="finding">${escapeHTML(`${describe(r.dataset as DatasetId).title}, ${r.source}: the rows add up to ${n(r.parts)}; the source states ${n(r.stated)} (difference ${signed(r.difference)}${r.not_reported ? `; ${r.not_reported} figures not reported, left out` : ''}).`)}</li>`,
    );
  return {
    id: 'audit',
    title: 'Published tables that do not add up',
    html: [
      p(
        `Each total a source states, against the sum of the rows it covers. ${findings.length} of ${result.numRows()} do not add up; the tables are kept as published.`,
      ),
      `<ul>${findings.join('\n')}</ul>`,
      `<div class="scroll">${toHTML(result, { columns: ['dataset', 'source', 'scope', 'parts', 'stated', 'difference', 'consistent'] })}</div>`,
      table('audit', result),
    ].join('\n'),
  };
}

function comparisonsSection(table: TableWriter): Section {
  const nationality = load('by-nationality').filter((d) => d.source !== 'yu-1964');
  const pair = compare(nationality, { by: 'nationality', baseline: 'zerjavic' });
  const agree = agreement(nationality, { by: 'nationality' }).object();
  const spreads = spread(load('by-nationality'), { by: 'nationality' });
  const republics = from([
    ...harmonize(
      load('by-location-1964').filter((d) => d.measure === 'deaths'),
      { dimension: 'region' },
    ).objects(),
    ...harmonize(load('by-republic-zerjavic'), { dimension: 'region' }).objects(),
  ] as object[]);
  const byRepublic = compare(republics, { by: 'region', baseline: 'zerjavic' });
  const warnings = [
    ...new Set(
      republics
        .objects()
        .map((r) => (r as { warning: string | null }).warning)
        .filter(Boolean),
    ),
  ] as string[];
  return {
    id: 'comparisons',
    title: 'Comparing the sources',
    html: [
      '<h3>Kočović and Žerjavić by nationality</h3>',
      p(
        `Two demographic estimates of real deaths. Over the ${agree.n} nationalities both report, they differ by ${n(Math.round(agree.mean_abs_difference!))} on average (mean absolute difference); their figures correlate with Pearson r = ${agree.pearson!.toFixed(3)} and their rankings with Spearman ρ = ${agree.spearman!.toFixed(3)}.`,
      ),
      `<div class="scroll">${toHTML(pair, { columns: ['nationality', 'source', 'figure', 'difference', 'ratio', 'rank'], fractionDigits: 2 })}</div>`,
      table('compare-kocovic-zerjavic-by-nationality', pair),
      '<h3>The spread of the three sources by nationality</h3>',
      p(
        'The 1964 list (a named list) beside the two demographic estimates: lowest and highest figure per nationality, and how many sources report it.',
      ),
      `<div class="scroll">${toHTML(spreads, { columns: ['nationality', 'count', 'not_reported', 'min', 'min_source', 'max', 'max_source', 'ratio'], fractionDigits: 2 })}</div>`,
      table('spread-by-nationality', spreads),
      '<h3>The 1964 list and Žerjavić by republic</h3>',
      p(
        "The 1964 list's Serbia (proper), AP Kosovo and AP Vojvodina added into Serbia, beside Žerjavić's republics. The 1964 list is a named list; Žerjavić a demographic estimate.",
      ),
      caveats(warnings),
      `<div class="scroll">${toHTML(byRepublic, { columns: ['region', 'source', 'figure', 'difference', 'ratio'], fractionDigits: 2 })}</div>`,
      table('compare-1964-zerjavic-by-republic', byRepublic),
    ].join('\n'),
  };
}

function datasetSection(id: DatasetId, charts: string, table: TableWriter): Section {
  const d = describe(id);
  const kinds = d.sources.map((s) => `${escapeHTML(s.id)} ${kindTag(s.kind)}`).join(' · ');
  return {
    id,
    title: d.title,
    html: [
      p(d.description),
      `<p>Sources: ${kinds}</p>`,
      caveats(ownCaveats(d.caveats)),
      charts,
      `<div class="scroll">${toHTML(load(id), { notes: true })}</div>`,
      table(id, load(id)),
    ].join('\n'),
  };
}
