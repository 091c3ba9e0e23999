// The report: one folder a person can open, with every bundled dataset as a page section, table
// files beside it, the published tables that do not add up, and the comparisons of the sources.
import { from, type ColumnTable } from 'arquero';
import { agreement } from '../analysis/agreement.js';
import { audit } from '../analysis/audit.js';
import { balance } from '../analysis/balance.js';
import { compare } from '../analysis/compare.js';
import { harmonize } from '../analysis/harmonize.js';
import { spread } from '../analysis/spread.js';
import { cite } from '../exchange/cite.js';
import { describe } from '../data/describe.js';
import { datasets, load, sources } from '../data/load.js';
import { catalog } from '../data/generated/files.js';
import type { DatasetId } from '../data/generated/types.js';
import { InvalidOptionError, checkOptions, show } from '../errors.js';
import { toCSV } from '../exchange/csv.js';
import { escapeHTML } from '../exchange/html.js';
import { figure } from './figure.js';
import { sourceNames } from '../charts/attribution.js';
import { reportTable } from './table.js';
import { toMarkdown } from '../exchange/markdown.js';
import { numberFormat } from '../exchange/figure.js';
import { caveats, p, page, type Section } from './page.js';
import { claimsSection } from './claims.js';
import { checkOutput, safeFileName, writeFolder } from './write.js';
import type { ReportChart } from './chart.js';

/** One drawing of a chart, as {@link ReportOptions.draw} gives it. */
export interface ChartDrawing {
  /** The SVG text. */
  svg: string;
  /** The PNG bytes. */
  png: Uint8Array;
  /** The PDF bytes; the chart's PDF is written when they are given. */
  pdf?: Uint8Array;
}

/** Options of {@link writeReport}. */
export interface ReportOptions {
  /** The charts to draw; each is written as SVG (inline in the page) and PNG. Default none. */
  charts?: ReportChart[];
  /** Renders a spec to SVG text. Required when `charts` is given. */
  toSVG?: (spec: object) => Promise<string>;
  /** Renders a spec to PNG bytes. Required when `charts` is given. */
  toPNG?: (spec: object) => Promise<Uint8Array>;
  /** Renders a spec to PDF bytes; when given, each chart is also written as PDF. */
  toPDF?: (spec: object) => Promise<Uint8Array>;
  /**
   * Draws a spec once and gives its SVG, PNG and, if it should be written, PDF, e.g.
   * `(spec) => drawChart(spec, { pdf: true })` from the render entry: each chart is then drawn
   * once instead of once per format. Instead of `toSVG`, `toPNG` and `toPDF`.
   */
  draw?: (spec: object) => Promise<ChartDrawing>;
  /**
   * Draws a spec again at a phone's width (SVG text), e.g. `(spec) => toSVG(spec, { width:
   * '95mm' })`: the page shows that drawing below 700 px. A chart it refuses (the package's
   * `InvalidOptionError`: too narrow) keeps its own size there and scrolls sideways. Default none.
   */
  phone?: (spec: object) => Promise<string>;
  /** The package version, for the footer. */
  version?: string;
  /** The text of the package's `CITATION.cff`, shown at the foot as how to cite. Default none. */
  citation?: string;
  /** The date the report was made, for the foot (e.g. `'2026-12-06'`). Default today (UTC). */
  date?: string;
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
 * `tables/*.md`, and `charts/*.svg`, `charts/*.png` (and `charts/*.pdf` with `toPDF`) for the
 * charts given, and a small manifest (`.ww2-yugoslavia-casualties-report.json`) that marks the
 * folder as a report. The report is written whole into a new folder beside `dir`, then renamed
 * into place: a failure leaves `dir` as it was. `/`, system folders, the home folder, symbolic
 * links and a folder of other files (without `force`) are refused; chart names become safe file
 * names.
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
    toPDF,
    draw,
    phone,
    version,
    citation,
    date = new Date().toISOString().slice(0, 10),
    force = false,
  } = checkOptions(options, 'writeReport');
  for (const [name, value, expected] of [
    ['phone', phone, 'function'],
    ['citation', citation, 'string'],
    ['date', date, 'string'],
  ] as const)
    if (value !== undefined && typeof value !== expected)
      throw new InvalidOptionError(
        `writeReport: option ${name} is ${show(value)}; expected a ${expected}.`,
      );
  checkArguments(charts, toSVG, toPNG, toPDF, draw, version, force);
  checkOutput(dir, force); // before any chart is drawn
  const names = fileNames(charts);
  if (draw && (toSVG || toPNG || toPDF))
    throw new InvalidOptionError(
      'writeReport: both draw and toSVG, toPNG or toPDF were given; expected draw alone, or ' +
        'toSVG and toPNG (and toPDF).',
    );
  if (charts.length && !draw && (!toSVG || !toPNG))
    throw new InvalidOptionError(
      'writeReport: charts were given without draw, or toSVG and toPNG, to render them.',
    );
  // One drawing per chart: with draw, Vega runs each chart once for all its formats.
  const drawing = async (spec: object): Promise<Partial<ChartDrawing>> => {
    if (!draw)
      return {
        svg: await toSVG!(spec),
        png: await toPNG!(spec),
        ...(toPDF ? { pdf: await toPDF(spec) } : {}),
      };
    const given: unknown = await draw(spec); // a caller's function may give anything
    return given !== null && typeof given === 'object' ? given : {};
  };
  const by = (format: string) => (draw ? 'draw' : `to${format}`);
  const files = new Map<string, string | Uint8Array>();
  const table = (name: string, t: ColumnTable) => {
    files.set(`tables/${name}.csv`, toCSV(t));
    files.set(`tables/${name}.md`, toMarkdown(t, { notes: true }));
    return (
      `<p class="files">Files: <a href="tables/${name}.csv">${name}.csv</a> · <a ` +
      `href="tables/${name}.md">${name}.md</a></p>`
    );
  };
  const drawn = new Map<ReportChart, string>();
  for (const [i, chart] of charts.entries()) {
    const name = names[i]!;
    const { svg, png, pdf } = await drawing(chart.spec);
    if (typeof svg !== 'string' || !/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(svg))
      throw new InvalidOptionError(
        `writeReport: ${by('SVG')} gave ${show(svg)} for chart ${show(chart.name)}; expected SVG ` +
          'text.',
      );
    files.set(`charts/${name}.svg`, svg);
    if (!(png instanceof Uint8Array))
      throw new InvalidOptionError(
        `writeReport: ${by('PNG')} gave ${show(png)} for chart ${show(chart.name)}; expected PNG ` +
          'bytes (a Uint8Array).',
      );
    files.set(`charts/${name}.png`, png);
    const withPDF = draw ? pdf !== undefined : toPDF !== undefined;
    if (withPDF) {
      if (!(pdf instanceof Uint8Array))
        throw new InvalidOptionError(
          `writeReport: ${by('PDF')} gave ${show(pdf)} for chart ${show(chart.name)}; expected ` +
            'PDF bytes (a Uint8Array).',
        );
      files.set(`charts/${name}.pdf`, pdf);
    }
    let small: string | undefined;
    if (phone)
      try {
        small = await phone(chart.spec);
      } catch (error) {
        // too narrow for this chart: it keeps its size on a phone, in a box that scrolls
        if (!(error instanceof InvalidOptionError)) throw error;
      }
    drawn.set(chart, figure(name, svg, chart.spec, withPDF, small));
  }
  const chartsOf = (id: string) =>
    charts
      .filter((c) => (c.section ?? c.dataset) === id)
      .map((c) => drawn.get(c)!)
      .join('\n');
  const chartsByName = (id: string) =>
    new Map(charts.filter((c) => c.section === id).map((c) => [c.name, drawn.get(c)!]));

  const sections: Section[] = [
    totalsSection(chartsOf('total-estimates'), table),
    sourcesSection(table),
    auditSection(table),
    balanceSection(chartsOf('balance'), table),
    claimsSection(chartsByName('claims'), table),
    comparisonsSection(table),
    ...datasets
      .filter((id) => id !== 'total-estimates')
      .map((id) => datasetSection(id, chartsOf(id), table)),
  ];
  const intro = [
    p(
      'The published figures for the dead of World War II in Yugoslavia (1941–1945) and of the ' +
        'Belgrade offensive (1944), each exactly as its source gives it, with the source, the ' +
        'kind of figure it is and the interval it allows.',
      'lede',
    ),
    p(
      'The sources count different things. A named list counts the registered victims only; a ' +
        'demographic estimate calculates real deaths from censuses; the official figure of 1.7 ' +
        'million is a demographic loss (deaths, births deficit and emigration). Each figure ' +
        'below says which kind it is. A dash (–) is a figure the source does not report: it is ' +
        'never 0. A table whose parts do not add up to its stated total is kept as published and ' +
        'listed under the audit.',
    ),
  ].join('\n');
  const footer =
    `<p>Made on ${escapeHTML(date)} with ww2-yugoslavia-casualties` +
    `${version ? ` ${escapeHTML(version)}` : ''} from its bundled data. Figures: see each ` +
    "source's citation. Tables and notes: CC BY-SA 4.0.</p>" +
    (citation
      ? '<p><strong>How to cite.</strong> Cite the package as its CITATION.cff says:</p>' +
        `<pre class="cite" tabindex="0">${escapeHTML(citation)}</pre>`
      : '');
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
  toPDF: unknown,
  draw: unknown,
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
    if (chart!.section !== undefined && typeof chart!.section !== 'string')
      bad(`the section of chart ${i + 1}`, chart!.section, 'the id of a section of the page');
    if (chart!.spec === null || typeof chart!.spec !== 'object')
      bad(`the spec of chart ${i + 1}`, chart!.spec, 'a Vega-Lite spec object');
  });
  if (toSVG !== undefined && typeof toSVG !== 'function') bad('option toSVG', toSVG, 'a function');
  if (toPNG !== undefined && typeof toPNG !== 'function') bad('option toPNG', toPNG, 'a function');
  if (toPDF !== undefined && typeof toPDF !== 'function') bad('option toPDF', toPDF, 'a function');
  if (draw !== undefined && typeof draw !== 'function') bad('option draw', draw, 'a function');
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
    short: 'Headline totals',
    html: [
      p(d.description),
      caveats(ownCaveats(d.caveats)),
      keyFinding(t),
      charts,
      reportTable(t, {
        columns: ['source', 'kind', 'date', 'measure', 'figure', 'label'],
        caption: 'Every headline total, as published',
      }),
      table('total-estimates', t),
    ].join('\n'),
  };
}

/**
 * One neutral sentence above the headline chart, from the rows: the lowest and the highest
 * published count or estimate of deaths, what each is and who gave it, and what the larger
 * official figures are.
 */
function keyFinding(t: ColumnTable): string {
  const rows = t.objects() as {
    source: string;
    kind: string;
    measure: string;
    value: number | null;
    low: number | null;
    high: number | null;
    qualifier: string;
  }[];
  const deaths = rows.filter((r) => r.measure === 'deaths' && r.value !== null);
  if (!deaths.length) return '';
  const names = new Map(sourceNames(rows.map((r) => r.source)).map((s) => [s.id, s]));
  const written = (r: (typeof rows)[number]) =>
    r.qualifier === 'range' ? `${n(r.low)}–${n(r.high)}` : n(r.value);
  const lowest = deaths.reduce((a, b) => ((b.low ?? b.value!) < (a.low ?? a.value!) ? b : a));
  const highest = deaths.reduce((a, b) => ((b.high ?? b.value!) > (a.high ?? a.value!) ? b : a));
  const who = (r: (typeof rows)[number]) =>
    `${names.get(r.source)!.name} (${names.get(r.source)!.kind.replaceAll('-', ' ')})`;
  const how = (r: (typeof rows)[number]) => (r.kind === 'named-list' ? 'counted' : 'estimated');
  const losses = rows.filter((r) => r.measure === 'demographic-loss' && r.value !== null);
  return p(
    `Key finding: the published totals of deaths run from ${written(lowest)}, ` +
      `${how(lowest)} by ${who(lowest)}, to ${written(highest)}, ${how(highest)} by ` +
      who(highest) +
      (losses.length
        ? `; the official ${n(losses[0]!.value)} is a demographic loss (deaths, births deficit ` +
          'and emigration), not a count of deaths.'
        : '.'),
    'finding-key',
  );
}

function sourcesSection(table: TableWriter): Section {
  const rows = sources().objects();
  const list = rows
    .map((s) => {
      const note = s.note ? `<br><small>${escapeHTML(s.note)}</small>` : '';
      return (
        `<li><strong>${escapeHTML(sourceNames([s.id])[0]!.name)}</strong> ` +
        `<code>${escapeHTML(s.id)}</code> ` +
        `${kindTag(s.kind)}<br>${escapeHTML(cite(s.id))}${note}</li>`
      );
    })
    .join('\n');
  return {
    id: 'sources',
    title: 'The sources',
    short: 'Sources',
    html: [
      p(
        'Every work a figure comes from, what kind of source it is, and the document and ' +
          'section it was read from.',
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
    .filter((r) => r.check !== 'consistent' && r.stated !== null)
    .map((r) => {
      const title = describe(r.dataset as DatasetId).title;
      const name = sourceNames([r.source])[0]!.name;
      const text =
        `${title}, ${name}: the rows add up to ${n(r.parts)}; ` +
        `the source states ${n(r.stated)} (difference ${signed(r.difference)}). ` +
        `${r.check}: ${r.reason}.`;
      return `<li class="finding">${escapeHTML(text)}</li>`;
    });
  const inconsistent = result.objects().filter((r) => r.check === 'inconsistent').length;
  return {
    id: 'audit',
    title: 'Published tables that do not add up',
    short: 'Tables that do not add up',
    html: [
      p(
        'Each total a source states, against the sum of the rows it covers, allowing for how the ' +
          `source rounded. ${inconsistent} of ${result.numRows()} do not add up, ` +
          `${findings.length - inconsistent} cannot be settled (a part not reported could hold ` +
          'the difference); the tables are kept as published.',
      ),
      `<ul>${findings.join('\n')}</ul>`,
      reportTable(result, {
        columns: ['dataset', 'source', 'scope', 'parts', 'stated', 'difference', 'check'],
        caption: 'Each stated total against the sum of its rows',
      }),
      table('audit', result),
    ].join('\n'),
  };
}

function balanceSection(charts: string, table: TableWriter): Section {
  const result = balance();
  const rows = result.objects();
  const approx = (q: string) => (q === 'approximate' ? '~' : '');
  const first = rows[0]!;
  const about = first.approximate ? 'about ' : '';
  const gaps = rows
    .map((r) => {
      const kind = r.deaths_kind?.replaceAll('-', ' ') ?? 'kind unknown';
      const range =
        r.deaths_high !== r.deaths_low ? ` (${n(r.deaths_low)}–${n(r.deaths_high)})` : '';
      const gap = r.gap >= 0 ? `${about}${n(r.gap)} more` : `${about}${n(-r.gap)} less`;
      const gapRange =
        r.gap_low !== r.gap_high ? ` (${signed(r.gap_low)} to ${signed(r.gap_high)})` : '';
      const text =
        `${r.deaths_source} (${kind}): ${n(r.deaths)}${range} + ${n(r.births_deficit)} + ` +
        `${approx(r.emigration_qualifier)}${n(r.emigration)} = ${n(r.parts)}; ` +
        `${gap} than the demographic loss${gapRange}.`;
      return `<li>${escapeHTML(text)}</li>`;
    })
    .join('\n');
  return {
    id: 'balance',
    title: 'Deaths, births deficit and emigration against the demographic loss',
    short: 'Demographic balance',
    html: [
      p(
        `The official figure of ${n(first.loss)} is, in the document's words, "an estimate of ` +
          'total demographic loss" that covered "the number of unborn children, and losses from ' +
          'emigration and disease"; the document gives a births deficit of ' +
          `${n(first.births_deficit)} and emigration of ` +
          `${approx(first.emigration_qualifier)}${n(first.emigration)} as "not included with war ` +
          'casualties". Added to each estimate of deaths, they make the sums below. The parts ' +
          'come from different sources, and the document does not say who calculated the births ' +
          'deficit and emigration: the gap shows how far the published figures fit together, not ' +
          'which is right.',
      ),
      `<ul>${gaps}</ul>`,
      charts,
      reportTable(result, {
        columns: [
          'deaths_source',
          'deaths_kind',
          'deaths',
          'births_deficit',
          'emigration',
          'parts',
          'loss',
          'gap',
          'gap_low',
          'gap_high',
        ],
        caption: 'Each estimate of deaths with the births deficit and emigration, against the loss',
      }),
      table('balance', result),
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
    short: 'Comparisons',
    html: [
      '<h3>Kočović and Žerjavić by nationality</h3>',
      p(
        `Two demographic estimates of real deaths. Over the ${agree.n} nationalities both ` +
          `report, they differ by ${n(Math.round(agree.mean_abs_difference!))} on average (mean ` +
          'absolute difference); their figures correlate with Pearson r = ' +
          `${agree.pearson!.toFixed(3)} (95% interval ` +
          `${agree.pearson_low!.toFixed(3)}–${agree.pearson_high!.toFixed(3)}) and their ` +
          `rankings with Spearman ρ = ${agree.spearman!.toFixed(3)}. Correlation is not ` +
          "agreement: Lin's concordance, which is 1 only where the figures are equal, is " +
          `${agree.concordance!.toFixed(3)}, and on a typical nationality Kočović's figure is ` +
          `${Math.exp(agree.log_ratio_mean!).toFixed(2)} times Žerjavić's, with 95% of ` +
          `nationalities between ${agree.ratio_lower!.toFixed(2)} and ` +
          `${agree.ratio_upper!.toFixed(2)} times (Bland–Altman limits on the log ratios).`,
      ),
      reportTable(pair, {
        columns: ['nationality', 'source', 'figure', 'difference', 'ratio', 'rank'],
        headings: { ratio: 'ratio to Žerjavić', difference: 'difference from Žerjavić' },
        caption: 'Kočović against Žerjavić by nationality (difference and ratio to Žerjavić)',
      }),
      table('compare-kocovic-zerjavic-by-nationality', pair),
      '<h3>The spread of the three sources by nationality</h3>',
      p(
        'The 1964 list (a named list) beside the two demographic estimates: lowest and highest ' +
          'figure per nationality, and how many sources report it.',
      ),
      reportTable(spreads, {
        columns: [
          'nationality',
          'count',
          'not_reported',
          'min',
          'min_source',
          'max',
          'max_source',
          'ratio',
        ],
        caption: 'Lowest and highest figure per nationality, over the three sources',
      }),
      table('spread-by-nationality', spreads),
      '<h3>The 1964 list and Žerjavić by republic</h3>',
      p(
        "The 1964 list's Serbia (proper), AP Kosovo and AP Vojvodina added into Serbia, beside " +
          "Žerjavić's republics. The 1964 list is a named list; Žerjavić a demographic estimate.",
      ),
      caveats(warnings),
      reportTable(byRepublic, {
        columns: ['region', 'source', 'figure', 'difference', 'ratio'],
        headings: { ratio: 'ratio to Žerjavić', difference: 'difference from Žerjavić' },
        caption: 'The 1964 list against Žerjavić by republic (difference and ratio to Žerjavić)',
      }),
      table('compare-1964-zerjavic-by-republic', byRepublic),
    ].join('\n'),
  };
}

/** The navigation's short names of the dataset sections. */
const shortTitles: Partial<Record<DatasetId, string>> = {
  'by-nationality': 'By nationality',
  'by-location-1964': '1964 list by location',
  'by-republic-zerjavic': 'By republic',
  'by-status': 'By status',
  'slovenia-2005': 'Slovenia 2005',
  'ndh-serbs': 'NDH: Serbs',
  'ndh-croats-bosniaks': 'NDH: Croats, Bosniaks',
  'ndh-civilians-by-perpetrator': 'NDH: civilians',
  'ndh-croats-goldstein': 'NDH: Goldstein',
  'military-losses': 'Military losses',
  'italian-by-region': 'Italian losses',
  'belgrade-offensive': 'Belgrade offensive',
  'demographic-loss': 'Demographic loss',
};

function datasetSection(id: DatasetId, charts: string, table: TableWriter): Section {
  const d = describe(id);
  const names = new Map(sourceNames(d.sources.map((s) => s.id)).map((n) => [n.id, n.name]));
  const kinds = d.sources
    .map((s) => `${escapeHTML(names.get(s.id) ?? s.id)} ${kindTag(s.kind)}`)
    .join(' · ');
  return {
    id,
    title: d.title,
    short: shortTitles[id] ?? d.title,
    html: [
      p(d.description),
      `<p>Sources: ${kinds}</p>`,
      caveats(ownCaveats(d.caveats)),
      charts,
      reportTable(load(id), { notes: true, caption: `${d.title}: every row, as published` }),
      table(id, load(id)),
    ].join('\n'),
  };
}
