// The columnar fromRows and fromCSV (issue 17) against the row-by-row reference
// (test/reference/fromRows.ts, the logic as it was before the rewrite): on every bundled dataset
// and on generated tables, good and bad, both give the same table (column names and order, every
// cell, nulls and qualifiers included) or the same error, word for word. Not timed.
import { readFileSync, readdirSync } from 'node:fs';
import type { ColumnTable } from 'arquero';
import { describe, expect, test } from 'vitest';
import { datasets, fromCSV, fromRows, statedTotals } from '../../src/index.js';
import * as reference from '../reference/fromRows.js';
import { benchCSV, benchRows, benchSources } from '../bench/tables.mjs';

type Row = Record<string, unknown>;
const rowsOf = (n: number): Row[] => benchRows(n).map((r) => ({ ...r }));
const csvOf = benchCSV;
const benchIds = benchSources;

/** A table's columns and cells, or the error's class and message. */
function outcome(f: () => ColumnTable): unknown {
  try {
    const t = f();
    return { columns: t.columnNames(), cells: t.columnNames().map((c) => t.array(c)) };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** Checks that the package and the reference agree on rows (fromRows) and returns the outcome. */
function sameRows(rows: unknown, options?: Parameters<typeof fromRows>[1]): unknown {
  const got = outcome(() => fromRows(rows as object[], options));
  expect(got).toEqual(outcome(() => reference.fromRows(rows as object[], options)));
  return got;
}

/** Checks that the package and the reference agree on a text (fromCSV) and returns the outcome. */
function sameCSV(text: string, options?: Parameters<typeof fromCSV>[1]): unknown {
  const got = outcome(() => fromCSV(text, options));
  expect(got).toEqual(outcome(() => reference.fromCSV(text, options)));
  return got;
}

/** CSV text of rows, quoting a cell where it needs it (the columns in the order given). */
function toText(rows: readonly Row[], names: readonly string[]): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
    return /[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${names.join(',')}\n${rows.map((r) => names.map((n) => cell(r[n])).join(',')).join('\n')}\n`;
}

/** A deterministic generator (mulberry32), so that every run checks the same tables. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const root = new URL('../../', import.meta.url);
const bundled = readdirSync(new URL('datasets/', root))
  .filter((f) => f.endsWith('.csv'))
  .map((f) => f.replace(/\.csv$/, ''));
const text = (id: string) => readFileSync(new URL(`datasets/${id}.csv`, root), 'utf8');

describe('fromCSV and fromRows give what the row-by-row reference gives', () => {
  test.each(datasets.map((id) => [id]))('the bundled dataset %s', (id) => {
    const got = sameCSV(text(id)) as { columns: string[]; cells: unknown[][] };
    expect(got.columns).toContain('qualifier'); // a table, not an error
    // and the same rows as objects, through fromRows
    const objects = reference.fromCSV(text(id)).objects();
    sameRows(objects);
    // a null where every bundled table has none: the reference and the package agree on it too
    sameRows(objects.map((o, i) => (i === 0 ? { ...o, value: null } : o)));
  });

  test('the bundled files that are not datasets (sources, stated totals, crosswalks)', () => {
    const others = bundled.filter((id) => !(datasets as readonly string[]).includes(id));
    expect(others).toEqual(expect.arrayContaining(['sources', 'stated-totals']));
    for (const id of others) sameCSV(text(id));
  });

  test('generated tables of 50 sources (dashes, ranges, lower bounds), by rows and as text', () => {
    for (const n of [50, 1000, 5000]) {
      const good = sameRows(rowsOf(n), { sources: benchIds }) as { cells: unknown[][] };
      expect(good.cells[0]).toHaveLength(n);
      expect(sameCSV(csvOf(n), { sources: benchIds })).toEqual(good);
      // with the bundled sources only, every row names an unknown source: 12 shown, the rest counted
      expect(sameRows(rowsOf(n))).toHaveProperty(
        'error',
        expect.stringMatching(new RegExp(`\\(${n} problems?\\)`)),
      );
    }
  });

  test('structure columns: ids, parts of stated totals, subsets, restatements, precision', () => {
    const rows = rowsOf(500).map(
      (r, i): Row => ({
        id: `r${i}`,
        ...r,
        part_of: null,
        subset_of: null,
        restates: null,
        precision: i % 7 === 0 ? 1000 : null,
      }),
    );
    const totals = statedTotals().objects();
    sameRows(rows, { sources: benchIds });
    sameCSV(toText(rows, Object.keys(rows[0]!)), { sources: benchIds });
    const broken = rows.map((r) => ({ ...r }));
    broken[3]!.id = 'r2'; // a repeated id
    broken[10]!.part_of = 'by-nationality-kocovik'; // an unknown whole, with a suggestion
    broken[11]!.part_of = 'my-total'; // a whole of the caller's own
    broken[20]!.subset_of = 'r19'; // a subset (larger than its whole, or not)
    broken[21]!.subset_of = 'nowhere';
    broken[22]!.restates = 'r22'; // the row itself, and a circle of one
    broken[30]!.restates = 'r31'; // a restatement of another figure
    broken[31]!.restates = 'r30'; // … and a circle of two
    broken[40]!.subset_of = 'r41';
    broken[41]!.subset_of = 'r42';
    broken[42]!.restates = 'r40'; // a circle of three, reported at its first row
    for (const options of [
      { sources: benchIds },
      { sources: benchIds, totals: [...totals, { id: 'my-total', part_of: null }] },
    ]) {
      const got = sameRows(broken, options);
      expect(got).toHaveProperty('error', expect.stringMatching(/go round in a circle/));
      sameCSV(toText(broken, Object.keys(broken[0]!)), options);
    }
    // the structure is checked only on a table with no other problem
    for (const other of [{ unit: 'people' }, { precision: 0 }]) {
      const more = broken.map((r, i) => (i === 60 ? { ...r, ...other } : r));
      expect(sameRows(more, { sources: benchIds })).toHaveProperty(
        'error',
        expect.not.stringMatching(/circle/),
      );
    }
    // circles alone (each row the same figure): each reported once, at its first row
    const same = { value: 1000, low: 1000, high: 1000, qualifier: 'exact' };
    const circles = rows.map((r) => ({ ...r }));
    const relate = (i: number, relation: string, j: number) =>
      Object.assign(circles[i]!, same, { [relation]: `r${j}` });
    relate(3, 'subset_of', 5); // a chain into a circle of two at its second row
    relate(5, 'restates', 4);
    relate(4, 'subset_of', 5);
    relate(9, 'subset_of', 8); // a circle of three, entered at its last row
    relate(8, 'restates', 7);
    relate(7, 'subset_of', 9);
    relate(12, 'restates', 11); // no circle: a chain
    relate(11, 'subset_of', 10);
    Object.assign(circles[10]!, same);
    expect(sameRows(circles, { sources: benchIds })).toHaveProperty(
      'error',
      expect.stringMatching(
        /\(2 problems\)[^]*row 5: [^]*\('r4' → 'r5' → 'r4'\)[^]*row 8: [^]*\('r7' → 'r9' → 'r8' → 'r7'\)/,
      ),
    );
    // subset_of without an id column
    const idless = rows.map((row, i) => {
      const r: Row = { ...row };
      delete r.id;
      return i === 5 ? { ...r, subset_of: 'r1' } : r;
    });
    sameRows(idless, { sources: benchIds });
  });

  test('randomly broken tables: wrong cells, dashes, ranges, at-least, repeats, hostile text', () => {
    const bad: [string, unknown][] = [
      ['value', '12,000'],
      ['value', -1],
      ['value', Number.NaN],
      ['value', Number.POSITIVE_INFINITY],
      ['value', 2 ** 53],
      ['value', 1e300],
      ['value', 0.5],
      ['value', -0],
      ['low', '–'],
      ['high', '-'],
      ['value', '69–71,000'],
      ['low', ' 12'],
      ['low', '1e3'],
      ['high', '1.'],
      ['high', '.5'],
      ['high', '9007199254740993'],
      ['high', null],
      ['low', null],
      ['value', null],
      ['qualifier', 'at-least'],
      ['qualifier', 'range'],
      ['qualifier', 'derived'],
      ['qualifier', 'not-reported'],
      ['qualifier', 'approximate'],
      ['qualifier', 'about'],
      ['qualifier', null],
      ['unit', 'percent'],
      ['unit', 'people'],
      ['measure', 'Deaths'],
      ['measure', 'deaths-'],
      ['measure', '--'],
      ['category', 'Serbia'],
      ['category', null],
      ['region', ''],
      ['source', 's1'],
      ['source', 'zerjavic'],
      ['source', 's-1'],
      ['source', ''],
      ['source', 5],
      ['label', '   '],
      ['label', '\u00a0'],
      ['label', "x\n- row 9, column 'value': forged"],
      ['label', `\u001b[31m${'x'.repeat(300)}`],
      ['note', 'a "quoted", note\r\nover lines'],
      ['note', 7],
      ['note', null],
    ];
    const draw = random(17);
    for (let t = 0; t < 60; t++) {
      const rows = rowsOf(200).map((r) => ({ ...r }));
      const mutations = 1 + Math.floor(draw() * (t % 3 === 0 ? 40 : 4));
      for (let m = 0; m < mutations; m++) {
        const i = Math.floor(draw() * rows.length);
        const [column, v] = bad[Math.floor(draw() * bad.length)]!;
        rows[i]![column] = v;
        if (draw() < 0.2) rows[(i + 1) % rows.length] = { ...rows[i]! }; // a repeated row
      }
      const names = Object.keys(rows[0]!);
      sameRows(rows, { sources: benchIds });
      sameCSV(toText(rows, names), { sources: benchIds });
    }
  });

  test('row objects of every kind: holes, arrays, prototypes, getters, missing and extra keys', () => {
    const [a, b, c] = rowsOf(50);
    class Instance {
      constructor(readonly source: string) {}
      get label() {
        return 'from the prototype';
      }
    }
    const nullProto = Object.assign(Object.create(null) as Row, b);
    const rest: Row = { ...c };
    delete rest.label;
    delete rest.source;
    const instance = Object.assign(new Instance('s1'), rest); // its label from the prototype: no value
    const cases: unknown[] = [
      [a, b, c],
      [a, nullProto, c],
      [a, instance, b],
      [a, { ...b, constructor: 'x' }, c],
      [a, { ...b, toString: 'x' }, c],
      [{ ...a, extra: 'k' }, b, { ...c, other: 'y' }],
      [{ ...a, extra: 'k' }, b, { ...c, extra: undefined }],
      [a, { ...b, unit: undefined }],
      // eslint-disable-next-line no-sparse-arrays
      [a, , c],
      [a, null, 'row', [1], c],
      [],
      [Object.defineProperty({ ...a }, 'hidden', { value: 1, enumerable: false })],
    ];
    for (const rows of cases) sameRows(rows, { sources: benchIds });
    for (const options of [{ sources: 'x' }, { totals: 5 }, { sources: [1] }] as never[])
      sameRows([a], options);
    sameRows('not rows');
  });

  test('texts of every kind: quotes, line breaks, byte-order mark, ragged rows, limits', () => {
    const header = 'source,category,measure,unit,value,low,high,qualifier,label,note';
    const line = 's1,c1,deaths,persons,10,10,10,exact,L,';
    const texts = [
      '',
      '\uFEFF',
      '\n',
      header,
      `${header}\n`,
      `\uFEFF${header}\r\n${line}\r\n`,
      `${header}\r${line}\r`,
      `${header}\n${line}`,
      `${header}\n${line}\n\n`,
      `${header}\n${line},\n`,
      `${header}\n${line.slice(0, -1)}\n`,
      `${header}\n"s1",c1,deaths,persons,"10","1""0",10,exact,"L, ""a"" b","n\nm"\n`,
      `${header}\ns1,c1,deaths,persons,10,10,10,exact,"L\n`,
      `${header}\ns1,c1,deaths,persons,10,10,10,exact,""L,x\n`,
      `${header}\ns1,c1,deaths,persons,10,10,10,exact,"""L""",x\n`,
      `${header}\ns1,c1,deaths,persons,10,10,10,exact,L"x"y,"a"b"c"\n`,
      `${header}\ns1,c1,deaths,persons,10,10,10,exact,"",""""\n`,
      `${header}\ns1,c1,deaths,persons,0010,10.0,10.00,exact,L,\n`,
      `${header}\ns1,c1,deaths,persons,1234567890123456,1234567890123456,1234567890123456,exact,L,\n`,
      `${header},${header}\n${line},${line}\n`,
      `${header},,x\n${line},,\n`,
      `source,value\ns1,1\n`,
      `${header},__proto__\n${line},x\n`,
      `${header}\n${Array.from({ length: 30 }, () => `${line},x`).join('\n')}\n`,
      `${header}\n${line}\n"s1\n`,
    ];
    for (const t of texts) sameCSV(t, { sources: benchIds });
    sameCSV(5 as never);
  });
});
