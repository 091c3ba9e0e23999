// The exports: any table in, faithful text out (figures that read back to their numbers, text
// escaped), and a package error for anything that is not a table or not a valid option.
import { fromArrow, fromCSV as arqueroCSV } from 'arquero';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { load, InvalidOptionError, InvalidTableError, UnknownIdError } from '../../src/index.js';
import {
  escapeHTML,
  formatFigure,
  toArrow,
  toCSV,
  toHTML,
  toJSON,
  toLaTeX,
  toMarkdown,
} from '../../src/exchange/index.js';
import {
  anything,
  attempt,
  codeStrings,
  evilString,
  figure,
  prototypeNames,
  rawTable,
  runs,
  validTable,
} from './arbitraries.js';

/**
 * Reads CSV text with Arquero, every cell as text. The parse option has no prototype: with a plain
 * `{}` Arquero would parse a column named 'toString' with Object.prototype.toString (an Arquero bug).
 */
const readCSV = (text: string) => arqueroCSV(text, { autoType: false, parse: Object.create(null) });

const exports = { toCSV, toJSON, toArrow, toMarkdown, toLaTeX, toHTML } as const;
const textExports = { toMarkdown, toLaTeX, toHTML } as const;

describe('every export with something that is not a table', () => {
  test('throws InvalidTableError', () => {
    fc.assert(
      fc.property(
        anything.filter((x) => !(typeof x === 'object' && x !== null && 'objects' in x)),
        (x) => {
          for (const [name, f] of Object.entries(exports)) {
            const result = attempt(() => (f as (t: unknown) => unknown)(x));
            expect(result.ok, name).toBe(false);
            if (!result.ok) expect(result.error, name).toBeInstanceOf(InvalidTableError);
          }
        },
      ),
      runs,
    );
  });
});

describe('every export with an impostor: an object with objects() and columnNames() but not a table', () => {
  test('throws InvalidTableError', () => {
    const impostors = [
      { objects: () => [], columnNames: () => [] },
      { objects: () => 'not rows', columnNames: () => ['source'] },
    ];
    for (const x of impostors) {
      for (const [name, f] of Object.entries(exports))
        expect(() => (f as (t: unknown) => unknown)(x), name).toThrow(InvalidTableError);
    }
  });
});

describe('every export with a valid table', () => {
  test('JSON, Arrow and CSV give back the same rows; Markdown and LaTeX have a line per row; HTML escapes all text', () => {
    fc.assert(
      fc.property(validTable(), ({ table, rows }) => {
        expect(JSON.parse(toJSON(table))).toEqual(table.objects());
        expect(fromArrow(toArrow(table)).objects()).toEqual(table.objects());
        const cells = readCSV(toCSV(table, { safe: false })).objects();
        expect(cells.map((r) => (r as { label: string }).label)).toEqual(rows.map((r) => r.label));
        expect(toMarkdown(table).trimEnd().split('\n')).toHaveLength(rows.length + 2);
        // One line ending with \\ per row, and one for the header (longtable repeats it per page).
        const latex = toLaTeX(table, { longtable: false }).trimEnd().split('\n');
        expect(latex.filter((l) => l.endsWith(' \\\\'))).toHaveLength(rows.length + 1);
        const html = toHTML(table, { caption: '<script>globalThis.pwned = 1</script>' });
        expect(html).not.toMatch(/<script/i);
        for (const r of rows) expect(html).toContain(escapeHTML(r.label));
      }),
      runs,
    );
  });

  test('each figure in Markdown reads back to its number (en-US digits)', () => {
    fc.assert(
      fc.property(validTable(), ({ table, rows }) => {
        const lines = toMarkdown(table, { columns: ['figure'] })
          .trimEnd()
          .split('\n')
          .slice(2);
        lines.forEach((line, i) => {
          const r = rows[i]!;
          const text = line.slice(2, -2);
          const n = (s: string) => Number(s.replace(/[^\d.]/g, ''));
          if (r.qualifier === 'not-reported') expect(text).toBe('–');
          else if (r.qualifier === 'range') expect(text.split('–').map(n)).toEqual([r.low, r.high]);
          else if (r.qualifier === 'at-least') expect(n(text)).toBe(r.low);
          else expect(n(text)).toBe(r.value);
        });
      }),
      runs,
    );
  });

  test('safe CSV: no text cell or column name starts with a formula character', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(...codeStrings, ...prototypeNames.filter((p) => p !== '__proto__'), 'x'),
          { minLength: 1, maxLength: 4 },
        ),
        (names) => {
          const unique = [...new Set(names)];
          const table = rawTable([Object.fromEntries(unique.map((n) => [n, n]))], unique);
          const parsed = readCSV(toCSV(table));
          for (const name of parsed.columnNames()) expect(name).not.toMatch(/^[=+\-@\t\r]/);
          for (const v of Object.values(parsed.object(0))) expect(v).not.toMatch(/^[=+\-@\t\r]/);
          // unsafe: every name and cell exactly as it is
          const raw = readCSV(toCSV(table, { safe: false }));
          expect(raw.columnNames()).toEqual(unique);
          expect(raw.object(0)).toEqual(Object.fromEntries(unique.map((n) => [n, n])));
        },
      ),
      runs,
    );
  });
});

describe('the text exports with any options', () => {
  test('a result, or InvalidOptionError / UnknownIdError naming what was given', () => {
    const options = fc.record(
      {
        columns: fc.oneof(
          anything,
          fc.array(fc.oneof(evilString, fc.constantFrom('label', 'figure', 'source')), {
            maxLength: 3,
          }),
        ),
        locale: fc.oneof(anything, fc.constantFrom('en-US', 'de-DE', 'fr', 'not a locale!', '')),
        notes: anything,
        fractionDigits: fc.oneof(anything, fc.integer({ min: -5, max: 200 })),
        caption: fc.oneof(anything, evilString),
        className: fc.oneof(anything, evilString),
        label: fc.oneof(anything, evilString),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(options, anything), (o) => {
        for (const [name, f] of Object.entries(textExports)) {
          const result = attempt(() =>
            (f as (t: unknown, o: unknown) => string)(load('by-status'), o),
          );
          if (result.ok) {
            if (!/NaN|Infinity/.test(fc.stringify(o)))
              expect(result.value, name).not.toMatch(/NaN|Infinity/); // unless a caption says so
            continue;
          }
          expect(
            [InvalidOptionError, UnknownIdError].some((E) => result.error instanceof E),
            `${name}: ${result.error.message}`,
          ).toBe(true);
          const columns = (o as { columns?: unknown })?.columns;
          if (result.error instanceof UnknownIdError && Array.isArray(columns))
            expect(columns).toContain(result.error.given);
        }
        const csv = attempt(() => toCSV(load('by-status'), o as never));
        if (!csv.ok) expect(csv.error).toBeInstanceOf(InvalidOptionError);
      }),
      runs,
    );
  });
});

describe('formatFigure(figure, locale)', () => {
  test('a valid figure reads back to its number', () => {
    fc.assert(
      fc.property(
        figure,
        fc.constantFrom('persons', 'percent'),
        ({ value, low, high, qualifier }, unit) => {
          const text = formatFigure({ value, low, high, qualifier, unit });
          const n = (s: string) => Number(s.replace(/[^\d.]/g, ''));
          if (qualifier === 'not-reported') expect(text).toBe('–');
          else if (qualifier === 'range') expect(text.split('–').map(n)).toEqual([low, high]);
          else if (qualifier === 'at-least') expect(n(text)).toBe(low);
          else expect(n(text)).toBe(value);
          if (unit === 'percent' && qualifier !== 'not-reported') expect(text).toContain('%');
        },
      ),
      runs,
    );
  });

  test('a figure with a bad number, an unknown qualifier or no number to show throws, never prints NaN or 0', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.integer({ min: 0, max: 1e6 }),
      fc.constantFrom<unknown>(NaN, Infinity, -Infinity, '5', undefined, {}),
    );
    const qualifier = fc.oneof(
      fc.constantFrom('exact', 'approximate', 'at-least', 'range', 'not-reported', 'derived', null),
      evilString,
      anything,
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.record({ value: cell, low: cell, high: cell, qualifier }), anything),
        fc.oneof(fc.constant(undefined), anything, evilString),
        (f, locale) => {
          const result = attempt(() => formatFigure(f as never, locale as string));
          if (!result.ok) {
            expect(
              [InvalidOptionError, InvalidTableError].some((E) => result.error instanceof E),
            ).toBe(true);
            return;
          }
          expect(result.value).not.toMatch(/NaN|Infinity/);
          const { value = null, low = null } = f as { value?: unknown; low?: unknown };
          // The only number printed is one of the figure's own.
          if (result.value !== '–')
            expect(
              [value, low, (f as { high?: unknown }).high].some((x) => typeof x === 'number'),
            ).toBe(true);
        },
      ),
      runs,
    );
  });
});

describe('escapeHTML(text)', () => {
  test('escapes every character that means something in HTML; anything but a string throws InvalidOptionError', () => {
    fc.assert(
      fc.property(fc.oneof(evilString, fc.string()), (s) => {
        const out = escapeHTML(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(out.replace(/&(lt|gt|quot|#39|amp);/g, '')).not.toContain('&');
      }),
      runs,
    );
    fc.assert(
      fc.property(
        anything.filter((x) => typeof x !== 'string'),
        (x) => {
          const result = attempt(() => escapeHTML(x as string));
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error).toBeInstanceOf(InvalidOptionError);
        },
      ),
      runs,
    );
  });
});
