import { describe, expect, test } from 'vitest';
import {
  InvalidOptionError,
  InvalidTableError,
  SharesNotAddedError,
  load,
} from '../../src/index.js';
import { fromRows, rollup } from '../../src/index.js';
import { atLeast, dash, exact, range, row, sources } from './fixtures.js';

describe('rollup', () => {
  test('rollup(byNationality) sums each source, leaving dashes out and counting them', () => {
    const totals = rollup(load('by-nationality')).objects();
    expect(totals.map((r) => r.source)).toEqual(['yu-1964', 'kocovic', 'zerjavic']);
    // 346,740 + 83,257 + 42,027 + 16,276 + 6,724 + 32,300 + 3,241 + 45,000 + 2,680 + 1,160 + 686 + 16,202 = 596,293;
    // dashes: Other Slavs, Gypsies, Germans, Others.
    // The four dashes could hold any number: the sum is at least 596,293, with no upper bound.
    expect(totals[0]).toMatchObject({
      value: 596293,
      low: 596293,
      high: null,
      qualifier: 'at-least',
      parts: 12,
      not_reported: 4,
      whole: 'by-nationality-yu-1964',
    });
    expect(totals[0]!.note).toMatch(
      /not reported, left out \(not taken as 0\), so the sum is a lower bound with no upper bound: 'Other Slavs', 'Gypsies', 'Germans', 'Others'/,
    );
    // 487 + 207 + 32 + 50 + 7 + 86 + 12 + 6 + 60 + 27 + 26 + 14 = 1,014 thousand
    expect(totals[1]).toMatchObject({ value: 1014000, parts: 12, not_reported: 4 });
  });

  test('rollup(table, { by }) adds lows to the low and highs to the high', () => {
    // Žerjavić, Croats in the NDH: 69–71,000 (NDH armed forces) + 43–46,000 (Partisans) + 60–64,000 (civilians)
    const croats = rollup(load('ndh-croats-bosniaks'), { by: ['nationality', 'region'] })
      .objects()
      .find((r) => r.nationality === 'croats' && r.region === 'ndh')!;
    expect(croats).toMatchObject({
      value: 176500, // 70,000 + 44,500 + 62,000 (the midpoints)
      // each bound rounded to the thousand (precision 1000), so widened by 500 before it is added
      low: 170500, // 68,500 + 42,500 + 59,500
      high: 182500, // 71,500 + 46,500 + 64,500
      qualifier: 'derived',
      parts: 3,
    });
    expect(croats.note).toBe(
      "derived: the sum of '69–71,000 Croats died as members of the NDH armed forces' + '43–46,000 as members of the Yugoslav Partisans' + '60–64,000 as civilians, in direct terror and in camps'",
    );
  });

  test('rollup(table, { by }) makes a sum with an at-least part at-least, unbounded above', () => {
    // Chetniks: 18,000+ Croats and 20,000+ Bosniaks → 38,000 or more; each rounded to the
    // thousand, so the bound is 17,500 + 19,500 = 37,000.
    const chetniks = rollup(load('ndh-civilians-by-perpetrator'), {
      by: 'perpetrator',
    }).objects()[0]!;
    expect(chetniks).toMatchObject({
      perpetrator: 'chetniks',
      value: 38000,
      low: 37000,
      high: null,
      qualifier: 'at-least',
      label: '18,000+ Croats + 20,000+ Bosniaks',
    });
    const mixed = fromRows(
      [
        row('a', 'x', exact(100)),
        row('a', 'x', range(10, 20), { extra: 'two' }),
        row('a', 'x', atLeast(5), { extra: 'three' }),
      ],
      { sources },
    );
    // 100 + 15 + 5 = 120; low 100 + 10 + 5 = 115; high unbounded.
    expect(rollup(mixed, { by: 'category' }).object()).toMatchObject({
      value: 120,
      low: 115,
      high: null,
      qualifier: 'at-least',
      parts: 3,
    });
  });

  test('rollup(table, { by }) keeps a group of one row as published', () => {
    const republics = rollup(load('by-republic-zerjavic'), { by: 'region' }).objects();
    const published = load('by-republic-zerjavic').objects();
    expect(republics).toHaveLength(7);
    republics.forEach((r, i) => {
      const { value, low, high, qualifier, label, note } = published[i]!;
      expect(r).toMatchObject({
        value,
        low,
        high,
        qualifier,
        label,
        note,
        parts: 1,
        not_reported: 0,
      });
    });
  });

  test('rollup(table, { by }) never adds different sources or measures', () => {
    expect(rollup(load('by-nationality'), { by: 'nationality' }).numRows()).toBe(48); // 16 × 3, unchanged
    expect(
      rollup(load('by-location-1964'))
        .objects()
        .map((r) => [r.measure, r.value]),
    ).toEqual([
      ['deaths', 597333], // 177,045 + 194,749 + 19,076 + 16,903 + 40,791 + 97,728 + 7,927 + 41,370 + 1,744
      ['survived', 509849], // 49,242 + 106,220 + 32,374 + 14,136 + 101,929 + 123,818 + 13,960 + 65,957 + 2,213
    ]);
  });

  test('rollup(table, { by }) gives a group with no reported part null, not 0', () => {
    const table = fromRows(
      [row('a', 'x', dash), row('a', 'x', dash, { extra: 'two' }), row('a', 'y', exact(7))],
      { sources },
    );
    const [x, y] = rollup(table, { by: 'category' }).objects();
    expect(x).toMatchObject({
      value: null,
      low: null,
      high: null,
      qualifier: 'not-reported',
      parts: 0,
      not_reported: 2,
    });
    expect(y).toMatchObject({ value: 7, qualifier: 'exact', parts: 1, not_reported: 0 });
  });

  test("rollup(table, { missing: 'fail' }) throws on a part that is not reported", () => {
    expect(() => rollup(load('by-nationality'), { missing: 'fail' })).toThrow(InvalidTableError);
    expect(() => rollup(load('by-nationality'), { missing: 'fail' })).toThrow(
      /the row 'Other Slavs' \(source 'yu-1964', measure 'deaths'\) is not reported; with missing: 'fail'/,
    );
    expect(rollup(load('by-republic-zerjavic'), { missing: 'fail' }).object()).toMatchObject({
      value: 1017000,
    }); // nothing missing: 316 + 273 + 271 + 33 + 27 + 17 + 80
  });

  test('rollup(table, options) rejects bad options', () => {
    expect(() => rollup(load('by-nationality'), { by: 'nation' })).toThrow(InvalidOptionError);
    expect(() => rollup(load('by-nationality'), { by: 'nation' })).toThrow(
      /rollup: option by is 'nation'.*Did you mean 'nationality'\?/,
    );
    // @ts-expect-error not a policy
    expect(() => rollup(load('by-nationality'), { missing: 'zero' })).toThrow(
      /rollup: option missing is 'zero'; expected 'skip' or 'fail'\./,
    );
  });
});

describe('rollup only adds parts of one whole (the structure columns)', () => {
  test('Slovenia: the 89,404 and the ~75,000 within it are not added (no more 164,404)', () => {
    // "The number of victims was set at 89,404" and "counting only the number of deaths up to May
    // 1945 ... around 75,000": the second is a subset of the first; 89,404 + 75,000 = 164,404
    // counts the same people twice.
    const slovenia = load('slovenia-2005');
    expect(() => rollup(slovenia)).toThrow(InvalidTableError);
    expect(() => rollup(slovenia)).toThrow(
      /rollup: the group source 'slovenia-2005', measure 'deaths', unit 'persons' would add 'slovenia-2005-1941-to-may-1945-deaths' to 'slovenia-2005-1941-1945-and-post-war-deaths', but 'slovenia-2005-1941-to-may-1945-deaths' is a subset of 'slovenia-2005-1941-1945-and-post-war-deaths'/,
    );
    // Asked for explicitly, the sum is made, and its note says what it adds.
    const counts = slovenia.filter((d) => d.unit === 'persons');
    const forced = rollup(counts, { overlap: 'allow' })
      .objects()
      .find((r) => r.measure === 'deaths' && r.source === 'slovenia-2005')!;
    expect(forced.value).toBe(164404);
    expect(forced.note).toMatch(/with overlap: 'allow', it adds .* is a subset of/);
    // The shares 47% + 33% + 20% of the casualties during the war are parts of one whole; the
    // 82% ("33% were civilians (of which 82% ...)") is a share of the civilians, its people among
    // the 33%'s (subset_of), so it is never added to them (no more 182%).
    const shares = slovenia.filter((d) => d.measure === 'share');
    expect(() => rollup(shares)).toThrow(
      /would add 'slovenia-2005-civilian-axis-or-slovene-home-guard-1941-1945-share' to 'slovenia-2005-civilian-1941-1945-share', but .* is a subset of 'slovenia-2005-civilian-1941-1945-share'/,
    );
    // The three shares declared parts of one whole have one base: their sum is a check against
    // 100 % (47 + 33 + 20 = 100, the document's three shares of the casualties during the war).
    expect(rollup(shares.filter((d) => d.part_of !== null)).object()).toMatchObject({
      value: 100,
      whole: 'slovenia-2005-shares-during-the-war',
    });
    // With overlap: 'allow', the structure no longer stops 47 % + 33 % + 20 % + 82 % = 182 %; the
    // rule of shares does (a share is not a count; the 82 % is of another base, the civilians).
    expect(() => rollup(slovenia, { overlap: 'allow' })).toThrow(SharesNotAddedError);
    expect(() => rollup(shares, { overlap: 'allow' })).toThrow(
      /^rollup: would add the shares '47% percent of casualties during the war were partisans' \+ '33% were civilians' \+ .* \(unit 'percent'\) to each other; expected counts: a share is not a count/,
    );
    // one share alone is no sum: kept as published
    expect(
      rollup(
        shares.filter((d) => d.status === 'partisan'),
        { overlap: 'allow' },
      ).object(),
    ).toMatchObject({ value: 47, unit: 'percent', qualifier: 'exact' });
  });

  test('the four mentions of the official 1.7 million are one figure, not 6,800,000', () => {
    const mentions = load('total-estimates').filter((d) => d.measure === 'demographic-loss');
    expect(mentions.numRows()).toBe(4);
    // Three mentions restate Tito's of May 1945 (restates): the figure counts once, 1,700,000,
    // as published, and the note says where else it was given.
    const once = rollup(mentions).object();
    expect([once.value, once.qualifier, once.parts]).toEqual([1700000, 'exact', 1]);
    expect(once.note).toMatch(
      /counted once: 'yu-official-1945-05-demographic-loss' given again as 'yu-official-1947-demographic-loss', 'yu-official-demographic-loss', 'yu-official-1948-demographic-loss' \(the same figure\)$/,
    );
    // With the restatements filtered out, the same figure remains.
    const alone = rollup(mentions.filter((d) => d.restates === null)).object();
    expect([alone.value, alone.qualifier, alone.parts]).toEqual([1700000, 'exact', 1]);
  });

  test('NDH civilians: the 12,000 abroad are never added into the total in the NDH', () => {
    const civilians = load('ndh-civilians-by-perpetrator');
    // One sum over every row would mix the NDH with abroad: refused, naming the abroad whole.
    expect(() => rollup(civilians)).toThrow(
      /parts of different wholes \(.*'ndh-civilians-abroad'\) that are not parts of one larger whole/,
    );
    // By region: in the NDH 18,000+ + 20,000+ + 17,000 + 7,000 + 14,000 + 2,000 + 7,000 + 4,000 +
    // 5,000 + 3,000 = at least 97,000; abroad 10,000 + 2,000 = 12,000, apart, each rounded to
    // the thousand: high 10,500 + 2,500 = 13,000.
    const byRegion = rollup(civilians, { by: 'region' }).objects();
    expect(byRegion.map((r) => [r.region, r.value, r.high, r.whole])).toEqual([
      ['ndh', 97000, null, 'ndh-civilians-in-ndh'],
      ['abroad', 12000, 13000, 'ndh-civilians-abroad'],
    ]);
  });

  test('Serbs in the NDH: the eight parts, Sajmište’s "further 20,000" included, come to 322,000', () => {
    // 82,000 + 23,000 + 78,000 + 45,000 + 15,000 + 34,000 + 25,000 + 20,000 = 322,000; each
    // rounded to the thousand (± 500), so the interval is 322,000 ± 8 × 500 = 318,000–326,000.
    expect(rollup(load('ndh-serbs')).object()).toMatchObject({
      value: 322000,
      low: 318000,
      high: 326000,
      parts: 8,
      whole: 'ndh-serbs-zerjavic',
    });
  });

  test('rows declared parts of no whole are not added together; a table without structure is', () => {
    const military = load('military-losses').filter((d) => d.source === 'reinecke-times-1945');
    expect(() => rollup(military, { by: 'belligerent' })).not.toThrow(); // one row per measure
    const infobox = load('military-losses').filter(
      (d) => d.source === 'enc-ww2-yugoslavia-infobox' && d.measure === 'killed',
    );
    expect(() => rollup(infobox)).toThrow(/none of its rows is declared a part of a whole/);
    expect(rollup(infobox, { by: 'belligerent' }).numRows()).toBe(4);
    // A user's table without the structure columns: added as given.
    const plain = fromRows([row('a', 'x', exact(1)), row('a', 'y', exact(2))], { sources });
    expect(rollup(plain).get('value', 0)).toBe(3);
    expect(rollup(plain).columnNames()).not.toContain('whole');
  });

  test('rollup(table, { overlap }) rejects a bad option', () => {
    // @ts-expect-error not a policy
    expect(() => rollup(load('by-status'), { overlap: 'yes' })).toThrow(
      /rollup: option overlap is 'yes'; expected 'refuse' .* or 'allow'/,
    );
  });
});
