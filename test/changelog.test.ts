// The changelog names every dataset whose file changed since the last release.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');

/** The text of a `## [name]` section, up to the next `## ` heading. */
function section(text: string, name: string): string {
  const start = text.indexOf(`## [${name}]`);
  if (start < 0) throw new Error(`CHANGELOG.md has no section '## [${name}]'`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The `### Data` part of a section. */
function dataPart(text: string): string {
  const start = text.indexOf('### Data');
  if (start < 0) return '';
  const end = text.indexOf('\n### ', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
}

/** The changed dataset files (`datasets/<id>.csv`) that the Data part does not name. */
function unlisted(text: string, changed: readonly string[]): string[] {
  const data = dataPart(section(text, 'Unreleased'));
  return changed
    .map((file) => /^datasets\/(.+)\.csv$/.exec(file)?.[1])
    .filter((id): id is string => id !== undefined && !data.includes(`\`${id}\``));
}

describe('unlisted(changelog, changed files)', () => {
  const text =
    '## [Unreleased]\n\n### Data\n\n- `slovenia-2005`: a note quoted.\n\n### Added\n\n- `by-status`\n';
  test('names a changed dataset missing from the Data section, even if named elsewhere', () => {
    expect(unlisted(text, ['datasets/slovenia-2005.csv', 'datasets/by-status.csv'])).toEqual([
      'by-status',
    ]);
  });
  test('ignores files that are not dataset CSVs', () => {
    expect(unlisted(text, ['datasets/datapackage.json', 'src/index.ts'])).toEqual([]);
  });
});

describe('CHANGELOG.md', () => {
  const release = /## \[(\d+\.\d+\.\d+)\][^\n]*\n\nReleased from commit `([0-9a-f]{7,40})`/.exec(
    changelog,
  );

  test('names the commit of its last release', () => {
    expect(release?.[2]).toMatch(/^[0-9a-f]{7,40}$/);
  });

  // Needs the git history (a clone, not the npm tarball or a shallow clone): without it the check
  // is skipped, and says so.
  const commit = release?.[2] ?? '';
  let history = true;
  try {
    execFileSync('git', ['cat-file', '-e', `${commit}^{commit}`], { cwd: root, stdio: 'ignore' });
  } catch {
    history = false;
    console.warn(`CHANGELOG check skipped: commit ${commit} is not in this clone's history.`);
  }
  test.skipIf(!history)('lists in Unreleased every dataset changed since the last release', () => {
    const changed = execFileSync('git', ['diff', '--name-only', commit, '--', 'datasets/*.csv'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean);
    expect(unlisted(changelog, changed), 'datasets changed but not in CHANGELOG.md').toEqual([]);
  });
});
