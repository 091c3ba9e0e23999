// The report's section on the figures the documents repeat most: each checked as a claim (what it
// is, what it can be compared with) and set against another figure (why the two differ).
import { from, type ColumnTable } from 'arquero';
import { checkClaim, type Claim } from '../analysis/checkClaim.js';
import { reconcile } from '../analysis/reconcile.js';
import { sourceNames } from '../charts/attribution.js';
import { reconcileChart } from '../charts/reconcile.js';
import { escapeHTML } from '../exchange/html.js';
import { p, type Section } from './page.js';
import type { ReportChart } from './chart.js';
import { reportTable } from './table.js';

const n = (x: number) => x.toLocaleString('en-US');

/** The verdict on the claim against a figure, in words that cannot be read as one on the source. */
const verdictWords: Readonly<Record<string, string>> = {
  consistent: 'fits this figure',
  inconsistent: 'lies outside this figure',
  'not-comparable': 'not comparable: another measure',
  undetermined: 'cannot be checked: not reported',
};

/** A figure the documents repeat, with the claim that repeats it and the figure it differs from. */
interface RepeatedFigure {
  /** The figure as the documents write it. */
  written: string;
  /** How often the seed documents write it (counted in their text; see the comment below). */
  mentions: number;
  claim: Claim;
  /** The two row ids whose difference answers "why do these differ?". */
  against: [string, string];
  /** The chart's file name. */
  chart: string;
}

/**
 * The three figures the seed documents repeat most, counted in their text: "1.7 million" four
 * times and "1,700,000" once; "597,323" three times (the two tables' totals and the paragraph
 * after them); "1,027,000" twice (the table's total and Žerjavić's sentence), tied with Kočović's
 * "1,014,000", which the second answer sets against the 1964 list.
 */
export const repeatedFigures: readonly RepeatedFigure[] = [
  {
    written: '1.7 million',
    mentions: 5,
    claim: { value: '1.7 million', measure: 'deaths' },
    against: ['zerjavic-deaths', 'yu-official-1945-05-demographic-loss'],
    chart: 'claim-1700000',
  },
  {
    written: '597,323',
    mentions: 3,
    claim: { value: '597,323', measure: 'deaths' },
    against: ['yu-1964-1964-deaths', 'kocovic-deaths'],
    chart: 'claim-597323',
  },
  {
    written: '1,027,000',
    mentions: 2,
    claim: { value: '1,027,000', measure: 'deaths' },
    against: ['kocovic-deaths', 'zerjavic-deaths'],
    chart: 'claim-1027000',
  },
];

/**
 * The waterfall of each repeated figure against the figure it differs from, for the report.
 *
 * @returns One chart per repeated figure, shown in the section `claims`.
 * @example
 * claimCharts().map((c) => c.name); // => ['claim-1700000', 'claim-597323', 'claim-1027000']
 */
export function claimCharts(): ReportChart[] {
  return repeatedFigures.map((f) => ({
    name: f.chart,
    dataset: 'total-estimates',
    section: 'claims',
    spec: reconcileChart(reconcile(...f.against)),
  }));
}

/**
 * The section: for each repeated figure, what it is (checkClaim's explanation and verdicts) and
 * why it differs from another figure (reconcile's components, with its waterfall).
 *
 * @param charts The HTML of the section's charts (the drawings of {@link claimCharts}).
 * @param table Writes a table's files and gives their links.
 * @returns The section of the page.
 */
export function claimsSection(
  charts: ReadonlyMap<string, string>,
  table: (name: string, t: ColumnTable) => string,
): Section {
  const answers = repeatedFigures.map((f) => {
    const check = checkClaim(f.claim);
    const gap = reconcile(...f.against);
    const verdicts = from(
      check.rows
        .filter((r) => r.scope_relation === 'same')
        .map((r) => ({
          source: r.source,
          measure: r.measure,
          value: r.value,
          low: r.low,
          high: r.high,
          measure_relation: r.measure_relation,
          the_claim: verdictWords[r.verdict],
        })),
    );
    const components = from(
      gap.components.map((c) => ({
        component: c.label,
        value: c.value,
        low: c.low,
        high: c.high,
        sources: sourceNames([...new Set(c.sources)])
          .map((s) => s.name)
          .join('; '),
      })),
    );
    return [
      `<h3>"${escapeHTML(f.written)}" (written ${f.mentions} times in the documents)</h3>`,
      p(check.explanation),
      reportTable(verdicts, {
        caption: `The published figures for Yugoslavia as a whole, against ${f.written} deaths`,
      }),
      table(`${f.chart}-check`, verdicts),
      p(gap.explanation),
      charts.get(f.chart) ?? '',
      reportTable(components, {
        caption: `Why ${n(gap.from.value)} and ${n(gap.to.value)} differ`,
      }),
      table(`${f.chart}-reconcile`, components),
    ].join('\n');
  });
  return {
    id: 'claims',
    title: 'The most repeated figures: what each is, and why they differ',
    short: 'Repeated figures',
    html: [
      p(
        'The three figures the documents repeat most, each taken as a claim of deaths and ' +
          'checked against every published figure for Yugoslavia as a whole: whether it counts ' +
          'the same thing (measure), the same people (scope), and whether the number fits the ' +
          "figure's interval and rounding. Each is then set against another figure, and the " +
          'difference split into what the documents explain and what they leave unexplained. ' +
          'The answers say what each figure is and who published it, not who is right.',
      ),
      ...answers,
    ].join('\n'),
  };
}
