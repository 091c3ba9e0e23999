// Properties behind the security guarantees (README, "Security"), from the fixed seed of
// test/setup.ts: chart titles, formula-safe CSV, one-line CLI messages, safe file names, links,
// and the flattened sort formulas the renderer draws with.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { from } from 'arquero';
import { load } from '../../src/index.js';
import { toCSV } from '../../src/exchange/index.js';
import { totalsChart } from '../../src/charts/index.js';
import { oneLine } from '../../src/cli/errors.js';
import { safeFileName } from '../../src/report/write.js';
import { flattenSortIndex, isSafeLink } from '../../src/render/sandbox.js';
import { anything, attempt, fewRuns, runs } from './arbitraries.js';

describe('chart titles and subtitles', () => {
  test('anything at all (BigInt, objects, signals): a spec of plain text, or a package error', () => {
    const t = load('total-estimates');
    fc.assert(
      fc.property(
        fc.oneof(anything, fc.bigInt(), fc.constant({ signal: 'width' })),
        fc.oneof(anything, fc.bigInt()),
        (title, subtitle) => {
          const r = attempt(() => totalsChart(t, { title, subtitle } as never));
          if (!r.ok) return;
          const spec = JSON.parse(JSON.stringify(r.value)) as { title: { text: unknown } };
          expect(typeof spec.title.text).toBe('string');
        },
      ),
      fewRuns,
    );
  });
});

describe('toCSV(table) under any leading characters', () => {
  test('a cell that is =, +, - or @ after whitespace or control characters starts with a quote', () => {
    const lead = fc.string({
      unit: fc.constantFrom(' ', '\t', '\u00a0', '\u0000', '\u001f', '\u3000', '\u200b', '\ufeff'),
      maxLength: 4,
    });
    fc.assert(
      fc.property(lead, fc.constantFrom('=', '+', '-', '@'), fc.string(), (pre, sign, rest) => {
        const csv = toCSV(from([{ a: pre + sign + rest }]));
        const cell = csv.slice(2); // after the header 'a\n'
        expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
      }),
      runs,
    );
  });
});

/** Characters of a terminal line: printable ones, and controls, escapes and overrides. */
const terminalChar = fc.oneof(
  fc.string({ minLength: 1, maxLength: 1 }),
  fc.constantFrom(
    '\u001b',
    '[',
    ']',
    '\u0007',
    '\n',
    '\r',
    '\u0085',
    '\u2028',
    '\u202e',
    '\u009b',
    '\u0000',
  ),
);

describe('the command line', () => {
  test('oneLine(text): one line, no control character, at most 400 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: terminalChar, maxLength: 500 }), (text) => {
        const line = oneLine(text);
        // eslint-disable-next-line no-control-regex -- control characters are what it looks for
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
        expect(Array.from(line).length).toBeLessThanOrEqual(400);
      }),
      runs,
    );
  });
});

describe('the report', () => {
  test('safeFileName(name): letters, digits, ".", "-", "_"; never empty, hidden or climbing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), anything), (name) => {
        const safe = safeFileName(name);
        expect(safe).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,79}$/);
      }),
      runs,
    );
  });
});

describe('rendering', () => {
  test('isSafeLink: only http(s) and mailto links without control characters', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)')),
        (href) => {
          // eslint-disable-next-line no-control-regex -- control characters are what it looks for
          if (isSafeLink(href)) expect(href).toMatch(/^(https?:\/\/|mailto:)[^\s\u0000-\u001f]*$/i);
          if (/^\s*(javascript|data|vbscript|file):/i.test(href))
            expect(isSafeLink(href)).toBe(false);
        },
      ),
      runs,
    );
  });

  test('flattenSortIndex gives the index the nested conditional gives, for any list', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 2, maxLength: 30 }),
        fc.string({ maxLength: 6 }),
        (values, probe) => {
          const field = 'datum["k"]';
          const nested = `${values.map((v, i) => `${field}===${JSON.stringify(v)} ? ${i} : `).join('')}${values.length}`;
          const flat = flattenSortIndex(nested);
          expect(flat).toContain('indexof(');
          // the flat expression as JavaScript: indexof(list, x) is the list's indexOf
          const run = (expr: string, k: string) =>
            // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the expression as JavaScript, the independent means of the check
            new Function('datum', 'indexof', `return ${expr};`)({ k }, (a: unknown[], x: unknown) =>
              a.indexOf(x),
            ) as number;
          for (const k of [probe, ...values])
            expect(run(flat, k)).toBe(values.indexOf(k) < 0 ? values.length : values.indexOf(k));
        },
      ),
      runs,
    );
  });
});
