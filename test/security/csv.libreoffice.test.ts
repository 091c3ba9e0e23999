// toCSV's output opened in a spreadsheet (issue 26): LibreOffice Calc, headless, reads the CSV and
// writes it as a flat OpenDocument spreadsheet (.fods, XML); every formula it made of a cell is a
// table:formula attribute there. The file from toCSV (safe, the default) must give none; the same
// cells written with { safe: false } are the control, showing that Calc does run them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from 'arquero';
import { expect, test } from 'vitest';
import { toCSV } from '../../src/exchange/index.js';
import { onPath } from '../setup/detect.js';
import { describeNeeding } from '../setup/requirements.js';

const soffice = {
  name: 'LibreOffice Calc',
  found: onPath(['soffice'], process.env),
  lookedAt: 'no soffice on PATH',
  install: 'apt-get install libreoffice-calc-nogui (.ci/run does this)',
};

/** Cells a spreadsheet could run, each of which gives 42 if it is run. */
const hostile = [
  '=6*7',
  '=SUM(1;41)',
  '+6*7',
  '-(-42)',
  '@SUM(42)',
  ' =6*7',
  '\t=6*7',
  '\u200b=6*7',
  '\u2060=6*7',
  '\ufe66 6*7',
  '\uff1d6*7',
  '\u22126*7',
];

describeNeeding('toCSV opened in LibreOffice Calc', [soffice], () => {
  test('no cell becomes a formula (with safe: false, Calc makes formulas of them)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww2yc-calc-'));
    const cells = table({
      text: hostile,
      list: hostile.map((h) => [h]), // an array cell, written as its text
      n: hostile.map((_, i) => i),
    });
    writeFileSync(join(dir, 'safe.csv'), toCSV(cells));
    writeFileSync(join(dir, 'unsafe.csv'), toCSV(cells, { safe: false }));
    const r = spawnSync(
      soffice.found!,
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'fods',
        '--outdir',
        dir,
        join(dir, 'safe.csv'),
        join(dir, 'unsafe.csv'),
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const formulas = (file: string) =>
      readFileSync(join(dir, file), 'utf8').match(/table:formula="[^"]*"/g) ?? [];
    // the control: Calc's CSV import runs the cells that start with '=' (as text and as arrays);
    // the others are neutralized for spreadsheets that run more (Excel runs +, - and @)
    expect(formulas('unsafe.fods')).toEqual([
      'table:formula="of:=6*7"',
      'table:formula="of:=6*7"',
      'table:formula="of:=SUM(1;41)"',
      'table:formula="of:=SUM(1;41)"',
    ]);
    expect(formulas('safe.fods')).toEqual([]);
    const safe = readFileSync(join(dir, 'safe.fods'), 'utf8');
    expect(safe).not.toMatch(/office:value="42"/);
  }, 150_000);
});
