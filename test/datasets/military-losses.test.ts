import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { approximate, atMost, exact, notReported, range, row } from '../helpers.js';

describe('military-losses', () => {
  const infobox = (belligerent: string, measure: string) =>
    row('military-losses', { source: 'enc-ww2-yugoslavia-infobox', belligerent, measure });

  test('the infobox of the article', () => {
    // "Casualties1: Germany:, 19,235–103,693 killed, 14,805 missing, Italy:, 9,065 killed,
    //  15,160 wounded, 6,306 missing, Independent State of Croatia:, 99,000 killed"
    // Midpoint (19,235 + 103,693) / 2 = 61,464.
    expect(infobox('germany', 'killed')).toMatchObject({ ...range(19235, 103693), value: 61464 });
    expect(infobox('germany', 'missing')).toMatchObject(exact(14805));
    expect(infobox('italy', 'killed')).toMatchObject(exact(9065));
    expect(infobox('italy', 'wounded')).toMatchObject(exact(15160));
    expect(infobox('italy', 'missing')).toMatchObject(exact(6306));
    expect(infobox('ndh', 'killed')).toMatchObject(exact(99000));
    // "Casualties3: Partisans:, 245,549 killed, 399,880 wounded, 31,200 died from wounds,
    //  28,925 missing, 436 dead, 1,159 wounded"
    expect(infobox('yugoslav-partisans', 'killed')).toMatchObject(exact(245549));
    expect(infobox('yugoslav-partisans', 'wounded')).toMatchObject(exact(399880));
    expect(infobox('yugoslav-partisans', 'died-of-wounds')).toMatchObject(exact(31200));
    expect(infobox('yugoslav-partisans', 'missing')).toMatchObject(exact(28925));
    expect(infobox('not-named', 'deaths')).toMatchObject(exact(436));
    expect(infobox('not-named', 'wounded')).toMatchObject(exact(1159));
  });

  test('German losses in the Balkans: the Times lists and Overmans', () => {
    // "total German casualties in the Balkans amounted to 24,000 killed and 12,000 missing, no
    //  figure being mentioned for wounded."
    const times = (measure: string) => row('military-losses', { source: 'reinecke-times-1945', measure });
    expect(times('killed')).toMatchObject({ region: 'balkans', ...exact(24000) });
    expect(times('missing')).toMatchObject({ region: 'balkans', ...exact(12000) });
    expect(times('wounded')).toMatchObject(notReported);
    // "103,693 during the course of the war, and some 11,000 who died as Yugoslav prisoners of war."
    expect(row('military-losses', { source: 'overmans', status: 'military' })).toMatchObject({ region: 'balkans', ...exact(103693) });
    expect(row('military-losses', { source: 'overmans', status: 'prisoner-of-war' })).toMatchObject(approximate(11000));
  });

  test("the article's own figures: Italians and Dapčević's units", () => {
    // "The Italians incurred 30,531 casualties during their occupation of Yugoslavia (9,065
    //  killed, 15,160 wounded, 6,306 missing)."
    const italians = (measure: string, period = 'occupation') =>
      row('military-losses', { source: 'enc-ww2-yugoslavia-text', belligerent: 'italy', measure, period });
    expect(italians('killed')).toMatchObject(exact(9065));
    expect(italians('wounded')).toMatchObject(exact(15160));
    expect(italians('missing')).toMatchObject(exact(6306));
    // "An additional 10,090 Italians died post-armistice"
    expect(italians('deaths', 'post-armistice')).toMatchObject(exact(10090));
    // "By the time Dapčević's NOV units had reached Zagreb, on 9 May 1945, they had perhaps lost as
    //  many as 36,000 dead": an upper figure, no lower one (at-most: high 36,000, low empty).
    expect(row('military-losses', { source: 'enc-ww2-yugoslavia-text', belligerent: 'yugoslav-partisans' })).toMatchObject({
      ...atMost(36000),
      label: 'they had perhaps lost as many as 36,000 dead',
      precision: 1000,
    });
    expect(load('military-losses').numRows()).toBe(12 + 5 + 5);
  });
});
