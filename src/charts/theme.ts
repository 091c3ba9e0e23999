// The publication theme: sizes and fonts for print, a palette that colour-blind readers can tell
// apart and that still reads in greyscale (its colours differ in lightness as well as hue).
import type { Config } from 'vega-lite';

/** The font family of every chart; the renderer ships its files (DejaVu Sans). */
export const fontFamily = 'DejaVu Sans';

/**
 * Eight colours with a contrast of at least 3:1 on white (WCAG 2.1, 1.4.11, for marks), from the
 * Okabe–Ito palette where its colours reach that (blue 5.2:1, vermillion 3.9:1, bluish green 3.4:1,
 * reddish purple 3.1:1), darkened where they do not (orange to ochre 4.7:1), with a purple (7.6:1),
 * a dark grey (9.7:1) and a brown (7.3:1); neighbours differ in lightness as well as hue.
 */
export const palette: readonly string[] = Object.freeze([
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#9E6A00',
  '#6A3D9A',
  '#444444',
  '#8C2D04',
]);

/**
 * The colour of each source of the registry, the same in every chart: sources that appear side by
 * side (the 1964 list, Kočović, Žerjavić, A'Barrow; the military sources; the Belgrade sources)
 * differ. A source not listed takes the palette's colours in turn.
 */
export const sourceColours: Readonly<Record<string, string>> = Object.freeze({
  'yu-1964': '#0072B2',
  kocovic: '#D55E00',
  zerjavic: '#009E73',
  abarrow: '#CC79A7',
  'us-census-1954': '#9E6A00',
  'yu-official': '#6A3D9A',
  mestrovic: '#444444',
  vego: '#8C2D04',
  'slovenia-2005': '#0072B2',
  goldstein: '#D55E00',
  overmans: '#9E6A00',
  'reinecke-times-1945': '#CC79A7',
  'enc-ww2-yugoslavia-infobox': '#6A3D9A',
  'enc-ww2-yugoslavia-text': '#444444',
  'enc-belgrade-offensive-infobox': '#6A3D9A',
  'enc-belgrade-offensive-text': '#444444',
  savich: '#D55E00',
});

/**
 * The colour of each measure, the same in every chart (killed is vermillion wherever it is drawn).
 */
export const measureColours: Readonly<Record<string, string>> = Object.freeze({
  deaths: '#0072B2',
  killed: '#D55E00',
  wounded: '#009E73',
  'wounded-or-sick': '#009E73',
  missing: '#444444',
  'killed-and-missing': '#8C2D04',
  'died-of-wounds': '#8C2D04',
  casualties: '#CC79A7',
  prisoners: '#444444',
  survived: '#9E6A00',
  'demographic-loss': '#6A3D9A',
  'births-deficit': '#CC79A7',
  emigration: '#9E6A00',
});

/** The colour of each kind of source (the headline chart colours by kind). */
export const kindColours: Readonly<Record<string, string>> = Object.freeze({
  'named-list': '#0072B2',
  'demographic-estimate': '#009E73',
  'census-bureau-estimate': '#9E6A00',
  'official-claim': '#6A3D9A',
  'historian-estimate': '#D55E00',
  'military-records': '#444444',
  'encyclopedia-infobox': '#CC79A7',
  'encyclopedia-text': '#8C2D04',
  'polemical-article': '#444444',
});

/**
 * Colours for `keys` from a fixed table, distinct within the chart: a key the table lacks, or whose
 * colour another key of the chart already has, takes the first palette colour not yet used.
 */
export function coloursOf(
  keys: readonly string[],
  table: Readonly<Record<string, string>>,
): string[] {
  const used = new Set<string>();
  const wanted = keys.map((k) => table[k]);
  const out: string[] = [];
  keys.forEach((_, i) => {
    let c = wanted[i];
    if (!c || used.has(c))
      c =
        palette.find((p) => !used.has(p) && !wanted.includes(p)) ??
        palette.find((p) => !used.has(p)) ??
        palette[i % palette.length]!;
    used.add(c);
    out.push(c);
  });
  return out;
}

/** Point shapes, so that a category is told by shape too. */
export const shapes: readonly string[] = Object.freeze([
  'circle',
  'square',
  'triangle-up',
  'diamond',
  'cross',
  'triangle-down',
  'triangle-right',
  'triangle-left',
]);

/** The grey of marks and words that stand for "not reported" (4.5:1 on white). */
export const missingGrey = '#767676';

/** The smallest text size in any chart, in pixels at scale 1. */
export const textSize = 11;

/** Options every chart builder takes. */
export interface ChartOptions {
  /** Width of the plot area in pixels. Default 560 (a journal's text width at 2× for print). */
  width?: number;
  /** The title. Default: the chart's own. */
  title?: string;
  /** A subtitle under the title. Default: the chart's own. */
  subtitle?: string;
  /** A BCP 47 locale for the numbers, e.g. `'de-DE'` (1.027.000). Default `'en-US'`. */
  locale?: string;
  /**
   * Further lines for the footer, after the chart's own notes (e.g. a caveat from a row's
   * `note`). Default none.
   */
  notes?: readonly string[];
}

/** The Vega-Lite `config` of the theme. */
export function config(): Config {
  return {
    font: fontFamily,
    background: 'white',
    padding: 12,
    view: { stroke: null },
    title: {
      fontSize: 16,
      fontWeight: 'bold',
      subtitleFontSize: 12,
      subtitleColor: '#444',
      anchor: 'start',
      // from the left edge of the whole chart (its row labels too), so that a title's width is
      // the chart's width and not the plot's plus the labels'
      frame: 'bounds',
      offset: 10,
      subtitlePadding: 4,
    },
    axis: {
      labelLimit: 600,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'normal',
      titleColor: '#333',
      labelColor: '#222',
      domainColor: '#888',
      tickColor: '#888',
      gridColor: '#e6e6e6',
    },
    axisQuantitative: { tickCount: 6, labelOverlap: true, labelFlush: true },
    legend: {
      symbolOpacity: 1,
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'bold',
      orient: 'top',
      direction: 'horizontal',
      columns: 3,
      symbolSize: 90,
      symbolStrokeWidth: 1.5,
      labelLimit: 700,
      columnPadding: 18,
    },
    range: { category: [...palette] },
    bar: { stroke: 'white', strokeWidth: 0.5 },
    point: { size: 70, filled: true },
    text: { fontSize: textSize, color: '#222' },
  };
}
