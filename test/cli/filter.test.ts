// --filter with comparisons and --sort, through the real binary as a user runs it. The expected
// rows are read off datasets/by-nationality.csv and by-status.csv (the seed figures), by hand.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { filterRows } from '../../src/cli/filter.js';
import { load } from '../../src/index.js';

const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** The CSV rows of stdout, each cut to the given columns (by position, after the row's id). */
const cells = (out: string, ...at: number[]) =>
  out
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => at.map((i) => line.split(',')[i + 1]).join(','));

describe('show --filter with a comparison', () => {
  test("'value>=100000' keeps the figures of 100,000 and more, from every source", () => {
    // by-nationality: yu-1964 Serbs 346,740; Kočović Serbs 487,000, Croats 207,000; Žerjavić Serbs
    // 530,000, Croats 192,000, Muslims 103,000. Nothing else reaches 100,000.
    const r = run('show', 'by-nationality', '--filter', 'value>=100000', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(cells(r.out, 0, 1, 4)).toEqual([
      'yu-1964,serbs,346740',
      'kocovic,serbs,487000',
      'kocovic,croats,207000',
      'zerjavic,serbs,530000',
      'zerjavic,croats,192000',
      'zerjavic,muslims,103000',
    ]);
  });

  test('each operator compares numbers; a figure not reported passes no comparison', () => {
    // In process (the same function the binary calls), to spare a child process per operator.
    const count = (filter: string) => filterRows(load('by-nationality'), filter).numRows();
    // 48 rows: 12 not reported (4 per source), 36 reported. Below 1,000: yu-1964 Turks, 686.
    expect(count('value<1000')).toBe(1);
    expect(count('value<=686')).toBe(1);
    expect(count('value<686')).toBe(0);
    expect(count('value>686')).toBe(35);
    expect(count('value!=686')).toBe(35); // 36 reported less the one; the 12 dashes are unknown
    expect(count('value=45000')).toBe(1); // the 1964 list: Jews, 45,000
    expect(count('value>=10,000')).toBe(26); // thousands separators as the tables print them
    expect(count('nationality!=roma')).toBe(45); // text: the 1964 list's dash for Gypsies is a row too
  });

  test('= and != on text; comparisons combine with --source and each other', () => {
    const r = run(
      'show',
      'by-nationality',
      '--filter',
      'source!=yu-1964',
      '--filter',
      'nationality=roma',
      '--format',
      'csv',
    );
    // "Gypsies": Kočović 27,000, Žerjavić 18,000 (the 1964 list has a dash, and is left out here).
    expect(cells(r.out, 0, 4)).toEqual(['kocovic,27000', 'zerjavic,18000']);
  });

  test('a wrong column names the column given and the columns there are', () => {
    expect(run('show', 'by-nationality', '--filter', 'valeu>=10000')).toEqual({
      code: 1,
      out: '',
      err:
        "ww2-yugoslavia-casualties show: Unknown column 'valeu'. Did you mean 'value'? Expected one of: id, source, nationality, measure, unit, value, low, high, qualifier, label, note, part_of, subset_of, restates, precision.\n" +
        "run 'ww2-yugoslavia-casualties show --help' for usage\n",
    });
  });

  test('a comparison on text, a word for a number and a filter cut by the shell are bad usage', () => {
    expect(run('show', 'by-nationality', '--filter', 'nationality>serbs')).toMatchObject({
      code: 1,
      err: "ww2-yugoslavia-casualties show: column 'nationality' holds text: > compares numbers\nthe columns of numbers here: value, low, high, precision; for text use = or !=, e.g. --filter nationality=serbs\n",
    });
    expect(run('show', 'by-nationality', '--filter', 'value>=ten thousand')).toMatchObject({
      code: 1,
      err: expect.stringMatching(
        /'ten thousand' is not a number, and column 'value' holds numbers\nwrite a number, e\.g\. --filter 'value>=10000'\n$/,
      ),
    });
    // What an unquoted --filter value>=10000 leaves after the shell took ">=10000" as a redirection.
    expect(run('show', 'by-nationality', '--filter', 'value')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/bad filter 'value'\n.*in quotes.*--filter 'value>=10000'/),
    });
    expect(run('show', 'by-nationality', '--filter', 'source!=yu1964')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Unknown value of source 'yu1964'\. Did you mean 'yu-1964'\?/),
    });
  });
});

describe('--sort', () => {
  test('column:desc puts the largest first; ties keep the order of the table', () => {
    // by-status: Žerjavić civilians 581,000, A'Barrow civilians 514,000, A'Barrow soldiers
    // 446,000, Žerjavić partisans 237,000, collaborators 209,000.
    const r = run('show', 'by-status', '--sort', 'value:desc', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(cells(r.out, 4)).toEqual(['581000', '514000', '446000', '237000', '209000']);
    expect(
      cells(
        run('show', 'by-status', '--sort', 'source', '--sort', 'value', '--format', 'csv').out,
        0,
        4,
      ),
    ).toEqual([
      'abarrow,446000',
      'abarrow,514000',
      'zerjavic,209000',
      'zerjavic,237000',
      'zerjavic,581000',
    ]);
  });

  test('a figure not reported comes last, ascending or descending', () => {
    // Gypsies: yu-1964 –, Kočović 27,000, Žerjavić 18,000.
    for (const [key, order] of [
      ['value', ['zerjavic', 'kocovic', 'yu-1964']],
      ['value:desc', ['kocovic', 'zerjavic', 'yu-1964']],
    ] as const) {
      const r = run(
        'show',
        'by-nationality',
        '--filter',
        'nationality=roma',
        '--sort',
        key,
        '--format',
        'csv',
      );
      expect(cells(r.out, 0), key).toEqual(order);
    }
  });

  test('sorts the result of compare', () => {
    // Against Žerjavić, the largest difference up is Kočović's Montenegrins: 50,000 − 20,000 = 30,000.
    const r = run(
      'compare',
      'by-nationality',
      '--by',
      'nationality',
      '--baseline',
      'zerjavic',
      '--sort',
      'difference:desc',
    );
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[2]).toMatch(/^montenegrins +kocovic +50,000 +30,000 /);
  });

  test('a wrong column or direction is bad usage, naming what was given and what there is', () => {
    expect(run('show', 'by-status', '--sort', 'figure')).toMatchObject({
      code: 1,
      err: expect.stringMatching(
        /^ww2-yugoslavia-casualties show: Unknown column 'figure'\. Expected one of: id, source, status, measure, unit, value, low, high, qualifier, label, note, part_of, subset_of, restates, precision\.\n/,
      ),
    });
    expect(run('show', 'by-status', '--sort', 'value:down')).toMatchObject({
      code: 1,
      err: "ww2-yugoslavia-casualties show: bad sort 'value:down'\nwrite --sort <column> or --sort <column>:desc, e.g. --sort value:desc\n",
    });
  });
});
