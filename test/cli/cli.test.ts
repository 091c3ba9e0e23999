// The real binary, run as a user runs it: a child process, its stdout, stderr and exit code.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('ww2-yugoslavia-casualties (no command, --help, --version)', () => {
  test('lists the commands', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    for (const c of ['list', 'show', 'compare', 'audit', 'sources', 'cite'])
      expect(r.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(run().out).toBe(r.out);
  });

  test('every command has --help with examples', () => {
    for (const c of ['list', 'show', 'compare', 'audit', 'sources', 'cite']) {
      const r = run(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.out, c).toMatch(new RegExp(`^Usage: ww2-yugoslavia-casualties ${c}`));
      expect(r.out, c).toMatch(/Examples:\n {2}ww2-yugoslavia-casualties /);
    }
  });

  test('--version prints the version of package.json', () => {
    expect(run('--version')).toMatchObject({ code: 0, out: '0.1.0\n' });
  });

  test('an unknown command is bad usage: exit 1, one line on stderr and a hint', () => {
    expect(run('shwo')).toEqual({
      code: 1,
      out: '',
      err: "ww2-yugoslavia-casualties shwo: unknown command 'shwo'\nrun 'ww2-yugoslavia-casualties --help' for the commands\n",
    });
  });
});

describe('list', () => {
  test('one line per dataset, with its row count and sources', () => {
    const r = run('list');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /^by-nationality +48 +Victims by nationality.* +yu-1964, kocovic, zerjavic$/m,
    );
    expect(r.out.trim().split('\n')).toHaveLength(2 + 15); // a header, a rule, 15 datasets
  });

  test('--format csv writes plain numbers', () => {
    expect(run('list', '--format', 'csv').out).toMatch(
      /^by-status,5,"Military, collaborator and civilian deaths","zerjavic, abarrow"$/m,
    );
  });
});

describe('show', () => {
  test('aligns the table and shows qualifiers: ≥ for at least, – for not reported', () => {
    const r = run('show', 'ndh-civilians-by-perpetrator', '--filter', 'perpetrator=chetniks');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'source    nationality  region  perpetrator  measure   figure  label',
        '────────  ───────────  ──────  ───────────  ───────  ───────  ────────────────',
        'zerjavic  croats       ndh     chetniks     deaths   ≥18,000  18,000+ Croats',
        'zerjavic  muslims      ndh     chetniks     deaths   ≥20,000  20,000+ Bosniaks',
        '',
      ].join('\n'),
    );
    expect(run('show', 'by-nationality', '--filter', 'nationality=roma').out).toMatch(
      /^yu-1964 +roma +deaths +– +Gypsies$/m,
    );
  });

  test('--source and --format csv pipe every column', () => {
    const r = run('show', 'by-nationality', '--source', 'zerjavic', '--format', 'csv');
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe(
      'id,source,nationality,measure,unit,value,low,high,qualifier,label,note,part_of,subset_of,restates,precision',
    );
    expect(lines).toHaveLength(1 + 16);
    expect(lines[1]).toBe(
      'zerjavic-serbs-deaths,zerjavic,serbs,deaths,persons,530000,530000,530000,exact,Serbs,,by-nationality-zerjavic,,,1000',
    );
  });

  test('--format json and md', () => {
    expect(JSON.parse(run('show', 'demographic-loss', '--format', 'json').out)).toHaveLength(2);
    expect(run('show', 'demographic-loss', '--format', 'md').out).toMatch(
      /^\| source \| cause \| measure \| figure \| label \|$/m,
    );
  });

  test('bad usage exits 1 with one line saying what, and a hint', () => {
    const unknown = run('show', 'by-nationalty');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toBe('');
    expect(unknown.err).toMatch(
      /^ww2-yugoslavia-casualties show: Unknown dataset 'by-nationalty'\. Did you mean 'by-nationality'\?/,
    );
    expect(run('show', 'by-status', '--source', 'kocovic')).toMatchObject({
      code: 1,
      err: expect.stringMatching(
        /Unknown source for by-status 'kocovic'\. Expected one of: zerjavic, abarrow\./,
      ),
    });
    expect(run('show', 'by-status', '--format', 'xlsx')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/unknown format 'xlsx'\nuse --format table\|csv\|json\|md/),
    });
    expect(run('show', 'by-status', '--filter', 'status')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/bad filter 'status'/),
    });
    expect(run('show', 'by-status', '--filter', 'status=soldiers')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Unknown value of status 'soldiers'/),
    });
    expect(run('show')).toMatchObject({ code: 1, err: expect.stringMatching(/no dataset given/) });
    expect(run('show', 'by-status', '--colour')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Unknown option '--colour'/),
    });
  });
});

describe('compare and audit', () => {
  test('compare sets the sources side by side against a baseline', () => {
    const r = run(
      'compare',
      'by-nationality',
      '--by',
      'nationality',
      '--baseline',
      'zerjavic',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    // Serbs: 346,740 − 530,000 = −183,260 for the 1964 list against Žerjavić.
    expect(r.out).toMatch(/^serbs,yu-1964,.*,-183260,/m);
    expect(run('compare', 'by-nationality')).toMatchObject({
      code: 1,
      err: expect.stringMatching(
        /no dimension given\nadd --by <dimension>, e\.g\. --by nationality/,
      ),
    });
    expect(
      run('compare', 'by-nationality', '--by', 'nationality', '--baseline', 'zerjavich'),
    ).toMatchObject({ code: 1, err: expect.stringMatching(/'zerjavich'/) });
  });

  test('audit lists the published tables that do not add up, with both numbers', () => {
    const r = run('audit', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; check: string }[];
    // By location: 597,333 against 597,323; Žerjavić by republic: 316,000 + 273,000 + 271,000 +
    // 33,000 + 27,000 + 17,000 + 80,000 = 1,017,000 against 1,027,000 (more than rounding explains).
    expect(rows.filter((x) => x.check === 'inconsistent').map((x) => x.id)).toEqual([
      'by-location-1964-deaths',
      'by-republic-zerjavic',
    ]);
    // The 1964 list by nationality, 596,293 against 597,323, has four dashes that could hold the gap.
    expect(rows.find((x) => x.id === 'by-nationality-yu-1964')!.check).toBe('undetermined');
    expect(run('audit', '--dataset', 'by-status').out).toMatch(
      /^by-status +abarrow .* 960,000 +960,000 +0 +consistent$/m,
    );
  });

  test('audit ends with the balance across tables: deaths + births deficit + emigration against the demographic loss', () => {
    const r = run('audit');
    expect(r.code).toBe(0);
    // Žerjavić 1,027,000 + 335,000 + about 660,000 = 2,022,000 against 1,700,000: +322,000.
    expect(r.out).toMatch(
      /\nAcross tables, deaths \+ births deficit 335,000 \+ emigration ~660,000 against the demographic loss 1,700,000 \(yu-official\), parts − loss: .*zerjavic ~\+322,000 \(\+266,500 to \+377,500\);/,
    );
    // The 1964 list: 597,323 + 995,000 = 1,592,323, 107,677 short; with "1.7 million" to the
    // hundred thousand (1,650,000–1,750,000) and "about 660,000" to the ten thousand (655,000–665,000):
    // 1,587,323 − 1,750,000 = −162,677 to 1,597,323 − 1,650,000 = −52,677.
    expect(r.out).toMatch(/yu-1964 ~−107,677 \(−162,677 to −52,677\);/);
    // Vego's range 900,000–1,000,000: 1,890,000 − 1,750,000 = +140,000 to 2,000,000 − 1,650,000 = +350,000.
    expect(r.out).toMatch(/vego ~\+245,000 \(\+140,000 to \+350,000\);/);
    // Machine formats stay pure tables.
    expect(run('audit', '--format', 'csv').out).not.toMatch(/Across tables/);
  });
});

describe('sources and cite', () => {
  test('sources lists every source with its kind', () => {
    const r = run('sources');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^yu-official +official-claim /m);
    expect(r.out).toMatch(/^savich +polemical-article +Carl Savich/m);
    // A year is printed as a year, not as a number with a thousands separator.
    expect(r.out).toMatch(/ 1964( |$)/m);
    expect(r.out).not.toMatch(/1,964/);
  });

  test('compare --format md prints ratios with two decimals; --format csv keeps every digit', () => {
    const args = ['compare', 'by-nationality', '--by', 'nationality', '--baseline', 'zerjavic'];
    // Croats: Kočović 207,000 against Žerjavić 192,000: 207000 / 192000 = 1.078125.
    const md = run(...args, '--format', 'md').out;
    expect(md).toMatch(/\| croats \| kocovic \|.*\| 1\.08 \|/);
    expect(md).not.toMatch(/\d\.\d{3,}/);
    expect(run(...args, '--format', 'csv').out).toMatch(/^croats,kocovic,.*,1\.078125/m);
  });

  test('cite writes text or BibTeX, and names an unknown source', () => {
    expect(run('cite', 'zerjavic').out).toMatch(/^Žerjavić, Vladimir\. 1989\. Gubici stanovništva/);
    expect(run('cite', 'kocovic', '--format', 'bibtex').out).toMatch(
      /^@book\{kocovic,\n {2}author = \{Kočović, Bogoljub\},/,
    );
    expect(run('cite', 'kocovich')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Unknown source 'kocovich'\. Did you mean 'kocovic'\?/),
    });
    expect(run('cite', 'kocovic', '--format', 'apa')).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Invalid format 'apa'/),
    });
  });
});
