import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { InvalidTableError, load } from '../../src/index.js';
import { fromCSV } from '../../src/index.js';

const header = 'source,nationality,measure,unit,value,low,high,qualifier,label,note';

describe('fromCSV', () => {
  test('fromCSV(text) reads the bundled CSV files exactly as load() does', () => {
    for (const id of [
      'by-nationality',
      'total-estimates',
      'military-losses',
      'ndh-civilians-by-perpetrator',
    ] as const) {
      const text = readFileSync(new URL(`../../datasets/${id}.csv`, import.meta.url), 'utf8');
      expect(fromCSV(text).objects(), id).toEqual(load(id).objects());
    }
  });

  test('fromCSV(text) parses by schema: an empty cell is null, never 0, and ids stay strings', () => {
    const text = `\uFEFF${header},date\r\nkocovic,roma,deaths,persons,,,,not-reported,Gypsies,"a dash, in the source",1964\r\nkocovic,jews,deaths,persons,60000,60000,60000,exact,"Jews ""all""","",0501\r\n`;
    const [roma, jews] = fromCSV(text).objects();
    expect(roma).toMatchObject({
      value: null,
      low: null,
      high: null,
      note: 'a dash, in the source',
      date: '1964',
    });
    expect(jews).toMatchObject({ value: 60000, label: 'Jews "all"', note: null, date: '0501' });
  });

  test('fromCSV(text) names the row, its line, the column, the value and what was expected', () => {
    const quoted = `${header}\nkocovic,serbs,deaths,persons,487000,487000,487000,exact,Serbs,\nkocovic,croats,deaths,persons,"207,000",207000,207000,exact,Croats,\n`;
    expect(() => fromCSV(quoted)).toThrow(InvalidTableError);
    expect(() => fromCSV(quoted)).toThrow(
      /row 2 \(line 3\), column 'value': '207,000'; expected a number ≥ 0 written with digits and '\.' as decimal mark, no thousands separators, or an empty cell where not reported\./,
    );
    const unquoted = `${header}\nkocovic,croats,deaths,persons,207,000,207000,207000,exact,Croats,\n`;
    expect(() => fromCSV(unquoted)).toThrow(
      /row 1 \(line 2\): 11 cells; expected 10, one per column of the header/,
    );
    const decimalComma = `${header}\nkocovic,croats,deaths,persons,1.5,1.5,"1,5",range,Croats,\n`;
    expect(() => fromCSV(decimalComma)).toThrow(/row 1 \(line 2\), column 'high': '1,5'/);
  });

  test('fromCSV(text) rejects text that is not a well-formed table', () => {
    expect(() => fromCSV('')).toThrow(
      /fromCSV: the text is empty; expected a header row and at least one row\./,
    );
    expect(() => fromCSV(`${header}\n`)).toThrow(/fromCSV: the table has no rows/);
    expect(() =>
      fromCSV(`${header},label\nkocovic,serbs,deaths,persons,1,1,1,exact,Serbs,,x\n`),
    ).toThrow(/line 1: the column 'label' appears twice/);
    expect(() => fromCSV(`${header}\nkocovic,serbs,deaths,persons,1,1,1,exact,"Serbs,\n`)).toThrow(
      /a quoted cell opened on line 2 is never closed/,
    );
    expect(() => fromCSV('source,value\nkocovic,1\n')).toThrow(
      /the table has no column 'measure', 'unit', 'low', 'high', 'qualifier', 'label', 'note'/,
    );
    // @ts-expect-error not text: fromCSV takes a string
    expect(() => fromCSV(load('by-nationality'))).toThrow(
      /fromCSV: expected the text of a CSV file/,
    );
  });
});
