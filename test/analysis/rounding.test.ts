import { describe, expect, test } from 'vitest';
import { grim, readFigure } from '../../src/analysis/rounding.js';
import { InvalidOptionError } from '../../src/errors.js';

// The rounding core checked on third-party cases whose answers were published, each with the
// arithmetic that gives the answer written out (so the expected value does not come from the code).

describe('grim', () => {
  test('grim(mean, n) finds a mean reported as 11.09 with n = 21 inconsistent under round-half-up', () => {
    // The case the issue gives (GRIM's own kind of example: Brown & Heathers 2017, "The GRIM
    // test", Social Psychological and Personality Science 8(4), 363–369; the search tool did not
    // find this exact case in the paper's text). 11.09 × 21 = 232.89: 232 / 21 = 11.0476… → 11.05,
    // 233 / 21 = 11.0952… → 11.10; no whole total gives 11.09.
    const result = grim('11.09', 21, { rule: 'half-up' });
    expect(result.consistent).toBe(false);
    expect(result.totals).toEqual([]);
    expect(result.nearest).toEqual(['11.05', '11.10']);
    expect(grim('11.09', 21).consistent).toBe(false); // nor under either way of rounding a half
  });

  test("grim(mean, n) finds both means of Brown & Heathers' opening example inconsistent", () => {
    // Brown & Heathers (2017), the paper's opening (fictional) extract: "(experimental condition,
    // N = 28) ... (M = 5.19, SD = 1.34) than those in the control condition (M = 3.86,
    // SD = 1.41)", answers on a seven-point scale (control condition N = 27). 5.19 × 28 = 145.32:
    // 145 / 28 = 5.1786 → 5.18, 146 / 28 = 5.2143 → 5.21. 3.86 × 27 = 104.22: 104 / 27 = 3.8519
    // → 3.85, 105 / 27 = 3.8889 → 3.89. Neither mean can come from whole answers.
    expect(grim('5.19', 28)).toEqual({ consistent: false, totals: [], nearest: ['5.18', '5.21'] });
    expect(grim('3.86', 27)).toEqual({ consistent: false, totals: [], nearest: ['3.85', '3.89'] });
  });

  test("grim(mean, n) agrees with scrutiny's vignette: 5.27 with n = 43 is inconsistent", () => {
    // scrutiny (R package by Lukas Jung), vignette "GRIM": `grim(x = "5.27", n = 43)` #> FALSE.
    // 5.27 × 43 = 226.61: 226 / 43 = 5.2558… → 5.26, 227 / 43 = 5.2790… → 5.28.
    expect(grim('5.27', 43).consistent).toBe(false);
    expect(grim('5.27', 43).nearest).toEqual(['5.26', '5.28']);
    // and 226 / 43 rounds to 5.26, which is therefore consistent
    expect(grim('5.26', 43)).toEqual({
      consistent: true,
      totals: [226],
      nearest: ['5.26', '5.26'],
    });
  });

  test("grim(mean, n) finds The Economist's example inconsistent: 49 participants, mean 5.93", () => {
    // The Economist, 18 June 2016, "Come again", describing Brown and Heathers' test: "there were
    // 49 participants and the mean of their assessments was 5.93 ... (as in this case, where the
    // answer is 290.57), something looks wrong." 290 / 49 = 5.918… → 5.92; 291 / 49 = 5.938… → 5.94.
    expect(grim('5.93', 49).consistent).toBe(false);
    expect(grim('5.93', 49).nearest).toEqual(['5.92', '5.94']);
  });

  test('grim(mean, n) finds a mean of 3.48 from 20 die rolls impossible', () => {
    // Wikipedia, "GRIM test", Example: "the result of dividing any whole number by 20, written to
    // 2 decimal places, must be of the form X.X0 or X.X5" — 69 / 20 = 3.45, 70 / 20 = 3.50.
    expect(grim('3.48', 20).consistent).toBe(false);
    expect(grim('3.45', 20).totals).toEqual([69]);
  });

  test('grim(mean, n, { rule }) reads a half-way mean by the rounding rule', () => {
    // Wikipedia, "GRIM test", Procedure: "a mean of 1.125 may be reported as 1.12 or 1.13".
    // 9 / 8 = 1.125 exactly: half-up gives 1.13, half-down 1.12, half-even 1.12 (2 is even).
    expect(grim('1.13', 8, { rule: 'half-up' }).consistent).toBe(true);
    expect(grim('1.12', 8, { rule: 'half-up' }).consistent).toBe(false);
    expect(grim('1.12', 8, { rule: 'half-down' }).consistent).toBe(true);
    expect(grim('1.13', 8, { rule: 'half-down' }).consistent).toBe(false);
    expect(grim('1.12', 8, { rule: 'half-even' }).consistent).toBe(true);
    expect(grim('1.13', 8, { rule: 'half-even' }).consistent).toBe(false);
    expect(grim('1.12', 8).consistent).toBe(true); // 'either', Brown and Heathers' charitable reading
    expect(grim('1.13', 8).consistent).toBe(true);
  });

  test('grim(mean, n, { items }) uses the granularity 1 / (n × items) of a multi-item scale', () => {
    // 5.27 with 43 participants answering 2 items each: totals over 86; 453 / 86 = 5.2674… → 5.27.
    expect(grim('5.27', 43, { items: 2 }).consistent).toBe(true);
  });

  test('grim counts trailing zeros: "5.20" has two decimals', () => {
    // 5.2 with n = 43: 224 / 43 = 5.209… → 5.2 (one decimal); to two decimals 5.21, not 5.20.
    expect(grim('5.2', 43).consistent).toBe(true);
    expect(grim('5.20', 43).consistent).toBe(false);
  });

  test('grim refuses a mean given as a number, and a sample size that is not a whole number', () => {
    expect(() => grim(5.27 as unknown as string, 43)).toThrow(InvalidOptionError);
    expect(() => grim('5.27', 0)).toThrow(
      /grim: option n is 0; expected a whole number of 1 or more/,
    );
    expect(() => grim('5.27', 43, { rule: 'up' as never })).toThrow(/option rule is 'up'/);
  });
});

describe('readFigure', () => {
  test('readFigure reads the precision from how the figure was written, as the bundled data does', () => {
    // total-estimates: "1.7 million" has precision 100000, "1,027,000" 1000; "about 850,000" 10000;
    // slovenia-2005: "around 13,500" 100; "597,323" is exact to the person.
    expect(readFigure('1.7 million')).toEqual({ value: 1_700_000, precision: 100_000 });
    expect(readFigure('1,027,000')).toEqual({ value: 1_027_000, precision: 1000 });
    expect(readFigure('850,000')).toEqual({ value: 850_000, precision: 10_000 });
    expect(readFigure('13,500')).toEqual({ value: 13_500, precision: 100 });
    expect(readFigure('597,323')).toEqual({ value: 597_323, precision: 1 });
    expect(readFigure(1_700_000)).toEqual({ value: 1_700_000, precision: 100_000 });
    expect(readFigure('11.09')).toEqual({ value: 11.09, precision: 0.01 });
  });

  test('readFigure refuses what is not a figure', () => {
    expect(() => readFigure('1.7 millions')).toThrow(
      /readFigure: figure is '1.7 millions'; expected digits/,
    );
    expect(() => readFigure(-3)).toThrow(InvalidOptionError);
  });
});
