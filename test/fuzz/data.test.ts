// The data functions under bad input: each call returns the right thing or throws a package error.
import fc from 'fast-check';
import { describe as group, expect, test } from 'vitest';
import {
  crosswalk,
  crosswalkDimensions,
  datasets,
  describe,
  load,
  sources,
  statedTotals,
  InvalidOptionError,
  UnknownIdError,
  type DatasetId,
} from '../../src/index.js';
import { cite } from '../../src/exchange/index.js';
import { anything, attempt, evilString, hugeString, quoted, runs } from './arbitraries.js';

const ids = [...datasets];
const sourceIds = sources().array('id') as string[];

group('load(id), describe(id), crosswalk(dimension) under any id', () => {
  test('an id that is not bundled throws UnknownIdError naming it; a bundled one loads', () => {
    fc.assert(
      fc.property(fc.oneof(anything, evilString, fc.constantFrom(...ids)), (id) => {
        for (const f of [load, describe] as ((id: DatasetId) => unknown)[]) {
          const outcome = attempt(() => f(id as DatasetId));
          if (ids.includes(id as DatasetId)) {
            expect(outcome.ok).toBe(true);
          } else {
            expect(outcome.ok).toBe(false);
            if (!outcome.ok) {
              expect(outcome.error).toBeInstanceOf(UnknownIdError);
              expect((outcome.error as UnknownIdError).given).toBe(id);
              if (typeof id === 'string' && id.length < 100)
                expect(outcome.error.message).toContain(quoted(id as string));
            }
          }
        }
        const c = attempt(() => crosswalk(id as 'region'));
        expect(c.ok).toBe((crosswalkDimensions as readonly unknown[]).includes(id));
        if (!c.ok) expect(c.error).toBeInstanceOf(UnknownIdError);
      }),
      runs,
    );
  });

  test('a near miss gets the nearest id as a suggestion', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ids), fc.nat(), (id, at) => {
        const typo = id.slice(0, at % id.length) + id.slice((at % id.length) + 1); // one character dropped
        const outcome = attempt(() => load(typo as DatasetId));
        if (outcome.ok) return; // dropping a character cannot make another id, but be safe
        expect((outcome.error as UnknownIdError).suggestion).toBeDefined();
        expect(outcome.error.message).toMatch(/Did you mean '/);
      }),
      runs,
    );
  });

  test('a huge id is rejected quickly, and the message shows it cut short with its length', () => {
    const start = performance.now();
    const outcome = attempt(() => load(hugeString as DatasetId));
    expect(performance.now() - start).toBeLessThan(100);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.message).toContain("'xxxxxxxxxx");
      expect(outcome.error.message).toContain('(250002 characters)');
      expect(outcome.error.message.length).toBeLessThan(1000);
    }
  });
});

group('sources(), statedTotals(), datasets, crosswalkDimensions', () => {
  test('take no arguments, and ignore any they are given', () => {
    fc.assert(
      fc.property(anything, (x) => {
        const s = attempt(() => (sources as (x: unknown) => ReturnType<typeof sources>)(x));
        const t = attempt(() =>
          (statedTotals as (x: unknown) => ReturnType<typeof statedTotals>)(x),
        );
        expect(s.ok && s.value.numRows()).toBe(sourceIds.length);
        expect(t.ok && t.value.numRows()).toBe(statedTotals().numRows());
      }),
      { numRuns: 30 },
    );
  });
});

group('describe(id)', () => {
  test('every bundled id: the rows, fields and primary key agree with what load() returns', () => {
    for (const id of ids) {
      const d = describe(id);
      const t = load(id);
      expect(d.rows).toBe(t.numRows());
      expect(d.fields.map((f) => f.name)).toEqual(t.columnNames());
      for (const f of d.fields.filter((f) => f.required))
        expect(
          t.array(f.name).every((v) => v !== null),
          `${id}.${f.name}`,
        ).toBe(true);
    }
  });
});

group('cite(id, options)', () => {
  test('an unknown source throws UnknownIdError, an unknown format InvalidOptionError; a known one cites', () => {
    fc.assert(
      fc.property(
        fc.oneof(anything, evilString, fc.constantFrom(...sourceIds)),
        fc.oneof(fc.constantFrom('text', 'bibtex', 'csl-json', undefined), anything),
        (id, format) => {
          const outcome = attempt(() => cite(id as string, { format: format as 'text' }));
          const validFormat =
            format === undefined || ['text', 'bibtex', 'csl-json'].includes(format as string);
          if (!validFormat) {
            expect(outcome.ok).toBe(false);
            if (!outcome.ok) expect(outcome.error).toBeInstanceOf(InvalidOptionError);
          } else if (!sourceIds.includes(id as string)) {
            expect(outcome.ok).toBe(false);
            if (!outcome.ok) expect(outcome.error).toBeInstanceOf(UnknownIdError);
          } else {
            expect(outcome.ok && typeof outcome.value).toBe('string');
            if (format === 'csl-json' && outcome.ok) expect(JSON.parse(outcome.value).id).toBe(id);
          }
        },
      ),
      runs,
    );
  });

  // Regression: `cite(id, null)` used to destructure null and throw a TypeError.
  test('options that are not an object (null) throw InvalidOptionError', () => {
    expect(() => cite('zerjavic', null as never)).toThrow(InvalidOptionError);
  });
});
