// The three sources of "Victims by nationality" side by side, as published.
// Run from a clone with `npm run example` (it builds the package first).
import { describe, load, statedTotals } from 'ww2-yugoslavia-casualties';

const info = describe('by-nationality');
const sources = info.sources; // yu-1964, kocovic, zerjavic, in the order of the registry
const rows = load('by-nationality').objects();
const totals = statedTotals()
  .objects()
  .filter((t) => t.dataset === 'by-nationality');

const number = new Intl.NumberFormat('en-US');
const cell = (row) => (row.value === null ? '–' : number.format(row.value));
// The column headings of the seed's table, and what kind of figure each column holds.
const heading = { 'yu-1964': '1964 list', kocovic: 'Kočović', zerjavic: 'Žerjavić' };

const labels = [...new Set(rows.map((r) => r.label))];
const table = [
  ['Nationality', ...sources.map((s) => heading[s.id])],
  ['', ...sources.map((s) => s.kind.replace('-', ' '))],
  ...labels.map((label) => [
    label,
    ...sources.map((s) => cell(rows.find((r) => r.source === s.id && r.label === label))),
  ]),
  [
    'Sum of the rows',
    ...sources.map((s) =>
      number.format(
        rows.filter((r) => r.source === s.id).reduce((sum, r) => sum + (r.value ?? 0), 0),
      ),
    ),
  ],
  [
    'Total as published',
    ...sources.map((s) => number.format(totals.find((t) => t.source === s.id).value)),
  ],
];

const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) =>
  row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(`${info.title}\n`);
table.forEach((row, i) => {
  if (i === 2 || i === table.length - 2) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  console.log(line(row));
});
console.log(
  '\n– = not reported by the source (a dash in the table), not zero; the sum of the rows leaves those out.',
);
for (const caveat of info.caveats.slice(0, 4)) console.log(`· ${caveat}`);
console.log('\nSources:');
for (const s of sources)
  console.log(
    `  ${s.id}: ${[s.author, s.title, s.year].filter(Boolean).join(', ')}. Read from ${s.cited_via}.`,
  );
