// Every row of local-incidents against the sentence it was read from: the sentences are quoted
// here (so the row checks run without the seed files), and a second suite finds each quoted
// sentence, byte for byte, in its seed document in ../shared/seeds.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { describe as describeDataset, load } from '../../src/index.js';
import { approximate, atLeast, atMost, exact, range, row } from '../helpers.js';
import { findSeeds } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

/** The seed documents the rows were read from. */
const article = '000_acd1ab66ad03ed18.txt'; // 'World War II in Yugoslavia' (encyclopedia article)
const savich = '002_81f2bca7209619a9.txt'; // 'Belgrade, 1944: The Soviet Offensive' (Carl Savich)

/** Each figure's sentence, exactly as its seed prints it (Savich's has a no-break space). */
const sentences = {
  istria: [
    article,
    'In that operation 2,500 Istrians were killed among whom were Partisans and civilians ' +
      'including women, children, and elderly.',
  ],
  gudovac: [
    article,
    'The first massacre of Serbs took place on 28 April 1941 in the village of Gudovac where ' +
      'nearly 200 Serbs were rounded up and executed.',
  ],
  share: [
    article,
    'Approximately every sixth Serb living in the NDH was the victim of a massacre, meaning that ' +
      'almost every Serb from this region had a family member that was killed in the war, mostly ' +
      'by the Ustashas.',
  ],
  belgrade: [
    savich,
    'In mid-April and May, 1944, American and British bombers had leveled Belgrade and ' +
      'killed\u00a0over a thousand civilians in the city.',
  ],
  palmanova: [
    article,
    'On 5 May, in the town of Palmanova (50 km northwest of Trieste), between 2,400 and 2,800 ' +
      'members of the Serbian Volunteer Corps surrendered to the British.',
  ],
  unterbergen: [
    article,
    'On 12 May, about 2,500 additional Serbian Volunteer Corps members surrendered to the ' +
      'British at Unterbergen on the Drava River.',
  ],
} as const;

const incident = (place: string) => row('local-incidents', { place });

describe('local-incidents', () => {
  test('2,500 Istrians killed in a German operation of 1943 (exact, as printed)', () => {
    const r = incident('istria');
    expect(r).toMatchObject({
      ...exact(2500),
      source: 'enc-ww2-yugoslavia-text',
      measure: 'killed',
      unit: 'persons',
      period: '1943',
      perpetrator: 'german-forces',
      people: 'istrians',
      precision: null,
    });
    expect(r.label).toBe(
      'In that operation 2,500 Istrians were killed among whom were Partisans and civilians ' +
        'including women, children, and elderly',
    );
    expect(sentences.istria[1]).toContain(r.label);
    // "that operation": Istrien or Wolkenbruch, the document does not say; the note says so
    expect(r.note).toMatch(/does not say which of the two is meant/);
  });

  test('"nearly 200" Serbs at Gudovac: at most 200, no lower figure', () => {
    const r = incident('gudovac');
    expect(r).toMatchObject({
      ...atMost(200),
      source: 'enc-ww2-yugoslavia-text',
      measure: 'killed',
      period: '1941-04-28',
      perpetrator: 'ustase',
      people: 'serbs',
      label: 'nearly 200 Serbs were rounded up and executed',
    });
    expect(sentences.gudovac[1]).toContain(r.label);
    // the choice of qualifier for "nearly", and what it leaves out, is in the note
    expect(r.note).toMatch(/'nearly 200'.*at-most.*no qualifier for 'nearly'/);
    expect(r.note).toContain('The event initiated the wave of Ustasha violence targeting Serbs');
  });

  test('"approximately every sixth Serb living in the NDH": a share of 100 / 6 per cent', () => {
    const r = incident('ndh');
    // one in six, in per cent: 100 / 6 = 16.666…, not rounded
    expect(r).toMatchObject({
      ...approximate(100 / 6),
      source: 'enc-ww2-yugoslavia-text',
      measure: 'share',
      unit: 'percent',
      people: 'serbs-living-in-the-ndh', // the share's base
      period: null,
      perpetrator: null,
      precision: null,
      label: 'Approximately every sixth Serb living in the NDH was the victim of a massacre',
    });
    expect(r.value! * 6).toBeCloseTo(100, 12);
    expect(sentences.share[1]).toContain(r.label);
    expect(r.note).toMatch(/computed here/);
  });

  test('"over a thousand civilians" killed in Belgrade by American and British bombers', () => {
    const r = incident('belgrade');
    expect(r).toMatchObject({
      ...atLeast(1000),
      source: 'savich',
      measure: 'killed',
      period: '1944-04-to-1944-05',
      perpetrator: 'american-and-british-bombers',
      people: 'civilians',
      label:
        'American and British bombers had leveled Belgrade and killed\u00a0over a thousand ' +
        'civilians in the city',
    });
    expect(sentences.belgrade[1]).toContain(r.label);
  });

  test('the Serbian Volunteer Corps members who surrendered: prisoners, not deaths', () => {
    const palmanova = incident('palmanova');
    expect(palmanova).toMatchObject({
      ...range(2400, 2800),
      source: 'enc-ww2-yugoslavia-text',
      measure: 'prisoners',
      period: '1945-05-05',
      perpetrator: null,
      people: 'serbian-volunteer-corps-members',
      label:
        'between 2,400 and 2,800 members of the Serbian Volunteer Corps surrendered to the British',
    });
    expect(palmanova.value).toBe((2400 + 2800) / 2);
    expect(sentences.palmanova[1]).toContain(palmanova.label);
    const unterbergen = incident('unterbergen');
    expect(unterbergen).toMatchObject({
      ...approximate(2500),
      source: 'enc-ww2-yugoslavia-text',
      measure: 'prisoners',
      period: '1945-05-12',
      people: 'serbian-volunteer-corps-members',
      precision: 100, // "about 2,500": the place of its last non-zero digit
      label:
        'about 2,500 additional Serbian Volunteer Corps members surrendered to the British at ' +
        'Unterbergen on the Drava River',
    });
    expect(sentences.unterbergen[1]).toContain(unterbergen.label);
    // "additional": a further group, not among the 2,400–2,800
    expect(unterbergen.subset_of).toBeNull();
    expect(unterbergen.note).toMatch(/'additional'/);
  });

  test('six rows, none a part of another; described, with its caveats', () => {
    const table = load('local-incidents');
    expect(table.numRows()).toBe(6);
    expect(table.objects().every((r) => r.part_of === null && r.subset_of === null)).toBe(true);
    const d = describeDataset('local-incidents');
    expect(d.sources.map((s) => s.id).sort()).toEqual(['enc-ww2-yugoslavia-text', 'savich']);
    expect(d.caveats.join(' ')).toMatch(/prisoners.*not deaths/);
  });
});

const seedDocuments = findSeeds(fileURLToPath(new URL('../../', import.meta.url)));
describeNeeding('local-incidents: each sentence quoted above is in its seed', [seedDocuments], () => {
  test.each(Object.entries(sentences))('%s', (_, [file, sentence]) => {
    const text = readFileSync(new URL(`../../../shared/seeds/${file}`, import.meta.url), 'utf8');
    expect(text).toContain(sentence);
  });
});
