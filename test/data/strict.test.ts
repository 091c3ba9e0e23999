import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { parseResource } from '../../src/data/parse.js';
import { resource } from '../../src/data/load.js';
import { InvalidTableError, datasets, load } from '../../src/index.js';
import type { DataPackage } from '../../src/index.js';

const root = new URL('../../', import.meta.url);
const text = (path: string) => readFileSync(new URL(path, root), 'utf8');
const descriptor: DataPackage = JSON.parse(text('datasets/datapackage.json'));
const shipped = readdirSync(new URL('datasets/', root)).filter((f) => f.endsWith('.csv'));

describe('every shipped CSV, read by an independent strict parser (csv-parse)', () => {
  test('the package ships the CSV files its descriptor lists, and no other', () => {
    expect(shipped.sort()).toEqual(descriptor.resources.map((r) => `${r.name}.csv`).sort());
  });

  test.each(shipped)(
    '%s parses strictly: every record has the header’s number of cells',
    (file) => {
      // relax_column_count: false (csv-parse's default, stated here) rejects a record with more or
      // fewer cells than the header; relax_quotes: false rejects a stray quote inside a cell.
      const records: string[][] = parse(text(`datasets/${file}`), {
        relax_column_count: false,
        relax_quotes: false,
        skip_empty_lines: false,
      });
      const [header, ...rows] = records;
      const name = file.replace(/\.csv$/, '');
      const r = descriptor.resources.find((d) => d.name === name)!;
      expect(header).toEqual(r.schema.fields.map((f) => f.name));
      expect(rows.length).toBe(r.rows);
    },
  );

  test.each(datasets.map((id) => [id]))(
    '%s: load() gives every cell exactly as csv-parse reads it',
    (id) => {
      const [header, ...rows]: string[][] = parse(text(`datasets/${id}.csv`), {
        relax_column_count: false,
      });
      const loaded = load(id).objects() as unknown as Record<string, unknown>[];
      expect(loaded.length).toBe(rows.length);
      rows.forEach((cells, i) => {
        header!.forEach((name, j) => {
          const cell = cells[j]!;
          const got = loaded[i]![name];
          const expected = cell === '' ? null : typeof got === 'number' ? Number(cell) : cell;
          expect(got, `${id} row ${i + 1}, ${name}`).toEqual(expected);
        });
      });
    },
  );

  test('the Slovenia note is whole: the document says the 89,404 "also includes" the ~13,500', () => {
    // Seed: "The number of victims was set at 89,404. The figure also includes the victims of
    // summary killings by the Communist regime immediately after the war (around 13,500 people)."
    // The unquoted note used to be cut at its comma, to 'included in the 89'.
    const row = load('slovenia-2005')
      .objects()
      .find((r) => r.value === 13500)!;
    expect(row.note).toBe(
      'included in the 89,404: the document, "The figure also includes the victims of summary killings by the Communist regime immediately after the war"',
    );
  });
});

describe('a malformed bundled file fails loudly', () => {
  const bad = text('datasets/slovenia-2005.csv').replace(
    '"included in the 89,404: the document, ""The figure also includes the victims of summary killings by the Communist regime immediately after the war"""',
    'included in the 89,404',
  );

  test('the loader refuses it, naming the file, the line and the cell counts', () => {
    expect(bad).not.toBe(text('datasets/slovenia-2005.csv'));
    expect(() => parseResource(bad, resource('slovenia-2005'))).toThrow(InvalidTableError);
    expect(() => parseResource(bad, resource('slovenia-2005'))).toThrow(
      /load: datasets\/slovenia-2005\.csv is not a well-formed table; nothing was loaded:\n- row 2 \(line 3\): 18 cells; expected 17/,
    );
  });

  test('the loader refuses a header that is not the schema’s', () => {
    const swapped = text('datasets/by-status.csv').replace('source,status', 'status,source');
    expect(() => parseResource(swapped, resource('by-status'))).toThrow(
      /the header of datasets\/by-status\.csv is id,status,source,.*; expected the columns of its schema, id,source,status,/,
    );
  });

  test('npm run generate (the build) fails on it, naming the file, the line and the counts', () => {
    // A copy of what the build reads, with the bad file in it.
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-generate-'));
    try {
      for (const path of ['src/build', 'src/data', 'src/errors.ts', 'datasets'])
        cpSync(new URL(path, root), join(dir, path), { recursive: true });
      symlinkSync(new URL('node_modules', root).pathname, join(dir, 'node_modules'));
      const run = () =>
        execFileSync(process.execPath, ['src/build/generate.mjs'], { cwd: dir, stdio: 'pipe' });
      expect(run).not.toThrow(); // the copy builds as shipped
      writeFileSync(join(dir, 'datasets/slovenia-2005.csv'), bad);
      let stderr = '';
      let status = 0;
      try {
        run();
      } catch (error) {
        const e = error as { status: number; stderr: Buffer };
        status = e.status;
        stderr = e.stderr.toString();
      }
      expect(status).toBe(1);
      expect(stderr).toMatch(
        /datasets\/slovenia-2005\.csv is not a well-formed table; nothing was loaded:\n- row 2 \(line 3\): 18 cells; expected 17/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
