// The HTML of the report page: plain, printable, no script, no network.
import { escapeHTML } from '../exchange/html.js';

export const styles = `
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #d9d9de; --note: #f6f4ee; --flag: #8a3b12; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); font: 16px/1.55 "DejaVu Sans", system-ui, sans-serif; background: #fff; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 2.5rem; border-bottom: 1px solid var(--rule); padding-bottom: 1.5rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5rem; }
h2 { font-size: 1.45rem; margin: 2.8rem 0 0.4rem; padding-top: 0.6rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 1.8rem 0 0.3rem; }
p, li { max-width: 46rem; }
.lede { font-size: 1.1rem; color: var(--muted); }
nav ol { columns: 2; padding-left: 1.2rem; margin: 1rem 0 0; }
nav a, a { color: #1f4e8c; }
.kind { display: inline-block; font-size: 0.8rem; padding: 0 0.45rem; border: 1px solid var(--rule); border-radius: 0.6rem; color: var(--muted); white-space: nowrap; }
.caveats { background: var(--note); padding: 0.6rem 1rem 0.6rem 2rem; margin: 0.8rem 0; border-left: 3px solid #c9b98a; }
.caveats li { margin: 0.15rem 0; }
figure { margin: 1.2rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.85rem; color: var(--muted); }
table.ww2yc { border-collapse: collapse; margin: 0.8rem 0 0.4rem; font-size: 0.9rem; }
table.ww2yc caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
table.ww2yc th, table.ww2yc td { padding: 0.2rem 0.7rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
table.ww2yc th { border-bottom: 1.5px solid var(--ink); }
table.ww2yc .number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.ww2yc .not-reported { color: var(--muted); }
table.ww2yc td:first-child, table.ww2yc td.number { white-space: nowrap; }
.finding { color: var(--flag); font-weight: 600; }
.files { font-size: 0.85rem; color: var(--muted); }
.scroll { overflow-x: auto; }
footer { margin-top: 3rem; padding: 1.5rem; border-top: 1px solid var(--rule); font-size: 0.85rem; color: var(--muted); }
@media print { nav { display: none; } h2 { break-before: page; } figure, table { break-inside: avoid; } }
`;

/** One section of the page. */
export interface Section {
  id: string;
  title: string;
  html: string;
}

/** The whole page. */
export function page(title: string, intro: string, sections: Section[], footer: string): string {
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
<header>
<h1>${escapeHTML(title)}</h1>
${intro}
<nav aria-label="Contents"><ol>
${sections.map((s) => `<li><a href="#${s.id}">${escapeHTML(s.title)}</a></li>`).join('\n')}
</ol></nav>
</header>
<main>
${sections.map((s) => `<section id="${s.id}">\n<h2>${escapeHTML(s.title)}</h2>\n${s.html}\n</section>`).join('\n')}
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
