import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from 'arquero';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError, InvalidTableError, UnknownIdError } from '../../src/index.js';
import { captureHistories } from '../../src/estimate/index.js';
import { seeded as mulberry32 } from '../../src/estimate/random.js';

type Row = { region: string; pattern: number; count: number };

describe('captureHistories', () => {
  test('captureHistories(records, { lists }) counts each history, zeros included', () => {
    // Four people: on a and b; on a only; on b only; on a and b again.
    const records = table({ a: [true, true, false, 1], b: [true, false, true, 1] });
    expect(captureHistories(records, { lists: ['a', 'b'] }).objects()).toEqual([
      { a: true, b: false, pattern: 1, count: 1 },
      { a: false, b: true, pattern: 2, count: 1 },
      { a: true, b: true, pattern: 3, count: 2 },
    ]);
  });

  test('captureHistories(counts) sums a count table by history, and keeps strata apart', () => {
    const counts = table({
      region: ['x', 'x', 'y', 'x'],
      a: [1, 0, 1, 1],
      b: [0, 1, 1, 0],
      count: [3, 4, 5, 6],
    });
    const h = captureHistories(counts, {
      lists: ['a', 'b'],
      strata: ['region'],
    }).objects() as Row[];
    // x: history 1 = 3 + 6 = 9, history 2 = 4, history 3 = 0; y: only history 3 = 5.
    expect(h.map((r) => [r.region, r.pattern, r.count])).toEqual([
      ['x', 1, 9],
      ['x', 2, 4],
      ['x', 3, 0],
      ['y', 1, 0],
      ['y', 2, 0],
      ['y', 3, 5],
    ]);
  });

  test('a record on no list, an empty list, a missing value and bad options are named', () => {
    const t = table({ a: [true, false], b: [true, false] });
    expect(() => captureHistories(t, { lists: ['a', 'b'] })).toThrow(InvalidTableError);
    expect(() => captureHistories(t, { lists: ['a', 'b'] })).toThrow(
      /Row 2 is on none of the lists a, b/,
    );
    const empty = table({ a: [true, true], b: [false, false] });
    expect(() => captureHistories(empty, { lists: ['a', 'b'] })).toThrow(
      /List 'b' holds no record/,
    );
    const missing = table({ a: [true, null], b: [true, true] });
    expect(() => captureHistories(missing, { lists: ['a', 'b'] })).toThrow(
      /Row 2, list column 'a': null/,
    );
    const counted = table({ a: [0, 1], b: [0, 1], count: [2, 5] });
    expect(() => captureHistories(counted, { lists: ['a', 'b'] })).toThrow(
      /2 records are on none of the lists/,
    );
    expect(() => captureHistories(t, { lists: ['a', 'c'] })).toThrow(UnknownIdError);
    expect(() => captureHistories(t, { lists: ['a'] })).toThrow(InvalidOptionError);
    expect(() => captureHistories(t, { lists: ['a', 'a'] })).toThrow(/names a list twice/);
  });

  test('a million generated records give the same counts in DuckDB (GROUP BY) as here', async () => {
    const rows = 1_000_000;
    const random = mulberry32(15);
    const a = new Uint8Array(rows);
    const b = new Uint8Array(rows);
    const c = new Uint8Array(rows);
    const d = new Uint8Array(rows);
    const region = new Array<string>(rows);
    const lines = ['a,b,c,d,region'];
    for (let i = 0; i < rows; i++) {
      do {
        a[i] = random() < 0.3 ? 1 : 0;
        b[i] = random() < 0.5 ? 1 : 0;
        c[i] = random() < 0.2 ? 1 : 0;
        d[i] = random() < 0.4 ? 1 : 0;
      } while (!(a[i]! | b[i]! | c[i]! | d[i]!));
      region[i] = random() < 0.5 ? 'north' : 'south';
      lines.push(`${a[i]},${b[i]},${c[i]},${d[i]},${region[i]}`);
    }
    const file = join(mkdtempSync(join(tmpdir(), 'ww2yc-duckdb-')), 'records.csv');
    writeFileSync(file, lines.join('\n'));
    const ours = captureHistories(table({ a, b, c, d, region }), {
      lists: ['a', 'b', 'c', 'd'],
      strata: ['region'],
    }).objects() as Row[];
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // The query the README shows: one GROUP BY over the packed history.
    const reader = await connection.runAndReadAll(`
      SELECT region, a::INT + 2 * b::INT + 4 * c::INT + 8 * d::INT AS pattern, count(*) AS count
      FROM read_csv('${file}') GROUP BY ALL ORDER BY region, pattern`);
    const theirs = reader.getRowObjectsJson() as {
      region: string;
      pattern: number;
      count: string;
    }[];
    connection.closeSync();
    expect(theirs.length).toBe(30); // 2 regions × 15 histories, every one present in a million
    const mine = new Map(ours.map((r) => [`${r.region}/${r.pattern}`, r.count]));
    for (const r of theirs)
      expect(mine.get(`${r.region}/${r.pattern}`), `${r.region}/${r.pattern}`).toBe(
        Number(r.count),
      );
    expect(ours.reduce((s, r) => s + r.count, 0)).toBe(rows);
  }, 60_000);
});
