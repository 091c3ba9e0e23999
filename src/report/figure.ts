// A chart on the report page: the SVG as one image with a name, its text alternative written out
// under it, and links to its files. No role on the <figure> itself: it holds a caption and links.
import { escapeHTML } from '../exchange/html.js';

/**
 * The HTML of one chart: `<figure>` with the inline SVG (as `role="img"` named by its `<title>`;
 * Vega's own roles inside it removed, since an image's parts are not read out one by one), and a
 * caption with the chart's title, its description (every figure it shows, in words), and the links
 * to its SVG and PNG files. The chart's data table follows the figure on the page.
 *
 * @param name The chart's file name, e.g. `total-estimates`.
 * @param svg The SVG text from `toSVG`.
 * @param spec The chart's spec (its `title` and `description` are read).
 * @returns The HTML of the figure.
 * @example
 * figure('by-status', svg, spec);
 * // '<figure class="chart" id="chart-by-status"><div class="chart-box" …'
 */
export function figure(
  name: string,
  svg: string,
  spec: object,
  pdf = false,
  phone?: string,
): string {
  const s = spec as { description?: string; title?: string | { text?: string | string[] } };
  const title =
    typeof s.title === 'string'
      ? s.title
      : Array.isArray(s.title?.text)
        ? s.title.text.join(' ')
        : (s.title?.text ?? name);
  const description = typeof s.description === 'string' ? s.description : title;
  const id = escapeHTML(`chart-${name}`);
  const file = escapeHTML(name);
  // The chart's own width: the page may enlarge it a little to fill the column,
  // never shrink its text on a phone.
  const width = Number(/^(?:<\?xml[^>]*>\s*)?<svg[^>]*?\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 600);
  const image = asImage(svg, id, title, `style="--w: ${width}px"`);
  // The chart drawn again at a phone's width, shown instead below 700 px (CSS, no script); where
  // there is none, the chart keeps its size and scrolls sideways in a box a keyboard can reach.
  const small = phone ? asImage(fromPrintSize(phone), `${id}-phone`, title, '') : undefined;
  const pdfLink = pdf ? ` · <a href="charts/${file}.pdf">${escapeHTML(name)}.pdf</a>` : '';
  const files =
    `<p class="files">Chart files: <a href="charts/${file}.svg">${escapeHTML(name)}.svg</a> · ` +
    `<a href="charts/${file}.png">${escapeHTML(name)}.png</a>${pdfLink}</p>`;
  const box = small
    ? `<div class="chart-box wide">${image}</div>\n<div class="chart-box phone">${small}</div>`
    : `<div class="chart-box" role="region" tabindex="0" ` +
      `aria-label="${escapeHTML(title)} (scrolls sideways on a narrow screen)">${image}</div>`;
  return [
    `<figure class="chart${small ? ' has-phone' : ''}" id="${id}">`,
    box,
    '<figcaption><details><summary>The chart in words</summary>' +
      `<p>${escapeHTML(description)}</p></details>`,
    `${files}</figcaption>`,
    '</figure>',
  ].join('\n');
}

/** An SVG as one image named by its title: Vega's own roles inside it removed. */
function asImage(svg: string, id: string, title: string, attributes: string): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/ (role|aria-roledescription|aria-label)="[^"]*"/g, '')
    .replace(
      /^<svg([^>]*)>/,
      `<svg$1 role="img" aria-labelledby="${id}-title" focusable="false" ${attributes}>` +
        `<title id="${id}-title">${escapeHTML(title)}</title>`,
    );
}

/** An SVG given a printed size (width="95mm") sized in px from its viewBox instead. */
function fromPrintSize(svg: string): string {
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) return svg;
  return svg.replace(
    /^(<svg[^>]*?)\swidth="[^"]*"\s+height="[^"]*"/,
    `$1 width="${box[1]}" height="${box[2]}"`,
  );
}
