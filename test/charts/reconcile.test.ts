import { describe, expect, test } from 'vitest';
import { compile } from 'vega-lite';
import { reconcile } from '../../src/analysis/reconcile.js';
import { reconcileChart } from '../../src/charts/reconcile.js';
import { InvalidTableError } from '../../src/errors.js';

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const values = (spec: Spec): Spec[] => spec.vconcat[0].data.values;

/** Compiles a spec with vega-lite, returning every warning it logs. */
function warnings(spec: object): string[] {
  const seen: string[] = [];
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => (seen.push(`error: ${m.join(' ')}`), logger),
    warn: (...m: unknown[]) => (seen.push(m.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  compile(spec as never, { logger });
  return seen;
}

describe('reconcileChart(reconcile(a, b))', () => {
  // "A study by Vladimir Žerjavić estimates total war related deaths at 1,027,000." — "The
  // demographic losses due to a 335,000 reduction in the number of births and emigration of about
  // 660,000 are not included with war casualties." — "an estimated demographic (not real)
  // population loss of 1.7 million".
  const spec = reconcileChart(
    reconcile('zerjavic-deaths', 'yu-official-1945-05-demographic-loss'),
  ) as Spec;

  test('draws a waterfall: each step starts where the one before it ended', () => {
    // 0 → 1,027,000; + 335,000 → 1,362,000; + 660,000 → 2,022,000; rounding stays; − 322,000 →
    // 1,700,000; and the loss from 0.
    expect(values(spec).map((d) => [d.kind, d.start, d.end])).toEqual([
      ['figure', 0, 1_027_000],
      ['measure', 1_027_000, 1_362_000],
      ['measure', 1_362_000, 2_022_000],
      ['rounding', 2_022_000, 2_022_000],
      ['residual', 2_022_000, 1_700_000],
      ['figure', 0, 1_700_000],
    ]);
  });

  test('draws every interval as an interval, the rounding and the residual included', () => {
    expect(values(spec).map((d) => [d.low, d.high, d.interval])).toEqual([
      [1_026_500, 1_027_500, true], // 1,027,000 to the 1,000
      [1_362_000, 1_362_000, false],
      [2_022_000, 2_022_000, false],
      [2_022_000 - 55_500, 2_022_000 + 55_500, true], // ±(50,000 + 500 + 5,000)
      [2_022_000 - 377_500, 2_022_000 - 266_500, true], // the residual −377,500 to −266,500
      [1_650_000, 1_750_000, true], // "1.7 million" to the 100,000
    ]);
    expect(values(spec).map((d) => d.text)).toEqual([
      '1,027,000 (1,026,500 to 1,027,500)',
      '+335,000',
      '+~660,000',
      '±55,500',
      '−322,000 (−377,500 to −266,500)',
      '1,700,000 (1,650,000 to 1,750,000)',
    ]);
    const marks = spec.vconcat[0].layer.map((l: Spec) => l.mark.type ?? l.mark);
    expect(marks).toEqual(['bar', 'rule', 'tick', 'point', 'point', 'text']);
  });

  test('names the figures, the residual and every source in the frame', () => {
    expect(spec.title.text).toBe('Why 1,027,000 and 1,700,000 differ');
    expect(spec.title.subtitle).toMatch(/unexplained residual −322,000$/);
    const footer = spec.vconcat[0].title.text.join(' ');
    expect(footer).toMatch(/Žerjavić \(1989\), demographic estimate/);
    expect(footer).toMatch(/Government of Yugoslavia, official claim/);
    expect(footer).toMatch(/encyclopedia text/);
  });

  test('runs an unbounded side to the edge with an arrowhead, not a cap', () => {
    const unbounded = reconcileChart(
      reconcile('yu-official-1946-casualties', 'zerjavic-deaths'),
    ) as Spec;
    const measure = values(unbounded)[1]!;
    expect(measure).toMatchObject({
      lowBound: false,
      highBound: false,
      text: 'not quantified: unbounded',
    });
  });

  test('compiles with vega-lite without a warning', () => {
    expect(warnings(spec)).toEqual([]);
    const product = reconcileChart(
      reconcile({ factors: { a: 10930, b: 0.717892 } }, { factors: { a: 16591, b: 0.825974 } }),
    );
    expect(warnings(product)).toEqual([]);
  });

  test('refuses what is not a result of reconcile()', () => {
    expect(() => reconcileChart({} as never)).toThrow(InvalidTableError);
  });
});

test('reconcileChart names its steps as its example says', () => {
  const result = reconcile('zerjavic-deaths', 'yu-official-1945-05-demographic-loss');
  expect(values(reconcileChart(result) as Spec).map((d) => d.step)).toEqual([
    'Vladimir Žerjavić (1989): 1,027,000 deaths',
    '+ births deficit',
    '+ emigration',
    '± rounding',
    '− unexplained residual',
    '= Government of Yugoslavia: 1,700,000 demographic loss',
  ]);
});

test('a body is named as in the footer: its English name, which the registry gives in brackets', () => {
  // sources.csv: author "Savezni zavod za statistiku (Federal Statistical Office of Yugoslavia)",
  // year 1964; the footer's "Sources:" line names it "Federal Statistical Office of Yugoslavia (1964)"
  const spec = reconcileChart(reconcile('yu-1964-1964-deaths', 'kocovic-deaths')) as Spec;
  expect(values(spec)[0]!.step).toBe(
    'Federal Statistical Office of Yugoslavia (1964): 597,323 deaths',
  );
  expect(JSON.stringify(spec)).not.toContain('Savezni zavod za statistiku (1964)');
  // and the same in the notes that reconcile writes (analysis), which the footer quotes
  expect(JSON.stringify(spec)).not.toContain('Savezni zavod');
  expect(JSON.stringify(spec)).toContain(
    'Federal Statistical Office of Yugoslavia (1964) is a named list',
  );
});
