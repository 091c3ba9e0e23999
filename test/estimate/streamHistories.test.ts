import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { table } from 'arquero';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, test } from 'vitest';
import { InvalidOptionError, InvalidTableError, UnknownIdError } from '../../src/index.js';
import {
  captureHistories,
  captureHistoriesSQL,
  maxCellBytes,
  streamHistories,
} from '../../src/estimate/index.js';
import { seeded as mulberry32 } from '../../src/estimate/random.js';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '../../dist/cli.js');

/** The text cut into pieces of `size` characters, as bytes: records and cells split anywhere. */
function chunks(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('streamHistories', () => {
  test('counts a small file by hand, whatever the chunks, with quotes, CRLF and a blank line', async () => {
    // Five people. Histories (bit 1 = a, bit 2 = b): north has a-only ×2 and ab ×1; south has
    // b-only ×1 and ab ×1.
    const text =
      '\uFEFFid,a,b,region\r\n' +
      '1,1,0,north\r\n' +
      '2,"1",0,"north"\r\n' +
      '3,1,1,north\r\n' +
      '\r\n' +
      '4,0,1,"so""uth"\r\n' +
      '5,1,1,"so""uth"';
    const expected = [
      ['north', 1, 2],
      ['north', 2, 0],
      ['north', 3, 1],
      ['so"uth', 1, 0],
      ['so"uth', 2, 1],
      ['so"uth', 3, 1],
    ];
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const counted = await streamHistories(chunks(text, size), {
        lists: ['a', 'b'],
        strata: ['region'],
      });
      const rows = counted.objects() as { region: string; pattern: number; count: number }[];
      expect(
        rows.map((r) => [r.region, r.pattern, r.count]),
        `chunks of ${size}`,
      ).toEqual(expected);
    }
  });

  test('gives what captureHistories gives on the same records, for 4 lists and 2 strata', async () => {
    const random = mulberry32(7);
    const rows = 5000;
    const columns = { a: [] as number[], b: [] as boolean[], c: [] as number[], d: [] as number[] };
    const region: string[] = [];
    const year: number[] = [];
    const lines = ['a,b,c,d,region,year'];
    for (let i = 0; i < rows; i++) {
      let p = 0;
      while (p === 0) p = Math.floor(random() * 16);
      columns.a.push(p & 1);
      columns.b.push((p & 2) !== 0);
      columns.c.push((p >> 2) & 1);
      columns.d.push((p >> 3) & 1);
      region.push(random() < 0.3 ? 'west, coast' : 'east');
      year.push(1941 + Math.floor(random() * 5));
      lines.push(
        `${p & 1},${(p & 2) !== 0},${(p >> 2) & 1},${(p >> 3) & 1},"${region[i]}",${year[i]}`,
      );
    }
    const options = { lists: ['a', 'b', 'c', 'd'], strata: ['region', 'year'] };
    const expected = captureHistories(table({ ...columns, region, year }), options).objects();
    const counted = await streamHistories(chunks(lines.join('\n') + '\n', 4093), options);
    expect(counted.objects()).toEqual(expected);
  });

  test('a count table is summed by history, as captureHistories does', async () => {
    const text = 'a,b,n\n1,0,3\n0,1,4\n1,1,5\n1,0,6\n';
    const counted = await streamHistories([text], { lists: ['a', 'b'], count: 'n' });
    // a only: 3 + 6 = 9; b only: 4; both: 5.
    expect(Array.from(counted.array('count') as Float64Array)).toEqual([9, 4, 5]);
  });

  test('refuses what captureHistories refuses, naming the row and the value', async () => {
    const counting = (text: string, options = { lists: ['a', 'b'] }) =>
      streamHistories([text], options);
    await expect(counting('a,b\n1,1\n,1\n')).rejects.toThrow(
      /Row 2, list column 'a': null; expected true\/false or 1\/0/,
    );
    await expect(counting('a,b\n1,1\nyes,1\n')).rejects.toThrow(/Row 2, list column 'a': 'yes'/);
    await expect(counting('a,b\n1,1\n0,0\n')).rejects.toThrow(/Row 2 is on none of the lists a, b/);
    await expect(counting('a,b\n1,0\n1,0\n')).rejects.toThrow(/List 'b' holds no record/);
    await expect(counting('a,b\n1,0\n0,1,2\n')).rejects.toThrow(/Row 2 has 3 cells; expected 2/);
    await expect(counting('a,b\n1,"0\n')).rejects.toThrow(/a quote opened and never closed/);
    await expect(counting('a,c\n1,0\n')).rejects.toThrow(UnknownIdError);
    await expect(counting('a,b\n1,0\n', { lists: ['a'] })).rejects.toThrow(InvalidOptionError);
    await expect(counting('')).rejects.toThrow(/the CSV is empty/);
    await expect(counting('a,b\n1,0\n1,0\n')).rejects.toThrow(InvalidTableError);
  });

  test('a file that never ends a cell (like /dev/zero) is refused after maxCellBytes', async () => {
    const zeros = function* () {
      for (;;) yield new Uint8Array(65536);
    };
    await expect(streamHistories(zeros(), { lists: ['a', 'b'] })).rejects.toThrow(
      new RegExp(`a cell longer than ${maxCellBytes} bytes`),
    );
  });
});

describe('captureHistoriesSQL', () => {
  test('writes one GROUP BY, quoted for the dialect', () => {
    expect(captureHistoriesSQL(['a', 'b'], { from: "read_csv('records.csv')" })).toBe(
      'SELECT "a", "b", count(*) AS "count"\n' +
        "FROM read_csv('records.csv')\n" +
        'GROUP BY "a", "b"\n' +
        'ORDER BY "a", "b"',
    );
    expect(captureHistoriesSQL(['on `x`', 'b'], { dialect: 'spark', strata: ['region'] })).toBe(
      'SELECT `region`, `on ``x```, `b`, count(*) AS `count`\n' +
        'FROM records\n' +
        'GROUP BY `region`, `on ``x```, `b`\n' +
        'ORDER BY `region`, `on ``x```, `b`',
    );
    expect(() => captureHistoriesSQL(['a'])).toThrow(InvalidOptionError);
    expect(() => captureHistoriesSQL(['a', 'count'])).toThrow(/other than 'count'/);
    expect(() => captureHistoriesSQL(['a', 'b'], { dialect: 'mysql' as 'spark' })).toThrow(
      /option dialect is 'mysql'/,
    );
  });
});

describe('two million records: the stream, the command line and DuckDB agree', () => {
  const records = 2_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'ww2yc-stream-'));
  const file = join(dir, 'records.csv');
  const lists = ['a', 'b', 'c', 'd'];

  // Records with an id, each on one or more of four lists.
  const random = mulberry32(33);
  const lines: string[] = ['id,a,b,c,d'];
  for (let i = 0; i < records; i++) {
    let p = 0;
    while (p === 0)
      p =
        (random() < 0.3 ? 1 : 0) |
        (random() < 0.5 ? 2 : 0) |
        (random() < 0.2 ? 4 : 0) |
        (random() < 0.4 ? 8 : 0);
    lines.push(`${i},${p & 1},${(p >> 1) & 1},${(p >> 2) & 1},${(p >> 3) & 1}`);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  lines.length = 0;

  /** DuckDB's counts by pattern (bit i = list i), from the package's query. */
  async function duckdbCounts(): Promise<number[]> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const sql = captureHistoriesSQL(lists, { from: `read_csv('${file}')` });
    const rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
    connection.closeSync();
    const counts = new Array<number>(16).fill(0);
    for (const r of rows) {
      const p = lists.reduce((s, l, j) => s + Number(r[l]) * 2 ** j, 0);
      counts[p] = Number(r.count);
    }
    return counts.slice(1);
  }

  test('streamHistories on the file equals DuckDB', async () => {
    const counted = await streamHistories(createReadStream(file), { lists });
    const expected = await duckdbCounts();
    expect(Array.from(counted.array('count') as Float64Array)).toEqual(expected);
    expect(expected.reduce((s, n) => s + n, 0)).toBe(records);
  }, 120_000);

  test('estimate FILE.csv --histories, in a 256 MB heap, equals DuckDB; so does --engine duckdb', async () => {
    const expected = await duckdbCounts();
    for (const engine of ['stream', 'duckdb']) {
      const { stdout } = await run(
        process.execPath,
        [
          '--max-old-space-size=256',
          cli,
          'estimate',
          file,
          '--lists',
          lists.join(','),
          '--engine',
          engine,
          '--histories',
          '--format',
          'json',
        ],
        { maxBuffer: 1 << 20 },
      );
      const rows = JSON.parse(stdout) as { pattern: number; count: number }[];
      expect(
        rows.map((r) => r.count),
        engine,
      ).toEqual(expected);
    }
  }, 180_000);
});
