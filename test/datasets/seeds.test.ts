// Every figure and label against the seed documents themselves, in ../shared/seeds: CI clones the
// project with shared/ beside it, and fails this suite without it; elsewhere it is skipped and
// listed at the end of the run. (The tests beside this one quote the seed sentences and need no
// files.)
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { datasets, load, statedTotals } from '../../src/index.js';
import { findSeeds } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const dir = new URL('../../../shared/seeds/', import.meta.url);
const seedDocuments = findSeeds(fileURLToPath(new URL('../../', import.meta.url)));
const present = Boolean(seedDocuments.found);
const seeds = present ? readdirSync(dir).map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n') : '';
const printed = (n: number) => n.toLocaleString('en-US'); // 346740 → "346,740", as the seeds print figures
/** Figures the seeds write in words: "every sixth" is one in six, in per cent 100 / 6. */
const words: Record<string, number> = { 'every sixth': 100 / 6, 'a thousand': 1000 };

describeNeeding('every figure and label against the seed documents', [seedDocuments], () => {
  type Row = { id: string; label: string; value: number | null; low: number | null; high: number | null; qualifier: string; unit: string };
  const rows: Row[] = datasets.flatMap((id) => load(id).objects().map((row) => ({ ...row, id }) as Row));

  test('every label is the words of a seed (an elision written " ... ")', () => {
    const missing = rows.filter((r) => !r.label.split(' ... ').every((part) => seeds.includes(part)));
    expect(missing.map((r) => `${r.id}: ${r.label}`)).toEqual([]);
  });

  test('every published figure is printed in a seed', () => {
    const missing: string[] = [];
    for (const r of rows) {
      const { value, low, high, qualifier, unit } = r;
      // a figure the seed writes in words, in the row's label (itself checked against the seeds above)
      const inWords = (n: number) => Object.entries(words).some(([w, x]) => x === n && r.label.includes(w));
      const shown = (n: number) => inWords(n) || seeds.includes(unit === 'percent' ? `${n}%` : printed(n));
      if (qualifier === 'range') {
        // "69–71,000": the low bound is printed in thousands before the dash; value is a midpoint computed here.
        const short = `${low! / 1000}–${printed(high!)}`;
        if (!seeds.includes(short) && !(shown(low!) && shown(high!))) missing.push(`${r.id}: ${r.label}`);
      } else {
        for (const n of [value, low, high]) if (n !== null && !shown(n)) missing.push(`${r.id}: ${r.label} (${n})`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('every stated total is printed in a seed', () => {
    const missing = statedTotals().objects().filter((t) => t.value !== null && !seeds.includes(printed(t.value)));
    expect(missing).toEqual([]);
  });
});
