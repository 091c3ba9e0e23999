// One test per rule of the arithmetic: every public function that applies the rule, run on the
// same small table, gives one answer. The expected figures are worked out by hand in each test.
import { describe, expect, test } from 'vitest';
import {
  agreement,
  audit,
  balance,
  compare,
  fromRows,
  harmonize,
  InvalidOptionError,
  load,
  rates,
  rollup,
  spread,
} from '../../src/index.js';
import * as aq from 'arquero';
import { widen } from '../../src/analysis/intervals.js';
import { checkFigure } from '../../src/data/contract.js';
import { formatFigure } from '../../src/exchange/figure.js';
import { countOnce } from '../../src/analysis/structure.js';

const base = { unit: 'persons', note: null, restates: null };
const fig = (v: number) => ({ value: v, low: v, high: v });

describe('a rounded figure stands for ± half its precision, never below 0 (widen)', () => {
  // "about 300" deaths, rounded to the thousand: 300 − 500 = −200, but a count cannot be
  // negative, so 0; 300 + 500 = 800. Every function below reads the same 0–800.
  const rows = [
    { ...base, id: 'd', source: 'kocovic', region: 'x', measure: 'deaths', ...fig(300) },
    { ...base, id: 'b', source: 'kocovic', region: 'x', measure: 'births-deficit', ...fig(5000) },
    { ...base, id: 'e', source: 'kocovic', region: 'x', measure: 'emigration', ...fig(4000) },
    {
      ...base,
      id: 'l',
      source: 'kocovic',
      region: 'x',
      measure: 'demographic-loss',
      ...fig(10000),
    },
  ].map((r) => ({
    ...r,
    qualifier: r.id === 'd' ? 'approximate' : 'exact',
    label: r.measure,
    precision: r.id === 'd' ? 1000 : null,
  }));
  const table = () => fromRows(rows);

  test('widen itself', () => {
    expect(widen(300, 300, 1000)).toEqual({ low: 0, high: 800 });
    expect(widen(1700000, 1700000, 100000)).toEqual({ low: 1650000, high: 1750000 });
    expect(widen(300, null, 1000)).toEqual({ low: 0, high: null });
    expect(widen(null, null, 1000)).toEqual({ low: null, high: null });
    expect(widen(300, 300, null)).toEqual({ low: 300, high: 300 });
  });

  test('balance: the deaths interval is 0–800', () => {
    const row = balance({ table: table() }).object();
    expect([row.deaths_low, row.deaths_high]).toEqual([0, 800]);
    // the parts 0–800 + 5,000 + 4,000: 9,000–9,800
    expect([row.parts_low, row.parts_high]).toEqual([9000, 9800]);
  });

  test('rates: the rate interval is 0–800 per 10,000 people, per 1000: 0–80', () => {
    const population = [{ region: 'x', population: 10000, year: 1941 }];
    const row = rates(table(), population, { by: 'region', measure: 'deaths' }).object();
    expect([row.rate_low, row.rate, row.rate_high]).toEqual([0, 30, 80]);
  });

  test('audit: a stated 800 is consistent with the ~300 (its top), 801 is not', () => {
    const total = (value: number) => [
      {
        source: 'kocovic',
        measure: 'deaths',
        value,
        low: value,
        high: value,
        scope: null,
        parts: null,
      },
    ];
    const check = (value: number) => audit(table(), { totals: total(value) }).get('check', 0);
    expect(check(800)).toBe('consistent');
    expect(check(801)).toBe('inconsistent');
    expect(check(0)).toBe('consistent');
  });

  test('fromRows: a restatement of the ~300 may be anything in 0–800', () => {
    const restated = (v: number) => [
      ...rows,
      { ...rows[0]!, id: 'd2', source: 'zerjavic', ...fig(v), precision: null, restates: 'd' },
    ];
    expect(() => fromRows(restated(800))).not.toThrow();
    expect(() => fromRows(restated(0))).not.toThrow();
    expect(() => fromRows(restated(801))).toThrow(/restates/);
  });
});

describe('a restated figure counts once (countOnce): present, it is left out; absent, it stands', () => {
  // Kočović gives region x's 100 twice (the second row restates the first); Žerjavić's 100 for x
  // restates Kočović's too. So x has two figures (Kočović's 100, the 1964 list's 90), not four.
  const row = (
    id: string,
    source: string,
    region: string,
    value: number,
    restates = null as string | null,
  ) => ({
    ...base,
    id,
    source,
    region,
    measure: 'deaths',
    ...fig(value),
    qualifier: 'exact',
    label: id,
    restates,
    // the same figure given again later: another date, so not a repeated row
    date: id === 'k-x-again' ? '1990' : null,
  });
  const table = () =>
    fromRows([
      row('k-x', 'kocovic', 'x', 100),
      row('k-y', 'kocovic', 'y', 50),
      row('k-x-again', 'kocovic', 'x', 100, 'k-x'),
      row('z-x', 'zerjavic', 'x', 100, 'k-x'),
      row('z-y', 'zerjavic', 'y', 70),
      row('y-x', 'yu-1964', 'x', 90),
      row('y-y', 'yu-1964', 'y', 40),
    ]);
  // the same table with the restated row filtered out: each restatement is then the only mention
  const absent = () => table().filter((d: { id: string }) => d.id !== 'k-x');

  test('present: compare, spread, agreement and rollup count Kočović’s 100 once', () => {
    const x = compare(table(), { by: 'region', pool: 'date', baseline: 'kocovic' })
      .objects()
      .filter((r) => r.region === 'x')
      .map((r) => [r.source, r.value]);
    expect(x).toEqual([
      ['kocovic', 100],
      ['zerjavic', null],
      ['yu-1964', 90],
    ]);
    const s = spread(table(), { by: 'region', pool: 'date' }).objects()[0]!;
    expect([s.count, s.sources, s.min, s.max]).toEqual([2, 'kocovic, yu-1964', 90, 100]);
    const pair = agreement(table(), { by: 'region', pool: 'date' }).objects()[0]!;
    // kocovic and zerjavic share only y (Žerjavić's x is Kočović's, counted once)
    expect([pair.source_a, pair.source_b, pair.n]).toEqual(['kocovic', 'zerjavic', 1]);
    const k = rollup(table()).objects()[0]!;
    // 100 + 50, not 100 + 50 + 100
    expect([k.source, k.value, k.parts]).toEqual(['kocovic', 150, 2]);
    expect(k.note).toMatch(/counted once: 'k-x' given again as 'k-x-again' \(the same figure\)/);
  });

  test('absent: each restatement stands for its figure, once', () => {
    const x = compare(absent(), { by: 'region', pool: 'date', baseline: 'kocovic' })
      .objects()
      .filter((r) => r.region === 'x')
      .map((r) => [r.source, r.label, r.value]);
    expect(x).toEqual([
      ['kocovic', 'k-x-again', 100],
      ['zerjavic', 'z-x', 100],
      ['yu-1964', 'y-x', 90],
    ]);
    const s = spread(absent(), { by: 'region', pool: 'date' }).objects()[0]!;
    expect([s.count, s.sources]).toEqual([3, 'kocovic, zerjavic, yu-1964']);
    const pair = agreement(absent(), { by: 'region', pool: 'date' }).objects()[0]!;
    expect(pair.n).toBe(2);
    const k = rollup(absent()).objects()[0]!;
    expect([k.value, k.parts]).toEqual([150, 2]);
    expect(k.note).not.toMatch(/counted once/);
  });

  test('balance: a restated loss is one loss; with the original filtered out, its restatement', () => {
    const figure = (
      id: string,
      source: string,
      measure: string,
      value: number,
      restates = null as string | null,
    ) => ({
      ...base,
      id,
      source,
      measure,
      ...fig(value),
      qualifier: 'exact',
      label: id,
      restates,
    });
    const rows = [
      figure('d', 'kocovic', 'deaths', 1000),
      figure('b', 'kocovic', 'births-deficit', 300),
      figure('e', 'kocovic', 'emigration', 200),
      figure('l', 'yu-official', 'demographic-loss', 1700),
      figure('l-again', 'zerjavic', 'demographic-loss', 1700, 'l'),
    ];
    const present = balance({ table: fromRows(rows) }).objects();
    expect(present.map((r) => [r.loss_source, r.gap])).toEqual([['yu-official', -200]]);
    const alone = balance({
      table: fromRows(rows).filter((d: { id: string }) => d.id !== 'l'),
    }).objects();
    expect(alone.map((r) => [r.loss_source, r.gap])).toEqual([['zerjavic', -200]]);
  });

  test('countOnce says, for each row that counts, where else it was given', () => {
    const rows = table().objects() as { id: string; restates: string | null }[];
    const { counted, alsoGiven } = countOnce(rows);
    expect(counted.map((r) => r.id)).toEqual(['k-x', 'k-y', 'z-y', 'y-x', 'y-y']);
    expect([...alsoGiven].map(([r, again]) => [r.id, again.map((a) => a.id)])).toEqual([
      ['k-x', ['k-x-again', 'z-x']],
    ]);
  });
});

describe('what a qualifier means for value, low and high (checkFigure)', () => {
  // An 'exact' 100 whose low is 90: exact means low = value = high, so every reader refuses it,
  // naming the same column with the same words.
  const figure = { value: 100, low: 90, high: 100, qualifier: 'exact' };
  const said = "column 'low': 90, but the figure is exact; expected 100, the value";
  const row = {
    source: 'kocovic',
    region: 'x',
    measure: 'deaths',
    unit: 'persons',
    ...figure,
    label: 'x',
    note: null,
  };
  const raw = () => aq.from([row]);

  test('checkFigure itself', () => {
    expect(checkFigure(100, 90, 100, 'exact')).toMatchObject({ column: 'low' });
    expect(checkFigure(70000, 69000, 71000, 'range')).toBeNull();
    // a sum may be a lower bound below its value; a published "over 18,000" may not
    expect(checkFigure(38000, 30000, null, 'at-least')).toBeNull();
    expect(checkFigure(38000, 30000, null, 'at-least', { published: true })).toMatchObject({
      column: 'low',
    });
  });

  test('fromRows, every analysis function and formatFigure give the same answer', () => {
    expect(() => fromRows([row])).toThrow(said);
    for (const run of [
      () => rollup(raw()),
      () => compare(raw(), { by: 'region' }),
      () => spread(raw(), { by: 'region' }),
      () => agreement(raw(), { by: 'region' }),
      () => balance({ table: raw() }),
    ])
      expect(run).toThrow(said);
    expect(() => formatFigure(figure)).toThrow(said);
  });
});

describe('an option is checked in one shape: fn: option X is Y; expected …, and the nearest choice', () => {
  const shape = /^(\w+): option (\w+) is .+; expected .+\.( Did you mean '[^']+'\?)?$/;
  const nationality = () => load('by-nationality');
  const cases: [string, () => unknown, string | null][] = [
    ['rollup', () => rollup(nationality(), { missing: 'skp' as never }), 'skip'],
    ['rollup', () => rollup(nationality(), { overlap: 'alow' as never }), 'allow'],
    ['rollup', () => rollup(nationality(), { by: 'nationalty' }), 'nationality'],
    ['compare', () => compare(nationality(), { by: 'nationalty' }), 'nationality'],
    ['spread', () => spread(nationality(), { by: 'nationality', measure: 'death' }), 'deaths'],
    ['agreement', () => agreement(nationality(), { by: 'nationality', pool: 'nationalty' }), null],
    ['rates', () => rates(nationality(), [], { by: 'nationality', per: 10 as never }), null],
    ['audit', () => audit(undefined, { dataset: 'by-nationalty' as never }), 'by-nationality'],
    ['harmonize', () => harmonize(nationality(), { dimension: 'nationalty' }), 'nationality'],
  ];
  test.each(cases)('%s', (fn, run, nearest) => {
    let message = '';
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOptionError);
      message = (error as Error).message;
    }
    expect(message).toMatch(shape);
    expect(message.startsWith(`${fn}: option `)).toBe(true);
    if (nearest) expect(message).toContain(`Did you mean '${nearest}'?`);
  });
});

describe('a dash is unknown, never 0: a sum with one has no upper bound (sumParts)', () => {
  // Kočović's region x is 100, y is a dash; a stated total of 150 for his two regions.
  const row = (id: string, region: string, value: number | null) => ({
    ...base,
    id,
    source: 'kocovic',
    region,
    measure: 'deaths',
    ...(value === null ? { value: null, low: null, high: null } : fig(value)),
    qualifier: value === null ? 'not-reported' : 'exact',
    label: id,
  });
  const table = () =>
    fromRows([
      row('x', 'x', 100),
      row('y', 'y', null),
      { ...row('zx', 'x', 90), source: 'zerjavic' },
      { ...row('zy', 'y', 40), source: 'zerjavic' },
    ]);

  test('rollup and harmonize: 100 + a dash is at least 100, unbounded above, one part left out', () => {
    const k = rollup(table()).objects()[0]!;
    expect([k.value, k.low, k.high, k.qualifier, k.not_reported]).toEqual([
      100,
      100,
      null,
      'at-least',
      1,
    ]);
    const crosswalk = [
      { key: 'x', group: 'all' },
      { key: 'y', group: 'all' },
    ];
    const h = harmonize(table(), { dimension: 'region', crosswalk }).objects()[0]!;
    expect([h.value, h.low, h.high, h.qualifier, h.not_reported]).toEqual([
      100,
      100,
      null,
      'at-least',
      1,
    ]);
  });

  test('audit: a stated 150 is undetermined (the dash could hold the 50), not inconsistent', () => {
    const totals = [
      {
        source: 'kocovic',
        measure: 'deaths',
        value: 150,
        low: 150,
        high: 150,
        scope: null,
        parts: null,
      },
    ];
    const row = audit(table(), { totals }).object();
    expect([row.parts, row.parts_high, row.check]).toEqual([100, null, 'undetermined']);
  });

  test('spread, compare and agreement leave the dash out and count it, never as 0', () => {
    const y = spread(table(), { by: 'region' }).objects()[1]!;
    expect([y.count, y.not_reported, y.min]).toEqual([1, 1, 40]);
    const c = compare(table(), { by: 'region', baseline: 'zerjavic' }).objects();
    expect(c.filter((r) => r.source === 'kocovic').map((r) => [r.value, r.reported])).toEqual([
      [100, true],
      [null, false],
    ]);
    const a = agreement(table(), { by: 'region' }).object();
    expect([a.n, a.excluded]).toEqual([1, 1]);
  });
});
