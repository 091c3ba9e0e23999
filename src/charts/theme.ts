// The publication theme: sizes and fonts for print, a palette that colour-blind readers can tell
// apart and that still reads in greyscale (its colours differ in lightness as well as hue).
import type { Config } from 'vega-lite';

/** The font family of every chart; the renderer ships its files (DejaVu Sans). */
export const fontFamily = 'DejaVu Sans';

/**
 * Eight colours from the Okabe–Ito palette, ordered so that neighbours differ in lightness:
 * blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, black.
 */
export const palette: readonly string[] = Object.freeze([
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#F0E442',
  '#000000',
]);

/** Point shapes in the same order, so that a category is told by shape too. */
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

/** The grey of marks that stand for "not reported". */
export const missingGrey = '#8a8a8a';

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
}

/** The Vega-Lite `config` of the theme. */
export function config(): Config {
  return {
    font: fontFamily,
    background: 'white',
    padding: 12,
    view: { stroke: null },
    title: {
      fontSize: 15,
      fontWeight: 'bold',
      subtitleFontSize: 11.5,
      subtitleColor: '#444',
      anchor: 'start',
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
    legend: {
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 'bold',
      orient: 'top',
      direction: 'horizontal',
      columns: 3,
      symbolStrokeWidth: 1.5,
      labelLimit: 700,
      columnPadding: 18,
    },
    range: { category: [...palette] },
    bar: { stroke: 'white', strokeWidth: 0.5 },
    point: { size: 70, filled: true },
    text: { fontSize: 10.5 },
  };
}
