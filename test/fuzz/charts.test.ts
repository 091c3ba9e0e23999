// The chart exports of the core entry (totalsChart, sourceNames) under bad input. They live in
// src/charts (not this suite's to change): what fails here is reported, not fixed.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fromRows, load } from '../../src/index.js';
import { sourceNames, totalsChart } from '../../src/charts/index.js';
import { anything, attempt, evilString, fewRuns } from './arbitraries.js';

describe('totalsChart(table, options)', () => {
  test('any table or options: a spec, or a package error', () => {
    fc.assert(
      fc.property(
        fc.oneof(anything, fc.constant(load('total-estimates')), fc.constant(load('by-status'))),
        fc.oneof(
          anything.filter((o) => o === undefined || (typeof o === 'object' && o !== null)),
          fc.record(
            { width: anything, title: anything, subtitle: anything, locale: anything },
            { requiredKeys: [] },
          ),
        ),
        (table, options) => {
          const result = attempt(() => totalsChart(table as never, options as never));
          if (result.ok) expect(JSON.stringify(result.value)).not.toMatch(/NaN|"Infinity"/);
        },
      ),
      fewRuns,
    );
  });

  // Regression: totalsChart(table, null) used to read options.width of null (a TypeError).
  test('options null throws a package error', () => {
    expect(attempt(() => totalsChart(load('total-estimates'), null as never)).ok).toBe(false);
  });

  test('a user table in the contract shape with a kind column', () => {
    fc.assert(
      fc.property(evilString, evilString, (kind, label) => {
        fc.pre(label.trim() !== '' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(kind));
        const t = fromRows([
          {
            source: 'kocovic',
            kind,
            measure: 'deaths',
            unit: 'persons',
            value: 5,
            low: 5,
            high: 5,
            qualifier: 'exact',
            label,
            note: null,
          },
        ]);
        attempt(() => totalsChart(t));
      }),
      fewRuns,
    );
  });
});

describe('sourceNames(ids)', () => {
  test('any array of ids: names, or a package error', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(evilString, anything), { maxLength: 4 }), (ids) => {
        const result = attempt(() => sourceNames(ids as string[]));
        if (result.ok) expect(result.value).toHaveLength(ids.length);
      }),
      fewRuns,
    );
  });

  // Regression: sourceNames(null) used to call null.map() (a TypeError).
  test('anything but an array throws a package error', () => {
    expect(attempt(() => sourceNames(null as never)).ok).toBe(false);
  });
});
