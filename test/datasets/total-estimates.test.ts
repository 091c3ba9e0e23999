import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { approximate, exact, range, row } from '../helpers.js';

describe('total-estimates', () => {
  test('the named list, the demographic estimates and the census bureau', () => {
    // "The total number of those killed was found to be 597,323."
    expect(row('total-estimates', { source: 'yu-1964' })).toMatchObject({ kind: 'named-list', date: '1964', ...exact(597323) });
    // "Statistician Bogoljub Kočović calculated that the actual war losses were 1,014,000."
    expect(row('total-estimates', { source: 'kocovic' })).toMatchObject({ kind: 'demographic-estimate', ...exact(1014000) });
    // "A study by Vladimir Žerjavić estimates total war related deaths at 1,027,000."
    expect(row('total-estimates', { source: 'zerjavic' })).toMatchObject({ kind: 'demographic-estimate', ...exact(1027000) });
    // "The U.S. Bureau of the Census published a report in 1954 that concluded that Yugoslav war
    //  related deaths were 1,067,000."
    expect(row('total-estimates', { source: 'us-census-1954' })).toMatchObject({ kind: 'census-bureau-estimate', date: '1954', ...exact(1067000) });
  });

  test('each dated official figure separately, the 1.7 million as demographic loss', () => {
    const official = (date: string | null) => row('total-estimates', { source: 'yu-official', date });
    // "This figure had also already been used by Marshal Tito in May 1945"
    expect(official('1945-05')).toMatchObject({ measure: 'demographic-loss', ...exact(1700000) });
    // "the figure of 1,685,000 was used by Mitar Bakić ... in August 1945"
    expect(official('1945-08')).toMatchObject({ measure: 'casualties', ...exact(1685000) });
    // "The Yugoslav Reparations Commission had also already communicated the figure of 1,706,000
    //  to the Inter-Allied Reparations Agency in Paris in late 1945."
    expect(official('1945')).toMatchObject({ measure: 'casualties', ...exact(1706000) });
    // "The Yugoslav government estimated the number of casualties to be at 1,704,000 and submitted
    //  the figure to the International Reparations Commission in 1946"
    expect(official('1946')).toMatchObject({ measure: 'casualties', ...exact(1704000) });
    // "he was ordered to estimate ... He came up with an estimated demographic (not real)
    //  population loss of 1.7 million." (Vučković, 1947)
    expect(official('1947')).toMatchObject({ measure: 'demographic-loss', ...exact(1700000) });
    // "Foreign Minister Edvard Kardelj took this figure as the real loss" (no date in the seed)
    expect(official(null)).toMatchObject({ measure: 'demographic-loss', ...exact(1700000) });
    // "An estimate of 1.7 million war related deaths was later submitted to the Allied Reparations
    //  Committee in 1948, despite it being an estimate of total demographic loss"
    expect(official('1948')).toMatchObject({ measure: 'demographic-loss', ...exact(1700000) });
  });

  test("the historians' estimates, with their qualifiers", () => {
    // "Stjepan Meštrović estimated that about 850,000 people were killed in the war."
    expect(row('total-estimates', { source: 'mestrovic' })).toMatchObject({ measure: 'killed', ...approximate(850000) });
    // "Vego cites figures from 900,000 to 1,000,000 dead." Midpoint (900,000 + 1,000,000) / 2 = 950,000.
    expect(row('total-estimates', { source: 'vego' })).toMatchObject(range(900000, 1000000));
    expect(row('total-estimates', { source: 'vego' }).value).toBe(950000);
    // "or 960,000 dead in total from the Yugoslav population out of 15 million"
    expect(row('total-estimates', { source: 'abarrow' })).toMatchObject({ kind: 'historian-estimate', ...exact(960000) });
  });

  test("holds fourteen totals: four counted or calculated, seven official, three historians'", () => {
    const kinds = load('total-estimates').objects().map((r) => r.kind);
    expect(kinds.length).toBe(4 + 7 + 3);
    expect(kinds.filter((k) => k === 'official-claim').length).toBe(7);
  });
});
