import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../src/analysis/checkClaim.js';
import { fromRows } from '../../src/index.js';
import { InvalidOptionError } from '../../src/errors.js';

// Claims taken verbatim from the document (the encyclopedia article "World War II in Yugoslavia",
// section Casualties › Yugoslav casualties), with the document's own words for what each figure is:
// - "An estimate of 1.7 million war related deaths was later submitted to the Allied Reparations
//   Committee in 1948, despite it being an estimate of total demographic loss that covered the
//   expected population if war did not break out, the number of unborn children, and losses from
//   emigration and disease."
// - "He came up with an estimated demographic (not real) population loss of 1.7 million."
// - "This figure had also already been used by Marshal Tito in May 1945"
// - "Stjepan Meštrović estimated that about 850,000 people were killed in the war."
// - "A study by Vladimir Žerjavić estimates total war related deaths at 1,027,000."
// - the table "Victims by nationality": "Serbs | 346,740 | 487,000 | 530,000".

describe('checkClaim', () => {
  test('checkClaim: "1.7 million war related deaths" resolves to the official demographic-loss figure and says the measures differ', () => {
    const check = checkClaim({ value: '1.7 million', measure: 'deaths' });
    // As written, "1.7 million" is rounded to the 100,000: it stands for 1,650,000–1,750,000.
    expect(check.claim).toMatchObject({ value: 1_700_000, low: 1_650_000, high: 1_750_000 });
    // The figure it repeats: the 1.7 million, first used by Tito in May 1945, which the document
    // calls "an estimated demographic (not real) population loss".
    expect(check.matches[0]).toBe('yu-official-1945-05-demographic-loss');
    const official = check.rows.find((r) => r.id === check.matches[0])!;
    expect(official.measure).toBe('demographic-loss');
    expect(official.number).toBe('within');
    expect(official.measure_relation).toBe('different');
    expect(official.verdict).toBe('not-comparable');
    // restates followed: the 1947 (Vučković), undated (Kardelj) and 1948 mentions are one figure
    expect(official.restated_by).toEqual([
      'yu-official-1947-demographic-loss',
      'yu-official-demographic-loss',
      'yu-official-1948-demographic-loss',
    ]);
    expect(check.rows.map((r) => r.id)).not.toContain('yu-official-1948-demographic-loss');
    // The explanation says what the figure counts, in the document's words, and that it differs.
    expect(check.explanation).toContain('demographic loss');
    expect(check.explanation).toContain(
      'the number of unborn children, and losses from emigration',
    );
    expect(check.explanation).toMatch(/not the claim's measure, so not comparable/);
    // Against the figures of deaths for Yugoslavia as a whole, the number is outside each:
    // 1,027,000 (Žerjavić) stands for 1,026,500–1,027,500, far below 1,650,000.
    const zerjavic = check.rows.find((r) => r.id === 'zerjavic-deaths')!;
    expect(zerjavic).toMatchObject({
      measure_relation: 'same',
      scope_relation: 'same',
      number: 'outside',
      verdict: 'inconsistent',
      low: 1_026_500,
      high: 1_027_500,
    });
    // neutral: the explanation names sources and measures, no judgement on who is right
    expect(check.explanation).not.toMatch(/\b(wrong|false|true|correct|overstated|lie)\b/i);
  });

  test('checkClaim: "about 850,000 people were killed" matches Meštrović, and "about" carries its rounding', () => {
    const check = checkClaim({ value: '850,000', qualifier: 'approximate', measure: 'killed' });
    // "about 850,000", rounded to the 10,000: 845,000–855,000.
    expect(check.claim).toMatchObject({ low: 845_000, high: 855_000, qualifier: 'approximate' });
    expect(check.matches).toEqual(['mestrovic-killed']);
    expect(check.rows.find((r) => r.id === 'mestrovic-killed')!.verdict).toBe('consistent');
    // killed against deaths: related measures, compared by number (Vego's 900,000–1,000,000: outside)
    const vego = check.rows.find((r) => r.id === 'vego-deaths')!;
    expect(vego.measure_relation).toBe('related');
    expect(vego.verdict).toBe('inconsistent');
  });

  test("checkClaim separates scope: a claim about Serbs is checked against the Serbs' figures, and is at most each total", () => {
    const check = checkClaim({
      value: '530,000',
      measure: 'deaths',
      scope: { nationality: 'serbs' },
    });
    const same = check.rows
      .filter((r) => r.scope_relation === 'same')
      .map((r) => [r.id, r.verdict]);
    // 346,740 (1964 list), 487,000 (Kočović) outside 525,000–535,000; 530,000 (Žerjavić) within.
    expect(same).toEqual([
      ['yu-1964-serbs-deaths', 'inconsistent'],
      ['kocovic-serbs-deaths', 'inconsistent'],
      ['zerjavic-serbs-deaths', 'consistent'],
    ]);
    // Wider figures: the totals for all Yugoslavia; 530,000 is no larger than 597,323.
    const list = check.rows.find((r) => r.id === 'yu-1964-1964-deaths')!;
    expect(list).toMatchObject({ scope_relation: 'wider', number: 'within' });
    // Slovenia's figures are not of the same scope as a claim about Serbs or about Yugoslavia
    expect(check.rows.some((r) => r.dataset === 'slovenia-2005')).toBe(false);
  });

  test('checkClaim: a part larger than its whole is outside it', () => {
    // 700,000 Serbs against the totals: larger than the 1964 list's 597,323 for all of Yugoslavia.
    const check = checkClaim({
      value: 700_000,
      measure: 'deaths',
      scope: { nationality: 'serbs' },
    });
    const list = check.rows.find((r) => r.id === 'yu-1964-1964-deaths')!;
    expect(list).toMatchObject({
      scope_relation: 'wider',
      number: 'outside',
      verdict: 'inconsistent',
    });
    expect(check.explanation).toMatch(/counts a part of what these count, yet is larger/);
  });

  test('checkClaim: "figures from 900,000 to 1,000,000 dead" (Vego) is a range, its own interval', () => {
    // "Vego cites figures from 900,000 to 1,000,000 dead." A range is not widened by how its ends
    // are written: it stands for 900,000–1,000,000, and meets Vego's row (the same range) and
    // A'Barrow's 960,000, not Kočović's 1,014,000 (1,013,500–1,014,500) nor Meštrović's ~850,000.
    const check = checkClaim({
      value: '900,000',
      high: '1,000,000',
      qualifier: 'range',
      measure: 'deaths',
    });
    expect(check.claim).toMatchObject({
      value: 950_000,
      low: 900_000,
      high: 1_000_000,
      precision: null,
    });
    expect(check.matches).toEqual(['vego-deaths', 'abarrow-deaths']);
  });

  test('checkClaim: "over" a figure is a lower bound with no upper bound', () => {
    // at least 1,020,000: Žerjavić's 1,027,000 and the Census Bureau's 1,067,000 meet it, and
    // so does the 1.7 million demographic loss (another measure); Kočović's 1,014,000 does not.
    const check = checkClaim({ value: 1_020_000, qualifier: 'at-least', measure: 'deaths' });
    expect(check.claim).toMatchObject({ low: 1_020_000, high: null });
    const deaths = check.rows.filter((r) => r.measure === 'deaths' && r.number === 'within');
    expect(deaths.map((r) => r.id)).toEqual(['zerjavic-deaths', 'us-census-1954-deaths']);
  });

  test('checkClaim against a user table: a dash is undetermined, never 0', () => {
    const table = fromRows([
      {
        id: 'a',
        source: 'kocovic',
        measure: 'deaths',
        unit: 'persons',
        value: null,
        low: null,
        high: null,
        qualifier: 'not-reported',
        label: '–',
        note: null,
      },
      {
        id: 'b',
        source: 'zerjavic',
        measure: 'deaths',
        unit: 'persons',
        value: 100,
        low: 100,
        high: 100,
        qualifier: 'exact',
        label: '100',
        note: null,
      },
    ]);
    const check = checkClaim({ value: 0, measure: 'deaths', precision: 1 }, { table });
    expect(check.rows.map((r) => [r.id, r.number])).toEqual([
      ['a', 'undetermined'],
      ['b', 'outside'],
    ]);
  });

  test('checkClaim refuses a claim without a measure, a range without its high end, an unknown qualifier', () => {
    expect(() => checkClaim({ value: 1 } as never)).toThrow(InvalidOptionError);
    expect(() => checkClaim({ value: 1, measure: 'deaths', qualifier: 'range' })).toThrow(
      /qualifier is 'range' but option high is missing/,
    );
    expect(() =>
      checkClaim({ value: 1, measure: 'deaths', qualifier: 'aproximate' as never }),
    ).toThrow(/checkClaim: option qualifier is 'aproximate'; Did you mean 'approximate'\?/);
  });
});
