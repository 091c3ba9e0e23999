// Every code block of README.md, run as written in a project that installed the package (and
// Arquero, which the estimation example asks the reader to install), and every result it shows
// (`// => …`, a command's printed output) compared with what the code gives. A block that is not
// run here is listed below with the reason; a new block must be run or listed.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type Comment, type Node } from 'acorn';
import { beforeAll, describe, expect, test } from 'vitest';
import { latexPreamble } from '../src/exchange/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** A fenced code block: its language, its first line's number in README.md, its text. */
export interface Block {
  lang: string;
  line: number;
  text: string;
}

/** The fenced code blocks of a Markdown text. */
export function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | undefined;
  markdown.split('\n').forEach((line, i) => {
    const fence = /^```(\w*)\s*$/.exec(line);
    if (fence && !open) open = { lang: fence[1]!, line: i + 2, text: '' };
    else if (fence && open) {
      blocks.push(open);
      open = undefined;
    } else if (open) open.text += `${line}\n`;
  });
  return blocks;
}

const blocks = codeBlocks(readme);
/** The block whose text starts with `start` (fails when none or several do). */
function block(start: string): Block {
  const found = blocks.filter((b) => b.text.startsWith(start));
  if (found.length !== 1) throw new Error(`${found.length} README blocks start with ${start}`);
  return found[0]!;
}

/**
 * Blocks not run by this file, each with the reason. The first screen's block is run by its own
 * test below, which needs the network (`README_INSTALL=1`; `.ci/run` runs it).
 */
const notRun: Record<string, string> = {
  'npm test   ': 'the test commands themselves; .ci/run is what CI runs',
  'npm run generate': 'the developer commands, npm test among them; each is run by CI or a test',
  'npm run bundle': 'builds again; test/browser runs src/build/bundle.mjs, its second half',
  'met      fromRows': "a printout of npm run bench: measured times, a benchmark's, not a test's",
  'git clone': 'run by the test "the first screen", with README_INSTALL=1',
  'sudo apt-get install':
    'installs programs as root; .ci/run installs the same line (test/ci.test.ts)',
};

// ---------------------------------------------------------------------------------------------
// `// =>` patterns: JavaScript values written for a reader, where `…` stands for anything (a
// value, the rest of an array or object, the rest of a number's digits), a key alone says it is
// there, and prose after the value is a comment.

type Pattern =
  | { any: true }
  | { number: string; prefix: boolean }
  | { literal: string | number | boolean | null }
  | { array: Pattern[]; more: boolean }
  | { object: [string, Pattern][]; more: boolean };

/** Parses the pattern at the start of `text` (what follows it is prose). */
export function parsePattern(text: string): Pattern {
  let i = 0;
  const space = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const fail = (what: string): never => {
    throw new Error(`README pattern: expected ${what} at ${JSON.stringify(text.slice(i, i + 30))}`);
  };
  const value = (): Pattern => {
    space();
    const c = text[i];
    if (c === '…') {
      i++;
      return { any: true };
    }
    if (c === "'") {
      // a string as JavaScript writes it: \n, \' and \\ are escapes
      const string = /^'((?:[^'\\]|\\.)*)'/.exec(text.slice(i)) ?? fail('a closing quote');
      i += string[0].length;
      const escapes: Record<string, string> = { n: '\n', t: '\t' };
      return { literal: string[1]!.replace(/\\(.)/g, (_, e: string) => escapes[e] ?? e) };
    }
    if (c === '[') {
      i++;
      const items: Pattern[] = [];
      let more = false;
      for (;;) {
        space();
        if (text[i] === ']') break;
        const v = value();
        if ('any' in v && (space(), text[i] === ']')) more = true;
        else items.push(v);
        space();
        if (text[i] === ',') i++;
        else if (text[i] !== ']') fail("',' or ']'");
      }
      i++;
      return { array: items, more };
    }
    if (c === '{') {
      i++;
      const entries: [string, Pattern][] = [];
      let more = false;
      for (;;) {
        space();
        if (text[i] === '}') break;
        if (text[i] === '…') {
          i++;
          more = true;
        } else {
          const key = /^[\w$]+/.exec(text.slice(i))?.[0] ?? fail('a key');
          i += key.length;
          space();
          if (text[i] === ':') {
            i++;
            entries.push([key, value()]);
          } else entries.push([key, { any: true }]);
        }
        space();
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail("',' or '}'");
      }
      i++;
      return { object: entries, more };
    }
    const number = /^-?\d+(\.\d+)?(…)?/.exec(text.slice(i));
    if (number) {
      i += number[0].length;
      return number[2]
        ? { number: number[0].slice(0, -1), prefix: true }
        : { literal: Number(number[0]) };
    }
    const word = /^(null|true|false)\b/.exec(text.slice(i));
    if (word) {
      i += word[0].length;
      return { literal: word[1] === 'null' ? null : word[1] === 'true' };
    }
    return fail('a value');
  };
  return value();
}

/** Where `actual` departs from `pattern` (a path and what differs), or undefined when it matches. */
export function mismatch(actual: unknown, pattern: Pattern, path = '$'): string | undefined {
  if ('any' in pattern) return undefined;
  if ('literal' in pattern)
    return Object.is(actual, pattern.literal)
      ? undefined
      : `${path}: ${JSON.stringify(actual)}, shown ${JSON.stringify(pattern.literal)}`;
  if ('number' in pattern)
    return typeof actual === 'number' && String(actual).startsWith(pattern.number)
      ? undefined
      : `${path}: ${JSON.stringify(actual)}, shown ${pattern.number}…`;
  if ('array' in pattern) {
    if (!Array.isArray(actual)) return `${path}: ${JSON.stringify(actual)}, shown an array`;
    const n = pattern.array.length;
    if (pattern.more ? actual.length < n : actual.length !== n)
      return `${path}: ${actual.length} items, shown ${n}${pattern.more ? ' or more' : ''}`;
    for (let k = 0; k < n; k++) {
      const m = mismatch(actual[k], pattern.array[k]!, `${path}[${k}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual))
    return `${path}: ${JSON.stringify(actual)}, shown an object`;
  const record = actual as Record<string, unknown>;
  for (const [key, p] of pattern.object) {
    if (!(key in record)) return `${path}.${key}: missing`;
    const m = mismatch(record[key], p, `${path}.${key}`);
    if (m) return m;
  }
  if (!pattern.more) {
    const shown = new Set(pattern.object.map(([k]) => k));
    const extra = Object.keys(record).filter((k) => !shown.has(k));
    if (extra.length) return `${path}: keys ${extra.join(', ')} not shown`;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The JavaScript blocks, rewritten so that each statement followed by `// =>` records its value.

/** A statement the README shows the result of: its source and the text after `// =>`. */
interface Shown {
  code: string;
  expected: string;
}

/** The block as a module that writes the value of each shown statement to `$SHOWN` (JSON). */
export function instrument(code: string): { module: string; shown: Shown[] } {
  const comments: Comment[] = [];
  const program = parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    onComment: comments,
  }) as Node & { body: (Node & { type: string; expression?: Node })[] };
  const lines = code.split('\n');
  const lineOf = (offset: number) => code.slice(0, offset).split('\n').length - 1;
  const shown: Shown[] = [];
  let out = '';
  let last = 0;
  for (const statement of program.body) {
    const endLine = lineOf(statement.end);
    const arrow = comments.find(
      (c) =>
        c.type === 'Line' && lineOf(c.start) === endLine && c.value.trimStart().startsWith('=>'),
    );
    if (!arrow || statement.type !== 'ExpressionStatement') continue;
    // The text after `=>`, and the comment lines indented under it that continue it.
    let expected = arrow.value.trimStart().slice(2);
    for (let l = endLine + 1; l < lines.length && /^\s*\/\/\s{2,}/.test(lines[l]!); l++)
      expected += ` ${lines[l]!.replace(/^\s*\/\/\s*/, '')}`;
    const expression = code.slice(statement.expression!.start, statement.expression!.end);
    shown.push({ code: expression, expected: expected.trim() });
    out += `${code.slice(last, statement.start)}__shown.push(await (${expression}));`;
    last = statement.end;
  }
  out += code.slice(last);
  return {
    module:
      "import { writeFileSync as __write } from 'node:fs';\nconst __shown = [];\n" +
      `${out}\n__write(process.env.SHOWN, JSON.stringify(__shown));\n`,
    shown,
  };
}

describe('the README patterns', () => {
  test('a shown value that differs from the result is found, and where', () => {
    const rows = [{ source: 'yu-1964', value: 45000 }];
    expect(mismatch(rows, parsePattern("[{ source: 'yu-1964', value: 45000 }]"))).toBeUndefined();
    expect(mismatch(rows, parsePattern("[{ source: 'yu-1964', value: 45001 }]"))).toBe(
      '$[0].value: 45000, shown 45001',
    );
    // a key not shown, an item not shown, without `…`
    expect(mismatch(rows, parsePattern("[{ source: 'yu-1964' }]"))).toBe(
      '$[0]: keys value not shown',
    );
    expect(
      mismatch([...rows, ...rows], parsePattern("[{ source: 'yu-1964', value: 45000 }]")),
    ).toBe('$: 2 items, shown 1');
  });

  test('… stands for anything: a value, more items or keys, more digits; prose after is a comment', () => {
    const described = { id: 'x', rows: 18, sources: [{ id: 'a', kind: 'k', more: 1 }], n: 0.99512 };
    const pattern = "{ id, rows: 18, sources: [{ id: 'a', … }, …], n: 0.995…, … } (a note)";
    expect(mismatch(described, parsePattern(pattern))).toBeUndefined();
    expect(mismatch({ ...described, n: 0.9949 }, parsePattern(pattern))).toBe(
      '$.n: 0.9949, shown 0.995…',
    );
    expect(
      mismatch(3, parsePattern('3 (the ~13,500, the ~75,000 and the ~4,000)')),
    ).toBeUndefined();
    expect(mismatch(4, parsePattern('3 (the ~13,500)'))).toBe('$: 4, shown 3');
    expect(mismatch("a\nb 'c'", parsePattern("'a\\nb \\'c\\''"))).toBeUndefined();
  });

  test('instrument records each statement followed by // =>, with the comment lines under it', () => {
    const { module, shown } = instrument(
      'const a = [1];\na.map((x) => x * 2); // => [2,\n//    …]\na.length;\n// not shown\n',
    );
    expect(shown).toEqual([{ code: 'a.map((x) => x * 2)', expected: '[2, …]' }]);
    expect(module).toContain('__shown.push(await (a.map((x) => x * 2)));');
    expect(module).toContain('\na.length;\n');
  });
});

// ---------------------------------------------------------------------------------------------
// A project that installed the package from the clone (`npm install <clone>` links it) and Arquero.

let project: string;

function link(target: string, path: string) {
  mkdirSync(join(path, '..'), { recursive: true });
  symlinkSync(target, path);
}

/** Runs a shell command in the project, as a reader's shell would. */
function shell(command: string, env: Record<string, string> = {}) {
  return spawnSync('bash', ['-c', command], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, ...env, npm_config_update_notifier: 'false' },
    timeout: 600_000,
  });
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'ww2yc-readme-'));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'reader', private: true, type: 'module' }),
  );
  link(root, join(project, 'node_modules/ww2-yugoslavia-casualties'));
  link(join(root, 'dist/cli.js'), join(project, 'node_modules/.bin/ww2-yugoslavia-casualties'));
  link(join(root, 'node_modules/arquero'), join(project, 'node_modules/arquero'));
  // The files the estimate examples read, where a reader of the clone finds them.
  mkdirSync(join(project, 'examples'));
  for (const file of ['cormack.csv', 'cormack-records.csv'])
    copyFileSync(join(root, 'examples', file), join(project, 'examples', file));
});

// Generous timeouts: a block runs in its own process, and the command-line block writes the report.
describe('README.md: every code block', { timeout: 600_000 }, () => {
  test('each block is run below or listed with the reason it is not', () => {
    // (the install line is compared with .ci/run's by test/ci.test.ts)
    const covered = (b: Block) =>
      b.lang === 'js' ||
      b.lang === 'latex' ||
      (b.lang === 'text' && b.text.startsWith('$ ')) ||
      b.text.startsWith('npx ww2-yugoslavia-casualties --help') ||
      Object.keys(notRun).some((start) => b.text.startsWith(start));
    expect(blocks.filter((b) => !covered(b)).map((b) => `line ${b.line}: ${b.text}`)).toEqual([]);
    // and each listed block exists
    for (const start of Object.keys(notRun)) expect(block(start).line).toBeGreaterThan(0);
  });

  // A block without an import continues the block before it (the README's "For print" example).
  const js = blocks.filter((b) => b.lang === 'js');
  test.each(js.map((b, k) => [b.line, b, k] as const))(
    'the JavaScript at line %i runs, and gives each result it shows',
    (_, b, k) => {
      const imports = b.text.includes('import ')
        ? ''
        : js[k - 1]!.text.split('\n')
            .filter((l) => l.startsWith('import '))
            .join('\n');
      const { module, shown } = instrument(`${imports}\n${b.text}`);
      const file = join(project, `block-${b.line}.mjs`);
      const results = join(project, `block-${b.line}.json`);
      writeFileSync(file, module);
      const r = spawnSync(process.execPath, [file], {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, SHOWN: results },
        timeout: 300_000,
      });
      expect(r.stderr, `README line ${b.line}`).toBe('');
      expect(r.status).toBe(0);
      const values = JSON.parse(readFileSync(results, 'utf8')) as unknown[];
      expect(values).toHaveLength(shown.length);
      shown.forEach(({ code, expected }, n) => {
        expect(mismatch(values[n], parsePattern(expected)), `${code} // => ${expected}`).toBe(
          undefined,
        );
      });
    },
  );

  test('the files the chart examples write are there: PNG, SVG and PDF', () => {
    // Written by the blocks above (in the project folder); the print PNG is 600 dpi at 85 mm.
    for (const f of ['totals.png', 'apart.svg', 'republics.pdf', 'republics.png'])
      expect(statSync(join(project, f)).size, f).toBeGreaterThan(1000);
    // 85 mm at 600 dpi = 85 / 25.4 × 600 = 2007.9 px: 2008 as the README says
    expect(readFileSync(join(project, 'republics.png')).readUInt32BE(16)).toBe(2008);
    // 85 mm = 85 / 25.4 × 72 = 240.9 pt: the PDF's page (its MediaBox) is that wide
    const box = /\/MediaBox \[0 0 ([\d.]+) /.exec(
      readFileSync(join(project, 'republics.pdf'), 'latin1'),
    );
    expect(Math.abs(Number(box?.[1]) - (85 / 25.4) * 72)).toBeLessThan(1);
  });

  test('the command-line block: every command succeeds', () => {
    const b = block('npx ww2-yugoslavia-casualties --help');
    for (const line of b.text.split('\n').filter((l) => l.trim())) {
      const r = shell(line);
      expect(r.status, `${line}\n${r.stderr}`).toBe(0);
    }
    expect(readFileSync(join(project, 'ndh-serbs.csv'), 'utf8')).toMatch(/^id,source,/);
    expect(readFileSync(join(project, 'figure-1.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(existsSync(join(project, 'report/index.html'))).toBe(true);
  });

  test.each(
    blocks
      .filter((b) => b.lang === 'text' && b.text.startsWith('$ '))
      .map((b) => [b.line, b] as const),
  )('the command at line %i prints the output shown', (_, b) => {
    const [command, ...output] = b.text.trimEnd().split('\n');
    const r = shell(command!.slice(2));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd()).toBe(output.join('\n'));
  });

  test('the LaTeX preamble is latexPreamble, which the LaTeX tests compile', () => {
    expect(block('\\usepackage[T1]').text.trim()).toBe(latexPreamble.trim());
  });
});

describe.skipIf(!process.env.README_INSTALL)(
  'README.md: the first screen, on a fresh clone (README_INSTALL=1; .ci/run runs it)',
  () => {
    test('git clone, npm install and report --out, as written, with URL set to this clone', () => {
      const b = block('git clone');
      // Each command's start (bash's DEBUG trap), to print how long each took.
      const trap = `trap 'echo "@@ $SECONDS $BASH_COMMAND" >&2' DEBUG\n`;
      const r = shell(`set -e\n${trap}${b.text}echo done >/dev/null\n`, { URL: root });
      expect(r.status, r.stderr.slice(-3000)).toBe(0);
      expect(existsSync(join(project, 'ww2-yugoslavia-casualties/report/index.html'))).toBe(true);
      const starts = [...r.stderr.matchAll(/^@@ (\d+) (.*)$/gm)].map((m) => [Number(m[1]), m[2]!]);
      const times = starts
        .slice(0, -1)
        .map(([at, command], k) => `${command}: ${Number(starts[k + 1]![0]) - Number(at)} s`);
      process.stdout.write(
        `README's first screen, each command's time:\n  ${times.join('\n  ')}\n`,
      );
    }, 1_800_000);
  },
);
