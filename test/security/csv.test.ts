// toCSV against formula injection (issue 26): every cell a spreadsheet could read as a formula is
// written with a leading "'", including array and object cells (written as their text) and the
// Unicode look-alikes of = + - @ behind invisible characters. Checked on the text directly; see
// the LibreOffice test beside it for what a spreadsheet makes of the file.
import { table } from 'arquero';
import { describe, expect, test } from 'vitest';
import { toCSV } from '../../src/exchange/index.js';

/** The cells of the one data row of a one-column CSV, unquoted. */
const cell = (value: unknown) => {
  const csv = toCSV(table({ x: [value] }));
  const line = csv.split('\n')[1]!;
  return line.startsWith('"') ? line.slice(1, -1).replace(/""/g, '"') : line;
};

describe('toCSV neutralizes every formula', () => {
  test("=1+1 inside an array or object cell (it was written as '=1+1', unprefixed)", () => {
    expect(cell(['=1+1'])).toBe("'=1+1");
    expect(cell([['=1+1']])).toBe("'=1+1");
    expect(cell(['=1+1', 2])).toBe("'=1+1,2");
    const object = { toString: () => '=cmd|"/c calc"!A1' };
    expect(cell(object)).toBe('\'=cmd|"/c calc"!A1');
    expect(cell(['Serbs'])).toBe('Serbs');
  });

  test('look-alikes of = + - @, as they are and after invisible characters', () => {
    const starts = ['\ufe66', '\uff1d', '\u2212', '\ufe62', '\ufe63', '\ufe6b', '\uff0b', '\uff0d'];
    const invisible = [
      '',
      ' ',
      '\u00a0', // no-break space
      '\u200b', // zero-width space
      '\u200e', // left-to-right mark
      '\u2060', // word joiner
      '\u00ad', // soft hyphen
      '\ufeff', // byte-order mark
      '\u3164', // Hangul filler
      '\ufe0f', // variation selector
      '\u{e0020}', // tag space
      '\u202e', // right-to-left override
    ];
    for (const s of [...starts, '=', '+', '-', '@'])
      for (const i of invisible) {
        const text = `${i}${i}${s}1+1`;
        expect(cell(text), JSON.stringify(text)).toBe(`'${text}`);
      }
  });

  test('text that only looks like a number or a dash stays as it is; numbers are never changed', () => {
    expect(cell('–')).toBe('–'); // en dash: how a table writes "not reported"
    expect(cell('1,200–1,400')).toBe('1,200–1,400');
    expect(cell('Serbs')).toBe('Serbs');
    expect(cell(-3)).toBe('-3');
    expect(cell(null)).toBe('');
    expect(toCSV(table({ x: [['=1']] }), { safe: false }).split('\n')[1]).toBe('=1');
  });
});
