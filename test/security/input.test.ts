// Tables from anyone: bounded problems, bounded size, no quadratic path, nothing a caller gets
// back that changes the package, no forged lines in a message, formula-safe CSV.
import { describe, expect, test } from 'vitest';
import {
  InvalidOptionError,
  InvalidTableError,
  UnknownIdError,
  crosswalk,
  describe as describeDataset,
  fromCSV,
  fromRows,
  load,
  sources,
} from '../../src/index.js';
import { cite, toCSV } from '../../src/exchange/index.js';
import { kindWords, palette, shapes, totalsChart } from '../../src/charts/index.js';
import { fontFiles } from '../../src/render/index.js';
import { fromRows as arqueroRows } from './rows.js';

const contract = 'source,measure,unit,value,low,high,qualifier,label,note';
const row = (source: string) => ({
  source,
  measure: 'deaths',
  unit: 'persons',
  value: 1,
  low: 1,
  high: 1,
  qualifier: 'exact',
  label: 'L',
  note: null,
});

describe('fromCSV and fromRows: bounded size and problems', () => {
  test('text over 256 MiB is refused before parsing (a 200 MB cell ran out of memory)', () => {
    // The cap was 16 MiB until a million rows had to load (issue 17: 60 MB of a generated table);
    // the text is now read straight into columns, at most 20,000,000 cells kept. A string of
    // 2^28 characters built by doubling stays a rope: the test takes no memory for it.
    let cell = 'x';
    for (let i = 0; i < 28; i++) cell += cell;
    const text = `${contract}\nkocovic,deaths,persons,1,1,1,exact,"${cell}",\n`;
    expect(() => fromCSV(text)).toThrow(InvalidTableError);
    expect(() => fromCSV(text)).toThrow(/characters; expected at most 268435456 \(256 MiB\)/);
  });

  test('600,000 rows × 2,000 columns are refused at once (they ran for minutes, then out of memory)', () => {
    const wide = Object.fromEntries(Array.from({ length: 2000 }, (_, j) => [`c${j}`, 1]));
    // at most 20,000,000 cells since issue 17 (a million rows of 20 columns; 10,000,000 before)
    expect(() => fromRows(new Array(600_000).fill(wide))).toThrow(
      /600000 rows × 2000 columns = 1200000000 cells; expected at most 20000000/,
    );
    expect(() => fromRows(new Array(1_000_001).fill(row('kocovic')))).toThrow(
      /1000001 rows; expected at most 1000000/,
    );
  }, 15_000);

  test('1,000,001 rows of text are refused after reading, none kept past the limit', () => {
    const text = `${contract}\n${'kocovic,deaths,persons,1,1,1,exact,L,\n'.repeat(1_000_001)}`;
    expect(() => fromCSV(text)).toThrow(
      /fromCSV: the table has 1000001 rows; expected at most 1000000/,
    );
    // a malformed line after the limit is still found: the text is checked to its end
    expect(() => fromCSV(`${text}x\n`)).toThrow(
      /row 1000002 \(line 1000003\): 1 cells; expected 9/,
    );
  }, 30_000);

  test('a header of 5,000 repeated names: the first 12 problems, and the rest counted', () => {
    const text = `${contract},${Array(5000).fill('x').join(',')}\n`;
    expect(() => fromCSV(text)).toThrow(
      /the text is not a well-formed table; nothing was loaded:\n(- line 1: the column 'x' appears twice\n){12}- … and 4987 more$/,
    );
  });

  test('200,000 columns and 10,000 unknown sources finish (39 s and 120 s+ before: quadratic)', () => {
    const names = Array.from({ length: 200_000 }, (_, j) => `c${j}`);
    const wide = `${contract},${names.join(',')}\nkocovic,deaths,persons,1,1,1,exact,L,${','.repeat(200_000)}\n`;
    expect(fromCSV(wide).columnNames()).toHaveLength(200_009);
    const rows = Array.from({ length: 10_000 }, (_, i) => row(`src-${i}`));
    const known = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);
    expect(() => fromRows(rows, { sources: known })).toThrow(
      /\(10000 problems\)[\s\S]*Expected one of: user-0, user-1, [^\n]* … \(9970 more\)[\s\S]*… and 9988 more$/,
    );
  }, 30_000);

  test('a newline in a cell cannot forge a line of the message', () => {
    const forged = "x\n- row 9, column 'value': forged";
    const text = `${contract}\n"${forged}",deaths,persons,1,1,1,exact,L,\n`;
    const message = (() => {
      try {
        fromCSV(text);
      } catch (e) {
        return (e as Error).message;
      }
    })()!;
    expect(message.split('\n')).toHaveLength(2); // the heading and the one problem
    expect(message).toContain("'x\\n- row 9, column 'value': forged'");
    expect(() => fromRows([{ ...row('kocovic'), unit: forged }])).toThrow(
      /^fromRows: [^\n]*\n- row 1, column 'unit': 'x\\n- row 9[^\n]*$/,
    );
  });
});

describe('nothing a caller receives changes the package', () => {
  test("emptying a caught UnknownIdError's expected list changes nothing (it broke load, describe, audit)", () => {
    for (const call of [
      () => load('nope' as never),
      () => describeDataset('nope' as never),
      () => crosswalk('nope' as never),
      () => cite('nope'),
    ]) {
      let error: UnknownIdError | undefined;
      try {
        call();
      } catch (e) {
        error = e as UnknownIdError;
      }
      expect(error).toBeInstanceOf(UnknownIdError);
      expect(Object.isFrozen(error!.expected)).toBe(true);
      expect(() => (error!.expected as string[]).splice(0)).toThrow(TypeError);
    }
    expect(load('by-status').numRows()).toBe(5);
    expect(() => load('nope' as never)).toThrow(/Expected one of: total-estimates, by-nationality/);
    expect(sources().numRows()).toBeGreaterThan(0);
  });

  test('palette, shapes, kindWords and fontFiles are frozen (emptying fontFiles drew PNGs without text)', () => {
    for (const constant of [palette, shapes, kindWords, fontFiles]) {
      expect(Object.isFrozen(constant)).toBe(true);
    }
    expect(() => (fontFiles as string[]).splice(0)).toThrow(TypeError);
    expect(() => ((kindWords as Record<string, string>)['named-list'] = 'x')).toThrow(TypeError);
    expect(fontFiles).toHaveLength(3);
  });
});

describe('chart titles are text', () => {
  test('a title object is refused, not evaluated as a Vega expression; a BigInt is refused', () => {
    const t = load('total-estimates');
    expect(() => totalsChart(t, { title: { signal: 'width' } as never })).toThrow(
      InvalidOptionError,
    );
    expect(() => totalsChart(t, { title: 10n as never })).toThrow(/Invalid title '10n'/);
    expect(() => totalsChart(t, { subtitle: 10n as never })).toThrow(/Invalid subtitle '10n'/);
    // the given words as plain text (the title's layout, `frame`, is the chart's own)
    expect(totalsChart(t, { title: 'A', subtitle: 'B' }).title).toMatchObject({
      text: 'A',
      subtitle: 'B',
    });
  });
});

describe('toCSV is formula-safe', () => {
  test('whitespace or control characters before =, +, -, @ are neutralised too', () => {
    const cells = [' =1+1', '\u00a0=1+1', '\u0000@SUM(A1)', '\n-1', '  +1', '=1', 'plain'];
    const csv = toCSV(arqueroRows(cells.map((label) => ({ label }))));
    const expected = [
      "' =1+1",
      "'\u00a0=1+1",
      "'\u0000@SUM(A1)",
      '"\'\n-1"',
      "'  +1",
      "'=1",
      'plain',
    ];
    expect(csv).toBe(`label\n${expected.join('\n')}\n`);
  });

  test('safe must be true or false ({ safe: 0 } turned protection off)', () => {
    const t = arqueroRows([{ label: '=1' }]);
    expect(() => toCSV(t, { safe: 0 as never })).toThrow(
      /toCSV: option safe is 0; expected true or false\./,
    );
    expect(toCSV(t, { safe: false })).toBe('label\n=1\n');
  });
});
