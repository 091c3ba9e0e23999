// Notes and caveats that say what the document says, no more: each checked against the document's
// words, quoted here, and (second suite) against the seed document itself.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { describe as describeDataset, sources } from '../../src/index.js';
import { row } from '../helpers.js';
import { findSeeds } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const note = (id: string) => sources().objects().find((s) => s.id === id)!.note!;

/** The document's sentences behind the four notes (seed 000, section Casualties). */
const quoted = {
  census:
    'The U.S. Bureau of the Census noted that the official Yugoslav government figure of 1.7 ' +
    'million war dead was overstated because it "was released soon after the war and was ' +
    'estimated without the benefit of a postwar census".',
  f1704000:
    'The Yugoslav government estimated the number of casualties to be at 1,704,000 and submitted ' +
    'the figure to the International Reparations Commission in 1946 without any documentation.',
  f1685000:
    'This figure had also already been used by Marshal Tito in May 1945, and the figure of ' +
    '1,685,000 was used by Mitar Bakić, secretary general of the Presidium of the Yugoslav ' +
    'government in an address to foreign correspondents in August 1945.',
  f1706000:
    'The Yugoslav Reparations Commission had also already communicated the figure of 1,706,000 ' +
    'to the Inter-Allied Reparations Agency in Paris in late 1945.',
  vuckovic:
    'was ordered to estimate the number of casualties suffered by Yugoslavia during the war',
};

describe('notes and caveats say what the document says', () => {
  test('us-census-1954: the verdict ("was overstated") and its reason, in the words quoted', () => {
    const n = note('us-census-1954');
    expect(n).toContain(
      'noted that the official Yugoslav government figure of 1.7 million war dead was ' +
        'overstated because it "was released soon after the war and was estimated without the ' +
        'benefit of a postwar census"',
    );
    // the note's words are the document's: the quoted sentence holds them
    expect(quoted.census).toContain('was overstated because it "was released soon after the war');
  });

  test('"casualties" is the word of 1,704,000 only; the other two are "the figure"', () => {
    // the document: only the 1,704,000 sentence says "casualties"
    expect(quoted.f1704000).toMatch(/casualties to be at 1,704,000/);
    expect(quoted.f1685000).not.toMatch(/casualt/);
    expect(quoted.f1706000).not.toMatch(/casualt/);
    const caveats = describeDataset('total-estimates').caveats.join(' ');
    expect(caveats).toContain(
      'Only 1,704,000 is worded "casualties" in its own sentence ("estimated the number of ' +
        'casualties to be at 1,704,000")',
    );
    expect(caveats).toContain('1,685,000 and 1,706,000 are each called "the figure"');
    // the old claim, that all three are worded "casualties", is gone
    expect(caveats).not.toMatch(/casualties, as the document words them/);
    // the measure of the two is read from the paragraph, whose words the caveat quotes
    expect(caveats).toContain(quoted.vuckovic);
    for (const [date, figure] of [
      ['1945-08', 1685000],
      ['1945', 1706000],
    ] as const) {
      const r = row('total-estimates', { source: 'yu-official', date, measure: 'casualties' });
      expect(r.value).toBe(figure);
      expect(r.note).toContain("the document calls it 'the figure'");
    }
  });

  test("yu-official: Bakić's 1,685,000 was given in an address to foreign correspondents", () => {
    const n = note('yu-official');
    expect(quoted.f1685000).toContain('in an address to foreign correspondents in August 1945');
    expect(quoted.f1685000).not.toMatch(/reparation/i);
    expect(n).toContain("Mitar Bakić's 1,685,000 'in an address to foreign correspondents");
    // no longer says every official figure was given for reparations
    expect(n).not.toMatch(/bodies for reparations/);
  });

  test('precision inferred from how the figures look is said to be inferred', () => {
    const caveats = describeDataset('by-nationality').caveats.join(' ');
    expect(caveats).toMatch(
      /Inferred precision: the 1000 of every figure of Kočović and Žerjavić .* not from a sentence of the document/,
    );
    expect(describeDataset('by-nationality').fields.find((f) => f.name === 'precision')!.description)
      .toMatch(/inferred from how the document prints the figures, not stated by it/);
  });
});

describe('relations between rows, as the words give them', () => {
  test("Slovenia's 82% is a share of the 33% civilians (subset_of)", () => {
    // "33% were civilians (of which 82% were killed by Axis powers or Slovene home guard)"
    const civilians = row('slovenia-2005', { measure: 'share', status: 'civilian', perpetrator: null });
    const killed = row('slovenia-2005', { measure: 'share', perpetrator: 'axis-or-slovene-home-guard' });
    expect([civilians.value, killed.value]).toEqual([33, 82]);
    expect(killed.subset_of).toBe(civilians.id);
    expect(killed.part_of).toBeNull(); // never stacked with the 47%, 33% and 20%
    expect(describeDataset('slovenia-2005').structure.overlaps.map((o) => [o.id, o.relation, o.of])).toContainEqual([
      killed.id,
      'subset_of',
      civilians.id,
    ]);
  });

  test('the 10,000 Croat and 2,000 Bosniak civilians abroad: one figure each, in two datasets', () => {
    // "a further 14,000 Croats died abroad; 4,000 as Partisans and 10,000 civilian victims of terror
    //  or in camps" and "while 12,000 died abroad (10,000 Croats and 2,000 Bosniaks)"
    for (const [nationality, figure] of [
      ['croats', 10000],
      ['muslims', 2000],
    ] as const) {
      const a = row('ndh-croats-bosniaks', { nationality, region: 'abroad', status: 'civilian' });
      const b = row('ndh-civilians-by-perpetrator', { nationality, region: 'abroad' });
      expect([a.value, b.value]).toEqual([figure, figure]);
      expect(a.note).toContain(`ndh-civilians-by-perpetrator's row ${b.id}`);
      expect(b.note).toContain(`ndh-croats-bosniaks' row ${a.id}`);
      expect(a.note).toContain('never add the two rows');
    }
  });
});

const seedDocuments = findSeeds(fileURLToPath(new URL('../../', import.meta.url)));
describeNeeding('notes: each sentence quoted above is in the seed', [seedDocuments], () => {
  const text = () =>
    readFileSync(new URL('../../../shared/seeds/000_acd1ab66ad03ed18.txt', import.meta.url), 'utf8');
  test.each(Object.entries(quoted))('%s', (_, sentence) => {
    expect(text()).toContain(sentence);
  });
  test('the document says nowhere how Kočović and Žerjavić rounded their figures', () => {
    expect(text()).not.toMatch(/rounded (to|off|down)|nearest (thousand|1,000)|in thousands/i);
  });
});
