// Runs TeX Live (Debian's texlive-* packages, installed by .ci/run) on a document and reports what
// a careful author would check in its log: errors, overfull boxes, missing glyphs, bad citations.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Engine = 'pdflatex' | 'xelatex' | 'lualatex';

/** Whether a program is on the PATH. */
export function has(program: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** True where TeX Live is installed; in CI (where .ci/run installs it) its absence is an error. */
export function texAvailable(programs: string[]): boolean {
  const missing = programs.filter((p) => !has(p));
  if (missing.length && process.env.CI)
    throw new Error(
      `${missing.join(', ')} missing: .ci/run installs TeX Live (apt-get install texlive-latex-recommended texlive-xetex texlive-luatex texlive-bibtex-extra biber lmodern)`,
    );
  return missing.length === 0;
}

export interface TeXRun {
  /** The full log of the last LaTeX run. */
  log: string;
  /** Every problem found: errors, overfull boxes wider than `tolerance`, missing characters. */
  problems: string[];
  /** The text of the PDF (pdftotext), whitespace collapsed. */
  text: string;
  /** The output of biber or bibtex, when run. */
  bib: string;
  dir: string;
}

/**
 * Compiles `document` with `engine` (three times, with `bib` run after the first, when given) and collects the
 * problems of the last run's log. An overfull box up to `tolerance` points is let pass.
 */
export function compile(
  engine: Engine,
  document: string,
  options: { files?: Record<string, string>; bib?: 'biber' | 'bibtex'; tolerance?: number } = {},
): TeXRun {
  const dir = mkdtempSync(join(tmpdir(), 'ww2yc-tex-'));
  writeFileSync(join(dir, 'doc.tex'), document);
  for (const [name, text] of Object.entries(options.files ?? {}))
    writeFileSync(join(dir, name), text);
  const run = (program: string, args: string[]) => {
    try {
      return execFileSync(program, args, {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
        // One log line per message, so that a warning is matched whole.
        env: {
          ...process.env,
          max_print_line: '100000',
          error_line: '254',
          half_error_line: '238',
        },
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      return `${err.stdout ?? ''}${err.stderr ?? ''}\n! ${program} exited with an error`;
    }
  };
  const latex = () => run(engine, ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex']);
  let out = latex();
  let bib = '';
  if (options.bib === 'biber') bib = run('biber', ['--validate-datamodel', 'doc']);
  if (options.bib === 'bibtex') bib = run('bibtex', ['doc']);
  // Once more to resolve the citations; a table needs one run (longtable's "Rerun" is about
  // aligning its pages' columns, which the p columns here fix).
  if (options.bib) out += latex() + latex();
  const log = readLog(dir);
  const tolerance = options.tolerance ?? 3;
  const problems = [
    ...log.split('\n').filter((l) => l.startsWith('!')),
    ...[...log.matchAll(/Overfull \\[hv]box \(([\d.]+)pt too \w+\)[^\n]*/g)]
      .filter((m) => Number(m[1]) > tolerance)
      .map((m) => m[0]),
    ...[...log.matchAll(/Missing character: [^\n]*/g)].map((m) => m[0]),
    ...[...log.matchAll(/(?:LaTeX|Package \w+) (?:Error|Warning): [^\n]*/g)]
      .map((m) => m[0])
      .filter((w) => !/Rerun|may have changed|Table widths have changed/.test(w)),
  ];
  if (!existsSync(join(dir, 'doc.pdf'))) problems.push(`no PDF: ${out.slice(-2000)}`);
  const text = existsSync(join(dir, 'doc.pdf'))
    ? execFileSync('pdftotext', ['-enc', 'UTF-8', 'doc.pdf', '-'], { cwd: dir, encoding: 'utf8' })
        .replace(/\s+/g, ' ')
        .trim()
    : '';
  return { log, problems, text, bib, dir };
}

function readLog(dir: string): string {
  const file = join(dir, 'doc.log');
  return existsSync(file) ? readFileSync(file, 'latin1') : '';
}

/** A LaTeX document around `body`, with the preamble the README gives for `engine`. */
export function document(engine: Engine, preamble: string, body: string): string {
  const lines = preamble.trim().split('\n');
  // The first line is for pdflatex only (T1 fonts); xelatex and lualatex read Unicode natively.
  const used = engine === 'pdflatex' ? lines : lines.slice(1);
  return `\\documentclass{article}\n${used.join('\n')}\n\\begin{document}\n${body}\n\\end{document}\n`;
}
