import { describe, expect, test } from 'vitest';
import { InvalidTableError, balance, load } from '../../src/index.js';
import { balanceChart } from '../../src/charts/index.js';

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const panels = (spec: Spec): Spec[] => spec.vconcat[0].vconcat;

describe('balanceChart(balance())', () => {
  const spec = balanceChart(balance()) as Spec;

  test('draws one waterfall per deaths estimate: deaths, the parts added on top, their sum, the loss', () => {
    // Each heading says how the sum stands against the loss of 1,700,000: 597,323 + 335,000 +
    // 660,000 = 1,592,323, 107,677 less; 1,027,000 + 995,000 = 2,022,000, 322,000 more.
    expect(panels(spec).map((p) => p.title.text)).toEqual([
      'Federal Statistical Office of Yugoslavia (1964), named list: the sum is ~107,677 less ' +
        'than the loss',
      'Kočović (1985), demographic estimate: the sum is ~309,000 more than the loss',
      'Žerjavić (1989), demographic estimate: the sum is ~322,000 more than the loss',
      'U.S. Bureau of the Census (1954), census bureau estimate: the sum is ~362,000 more than ' +
        'the loss',
      "Vego, historian's estimate: the sum is ~140,000–350,000 more than the loss",
      "A'Barrow, historian's estimate: the sum is ~255,000 more than the loss",
    ]);
    const zerjavic = panels(spec)[2]!.data.values as Spec[];
    // Each step starts where the one before it ends: 0 → 1,027,000 → 1,362,000 → 2,022,000.
    expect(zerjavic.map((d) => [d.step, d.start, d.end])).toEqual([
      ['deaths', 0, 1027000],
      ['+ births deficit', 1027000, 1027000 + 335000],
      ['+ emigration', 1362000, 1362000 + 660000],
      ['= sum of the parts', 0, 2022000],
      ['demographic loss', 0, 1700000],
    ]);
    // "about 660,000": the emigration and the sum carry the word; the intervals come from each
    // figure's rounding (see test/analysis/balance.test.ts for the arithmetic).
    expect(zerjavic.map((d) => d.text)).toEqual([
      '1,027,000',
      '+335,000',
      '+~660,000',
      '~2,022,000 (2,016,500–2,027,500)',
      // the loss as published: its rounding interval (1,650,000–1,750,000) is computed here, not
      // the government's, and is not drawn at it
      '1,700,000 (Government of Yugoslavia)',
    ]);
    expect(zerjavic[4]).toMatchObject({ low: 1700000, high: 1700000 });
    // Vego's 900,000–1,000,000: the sum's interval is drawn as a line,
    // 900,000 + 335,000 + 655,000 = 1,890,000 to 1,000,000 + 335,000 + 665,000 = 2,000,000.
    const vego = panels(spec)[4]!.data.values as Spec[];
    expect(vego[3]).toMatchObject({ low: 1890000, high: 2000000 });
    // A range is never a bar to its midpoint (950,000): the bars rise from its low, 900,000,
    // and a lighter band spans the 100,000 between low and high on the deaths and on the sum.
    expect(vego.map((d) => [d.step, d.start, d.end, d.band])).toEqual([
      ['deaths', 0, 900000, 1000000],
      ['+ births deficit', 900000, 900000 + 335000, 1235000],
      ['+ emigration', 1235000, 1235000 + 660000, 1895000],
      ['= sum of the parts', 0, 1895000, 1895000 + 100000],
      ['demographic loss', 0, 1700000, 1700000],
    ]);
    // No midpoint in the words either: 1,890,000 − 1,750,000 = 140,000 and
    // 2,000,000 − 1,650,000 = 350,000 (the loss of 1,700,000 rounded to the 100,000).
    expect(vego.map((d) => d.text).slice(0, 4)).toEqual([
      '900,000–1,000,000',
      '+335,000',
      '+~660,000',
      '~1,890,000–2,000,000',
    ]);
    expect(panels(spec)[4]!.title.text).toMatch(/~140,000–350,000 more than the loss$/);
    expect(spec.description).toContain('+140,000 to +350,000 (vego)');
    expect(panels(spec)[0]!.layer.map((l: Spec) => l.mark.type ?? l.mark)).toEqual([
      'bar',
      'bar',
      'rule',
      'rule',
      'text',
    ]);
  });

  test('says what it shows for screen readers, and where the figures come from', () => {
    expect(spec.description).toContain(
      'the sums exceed or fall short of it by −107,677 (yu-1964), +309,000 (kocovic), +322,000 (zerjavic)',
    );
    const footer = spec.vconcat[0].title.text.join(' ');
    expect(footer).toMatch(/World War II in Yugoslavia \(article text\), encyclopedia text/);
    expect(footer).toMatch(/Government of Yugoslavia, official claim/);
  });

  test('refuses a table that is not a balance', () => {
    expect(() => balanceChart(load('demographic-loss'))).toThrow(InvalidTableError);
    expect(() => balanceChart(load('demographic-loss'))).toThrow(
      /balanceChart: the table lacks 'deaths_source', 'deaths', .*; expected the result of balance\(\)\./,
    );
    expect(() => balanceChart(balance().filter(() => false))).toThrow(/has no rows to draw/);
  });
});
