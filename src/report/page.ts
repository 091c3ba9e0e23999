// The HTML of the report page: plain, printable, no script, no network.
import { escapeHTML } from '../exchange/html.js';

export const styles = [
  '',
  ':root { --ink: #1d1d1f; --muted: #595959; --rule: #d9d9de; --note: #f6f4ee; --flag: #8a3b12; ' +
    '--link: #1f4e8c; }',
  '* { box-sizing: border-box; }',
  'html { scroll-padding-top: 3.5rem; }',
  'body { margin: 0; color: var(--ink); font: 16px/1.55 "DejaVu Sans", system-ui, sans-serif; ' +
    'background: #fff; overflow-wrap: break-word; }',
  'header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }',
  'header { padding-top: 2rem; padding-bottom: 1rem; }',
  'h1 { font-size: clamp(1.5rem, 4vw + 0.6rem, 2rem); line-height: 1.2; margin: 0 0 0.5rem; }',
  'h2 { font-size: 1.4rem; line-height: 1.25; margin: 2.6rem 0 0.4rem; padding-top: 0.6rem; ' +
    'border-top: 2px solid var(--ink); }',
  'h3 { font-size: 1.1rem; line-height: 1.3; margin: 1.8rem 0 0.3rem; }',
  'p, li { max-width: 46rem; }',
  '.lede { font-size: 1.1rem; color: var(--muted); }',
  'a { color: var(--link); }',
  '.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: 0.4rem 0.8rem; ' +
    'z-index: 3; }',
  '.skip:focus { left: 0.5rem; }',
  'nav.toc { position: sticky; top: 0; z-index: 2; background: #fff; ' +
    'border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); ' +
    'box-shadow: 0 2px 4px rgba(0, 0, 0, 0.06); }',
  'nav.toc .inner { max-width: 72rem; margin: 0 auto; padding: 0 1rem; display: flex; ' +
    'align-items: center; gap: 0.8rem; }',
  'nav.toc .label { font-weight: 700; font-size: 0.9rem; flex: none; }',
  'nav.toc ol { list-style: none; margin: 0; padding: 0.5rem 0; display: flex; ' +
    'gap: 0.4rem 1.1rem; overflow-x: auto; white-space: nowrap; scrollbar-width: thin; }',
  'nav.toc li { flex: none; max-width: none; }',
  'nav.toc a { display: inline-block; padding: 0.25rem 0; font-size: 0.9rem; }',
  '.kind { display: inline-block; font-size: 0.8rem; padding: 0 0.45rem; ' +
    'border: 1px solid var(--rule); border-radius: 0.6rem; color: var(--muted); ' +
    'white-space: nowrap; }',
  '.caveats { background: var(--note); padding: 0.6rem 1rem 0.6rem 2rem; margin: 0.8rem 0; ' +
    'border-left: 3px solid #c9b98a; }',
  '.caveats li { margin: 0.15rem 0; }',
  'figure.chart { margin: 1.4rem 0; }',
  '.chart-box { overflow-x: auto; }',
  '.chart-box:focus { outline: 2px solid var(--link); outline-offset: 2px; }',
  '.chart-box.phone { display: none; }',
  '.chart-box.phone svg { display: block; width: 100%; height: auto; }',
  '.finding-key { font-size: 1.05rem; font-weight: 600; max-width: 46rem; }',
  'footer .cite { white-space: pre-wrap; font-size: 0.8rem; background: var(--note); ' +
    'padding: 0.6rem; overflow-x: auto; }',
  '.chart-box svg { display: block; width: min(100%, calc(var(--w, 600px) * 1.2)); height: auto; }',
  'figcaption { font-size: 0.9rem; color: var(--muted); }',
  'figcaption details { margin: 0.4rem 0; }',
  'figcaption summary { cursor: pointer; color: var(--link); }',
  '.scroll { overflow-x: auto; max-width: 100%; margin: 0.8rem 0 0.4rem; }',
  '.scroll:focus { outline: 2px solid var(--link); outline-offset: 2px; }',
  'table.ww2yc { border-collapse: collapse; font-size: 0.88rem; }',
  'table.ww2yc caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }',
  'table.ww2yc th, table.ww2yc td { padding: 0.25rem 0.6rem; ' +
    'border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }',
  'table.ww2yc th { border-bottom: 1.5px solid var(--ink); }',
  'table.ww2yc .number { text-align: right; font-variant-numeric: tabular-nums; ' +
    'white-space: nowrap; }',
  'table.ww2yc th.number { white-space: normal; }',
  'table.ww2yc .not-reported { color: var(--muted); }',
  'table.ww2yc td.col-note { min-width: 13rem; max-width: 30rem; }',
  'table.ww2yc td.col-label { min-width: 10rem; max-width: 24rem; }',
  'table.ww2yc td.col-source, table.ww2yc td.col-kind, table.ww2yc td.col-dataset { ' +
    'min-width: 7.5rem; }',
  '.finding { color: var(--flag); font-weight: 600; }',
  '.files { font-size: 0.85rem; color: var(--muted); }',
  'footer { margin-top: 3rem; padding: 1.5rem 1rem; border-top: 1px solid var(--rule); ' +
    'font-size: 0.85rem; color: var(--muted); }',
  '@media (min-width: 701px) {',
  '  /* Wide screens: every entry visible, wrapped over a few lines. */',
  '  nav.toc ol { flex-wrap: wrap; white-space: normal; overflow-x: visible; }',
  '  html { scroll-padding-top: 7rem; }',
  '}',
  '@media (max-width: 700px) {',
  '  /* Charts keep their drawn size (text at 11 px) and scroll sideways, ' +
    'rather than shrink to 4 px. */',
  '  .chart-box svg { width: var(--w, 600px); max-width: none; }',
  "  /* Where the chart was drawn again at a phone's width, that drawing is shown instead. */",
  '  .has-phone .chart-box.wide { display: none; }',
  '  .has-phone .chart-box.phone { display: block; }',
  '  .has-phone .chart-box.phone svg { width: 100%; max-width: 100%; }',
  '  /* Tables reflow: each row a block, its figure first, every other cell labelled by its ' +
    "column's heading (the heading row stays for screen readers, out of sight). */",
  '  table.ww2yc, table.ww2yc tbody, table.ww2yc caption { display: block; width: 100%; }',
  '  table.ww2yc thead { position: absolute; width: 1px; height: 1px; overflow: hidden; ' +
    'clip-path: inset(50%); white-space: nowrap; }',
  '  table.ww2yc tr { display: flex; flex-direction: column; padding: 0.45rem 0; ' +
    'border-top: 1px solid var(--rule); }',
  '  table.ww2yc tbody tr:first-child { border-top: 1.5px solid var(--ink); }',
  '  table.ww2yc td { display: grid; grid-template-columns: minmax(6.5rem, 38%) minmax(0, 1fr); ' +
    'gap: 0 0.7rem; padding: 0.1rem 0; border: 0; text-align: left; white-space: normal; ' +
    'min-width: 0; max-width: none; overflow-wrap: anywhere; }',
  '  /* The label is for the eye: a screen reader has the heading (alternative text ""). */',
  '  table.ww2yc td::before { content: attr(data-label); content: attr(data-label) / ""; ' +
    'color: var(--muted); ' +
    'font-size: 0.8rem; font-weight: 400; padding-top: 0.1rem; }',
  '  table.ww2yc td.number { text-align: left; }',
  '  /* An empty cell is kept for screen readers (so cells stay under their headings), unseen. */',
  '  table.ww2yc td:empty { position: absolute; width: 1px; height: 1px; overflow: hidden; ' +
    'clip-path: inset(50%); }',
  '  table.ww2yc td.lead { order: -1; font-size: 1.15rem; font-weight: 700; }',
  '  table.ww2yc td.not-reported::after { content: "not reported"; grid-column: 2; ' +
    'font-size: 0.8rem; font-weight: 400; }',
  '  table.ww2yc td.col-note, table.ww2yc td.col-label { display: block; }',
  '  table.ww2yc td.col-note::before, table.ww2yc td.col-label::before { display: block; }',
  '}',
  '@media print { nav.toc, .skip { display: none; } h2 { break-before: page; } figure, table { ' +
    'break-inside: avoid; } .chart-box svg { max-width: 100%; } }',
  '',
].join('\n');

/** One section of the page. */
export interface Section {
  id: string;
  title: string;
  /** A short title for the navigation. Default: the title. */
  short?: string;
  html: string;
}

/** The whole page. */
export function page(title: string, intro: string, sections: Section[], footer: string): string {
  const nav =
    '<nav class="toc" aria-label="Contents"><div class="inner">' +
    '<span class="label" id="toc-label">Contents</span><ol aria-labelledby="toc-label">';
  const toc = sections
    .map((s) => `<li><a href="#${s.id}">${escapeHTML(s.short ?? s.title)}</a></li>`)
    .join('\n');
  const main = sections
    .map((s) => `<section id="${s.id}">\n<h2>${escapeHTML(s.title)}</h2>\n${s.html}\n</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHTML(title)}</title>
<link rel="icon" href="data:,">
<style>${styles}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header>
<h1>${escapeHTML(title)}</h1>
${intro}
</header>
${nav}
${toc}
</ol></div></nav>
<main id="main">
${main}
</main>
<footer>${footer}</footer>
</body>
</html>
`;
}

/** A list of caveats. */
export function caveats(items: string[]): string {
  return items.length
    ? `<ul class="caveats">${items.map((c) => `<li>${escapeHTML(c)}</li>`).join('')}</ul>`
    : '';
}

/** A paragraph of escaped text. */
export const p = (text: string, className?: string) =>
  `<p${className ? ` class="${className}"` : ''}>${escapeHTML(text)}</p>`;
