// The one writer of every file the package writes (the report folder, `chart --out`,
// `estimate --chart`). Its rules:
// - never half: a file is written to a temporary file beside it, a folder into a temporary folder
//   beside it, and renamed into place only once whole; on any failure the old one is untouched;
// - never through a symbolic link (a link at the target, or inside a report folder, is refused);
// - never deletes what the package did not write: a report folder is replaced only if every entry
//   in it is listed, with its SHA-256, in the manifest the package wrote there; anything else
//   stops the run and names the files (unless `force`);
// - never, even with `force`: `/`, a system folder, the home folder, a folder holding the home
//   folder or the current folder.
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import {
  CasualtiesError,
  InvalidOptionError,
  ReportWriteError,
  listNames,
  show,
} from '../errors.js';

/**
 * The file that marks a folder as a report of this package, so that a new report may replace it.
 */
export const manifestName = '.ww2-yugoslavia-casualties-report.json';

/** Folders a report is never written into, nor into anything under them. */
export const systemFolders: readonly string[] = Object.freeze([
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/usr',
  '/var/lib',
  '/var/run',
  '/System',
  '/Library',
  'C:\\Windows',
]);

/**
 * Folders that hold other people's folders: never replaced themselves (a folder under them may be).
 */
export const sharedFolders: readonly string[] = Object.freeze([
  '/home',
  '/Users',
  '/root',
  '/opt',
  '/srv',
  '/mnt',
  '/media',
  '/var',
  '/tmp',
  '/var/tmp',
  '/private',
  '/private/tmp',
  '/private/var',
  '/Volumes',
  '/nix',
  '/snap',
]);

/**
 * A file name derived from something given (a chart's name): letters, digits, '.', '-', '_' only.
 */
export function safeFileName(name: unknown, fallback = 'chart'): string {
  const cleaned = (typeof name === 'string' ? name : '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+$/, '')
    .slice(0, 80);
  return cleaned === '' ? fallback : cleaned;
}

/**
 * Writes `files` (paths relative to `dir`, with `/` between folders) as the folder `dir`, whole or
 * not at all. Refuses `/`, system folders, a `dir` that is a symlink or holds one, and a
 * non-empty folder that is not a previous report unless `force`. The files are written into a
 * new folder beside `dir` that is then renamed into place; on any failure it is removed and
 * `dir` is as it was.
 *
 * @throws {ReportWriteError} If the folder cannot or must not be written (one line, naming it).
 */
export function writeFolder(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  options: { force?: boolean; manifest?: object } = {},
): void {
  for (const path of files.keys()) checkRelative(path);
  const existing = checkOutput(dir, options.force === true);
  const target = resolve(dir);
  const parent = dirname(target);
  attempt(() => mkdirSync(parent, { recursive: true }), parent);
  const temporary = attempt(() => mkdtempSync(join(parent, `.${basename(target)}.tmp-`)), parent);
  attempt(() => {
    chmodSync(temporary, 0o755);
  }, temporary); // mkdtemp makes it private (0700); a report is for reading
  let old: string | undefined;
  try {
    const all = new Map(files);
    const hashes: Record<string, string> = {};
    for (const [path, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1)))
      hashes[path] = sha256(content);
    const manifest = { ...options.manifest, files: hashes };
    all.set(manifestName, `${JSON.stringify(manifest, null, 2)}\n`);
    for (const [path, content] of all) {
      const full = join(temporary, ...path.split('/'));
      attempt(() => mkdirSync(dirname(full), { recursive: true }), full);
      attempt(() => {
        writeFileSync(full, content, { flag: 'wx' });
      }, full); // wx: never through an existing file or link
    }
    if (existing) {
      checkOutput(dir, options.force === true); // again: the folder may have changed meanwhile
      old = `${temporary}.old`;
      attempt(() => {
        renameSync(target, old!);
      }, target);
    }
    try {
      attempt(() => {
        renameSync(temporary, target);
      }, target);
    } catch (error) {
      if (old) renameSync(old, target); // put the previous report back
      old = undefined;
      throw error;
    }
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
  if (old) rmSync(old, { recursive: true, force: true });
}

/**
 * Checks that a report may be written to `dir`, touching nothing: not `/`, a system folder, the
 * home folder or a folder holding the current one; not a symlink, nor a folder holding one; not
 * a folder of other files unless `force`; and the nearest existing folder can be written.
 *
 * @returns Whether `dir` exists (and is to be replaced).
 * @throws {ReportWriteError} Saying which and why, with a hint.
 */
export function checkOutput(dir: string, force = false): boolean {
  if (typeof dir !== 'string' || dir === '' || dir.includes('\0'))
    throw new InvalidOptionError(
      `writeReport: dir is ${show(dir)}; expected the path of a folder, e.g. 'report'.`,
    );
  const target = resolve(dir);
  checkPlace(target, dirname(target), dir);
  const existing = lstatOrNull(target, dir);
  if (existing) {
    if (existing.isSymbolicLink())
      fail(
        `${show(dir)} is a symbolic link`,
        'a report never writes through a link; choose a folder',
      );
    if (!existing.isDirectory()) fail(`${show(dir)} is a file`, 'choose a folder, or a new name');
    const link = findSymlink(target);
    if (link)
      fail(
        `${show(dir)} holds a symbolic link (${show(link)})`,
        'remove it, or choose a new folder',
      );
    const entries = readdirSync(target);
    if (entries.length > 0 && !force) {
      const manifest = entries.includes(manifestName) ? readManifest(target) : undefined;
      if (!manifest)
        fail(
          `${show(dir)} is a folder of other files, not a previous report`,
          'pass --force (option force) to replace it and everything in it, or choose a new folder',
        );
      const others = unlisted(target, manifest);
      if (others.length > 0)
        fail(
          `${show(dir)} holds files its report did not write, or changed since: ` +
            listNames(others),
          'move them out, or pass --force (option force) to replace the folder and everything in ' +
            'it, or choose a new folder',
        );
    }
  }
  // the nearest folder that exists must be a folder this process can write
  let above = existing ? target : dirname(target);
  while (!lstatOrNull(above, dir) && dirname(above) !== above) above = dirname(above);
  try {
    if (!statSync(above).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    accessSync(above, constants.W_OK);
  } catch (error) {
    fail(
      `cannot write to ${show(dir)} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'choose a folder you can write to',
    );
  }
  return existing !== null;
}

/**
 * Refuses `/`, the system folders and anything under them,
 * by the path given and the real path of its parent.
 */
function checkPlace(target: string, parent: string, given: string): void {
  const real = realParent(parent);
  const cwd = process.cwd();
  for (const path of [target, join(real, basename(target))]) {
    if (path === sep || dirname(path) === path)
      fail(
        `${show(given)} is the root of the file system`,
        'choose a folder of its own, e.g. report',
      );
    const system = systemFolders.find(
      (s) => path === s || path.startsWith(s.endsWith(sep) ? s : s + sep),
    );
    if (system)
      fail(
        `${show(given)} is in the system folder ${system}`,
        'choose a folder of your own, e.g. report',
      );
    if (sharedFolders.includes(path))
      fail(
        `${show(given)} is the system folder ${path}`,
        'a report replaces its folder whole; choose a folder of its own, e.g. report',
      );
    for (const home of homes())
      if (path === home || (home + sep).startsWith(path + sep))
        fail(
          `${show(given)} is ` +
            (path === home ? 'the home folder' : 'a folder holding the home folder'),
          'a report replaces its folder whole; choose a folder of its own, e.g. report',
        );
    if ((cwd + sep).startsWith(path + sep))
      fail(
        `${show(given)} is the current folder or holds it`,
        'a report replaces its folder whole; choose a folder of its own, e.g. report',
      );
  }
}

/** The home folder, as given and as its real path. */
function homes(): string[] {
  const home = resolve(homedir());
  try {
    return [home, realpathSync(home)];
  } catch {
    return [home];
  }
}

/** SHA-256 of a file's content, in hex. */
function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The most bytes of a manifest read: one this package wrote is a few kilobytes. */
const maxManifestBytes = 4 * 1024 * 1024;

/** The files a report folder's manifest lists, with their hashes; undefined if it lists none. */
function readManifest(dir: string): Record<string, string> | undefined {
  const path = join(dir, manifestName);
  try {
    const stat = lstatSync(path);
    if (!stat.isFile() || stat.size > maxManifestBytes) return undefined;
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const files = (parsed as { files?: unknown } | null)?.files;
    if (files === null || typeof files !== 'object' || Array.isArray(files)) return undefined;
    const listed: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [name, hash] of Object.entries(files))
      if (typeof hash === 'string') listed[name] = hash;
    return listed;
  } catch {
    return undefined;
  }
}

/**
 * The entries of a report folder (relative paths) that its manifest does not list with their
 * current hash: files added, changed, or of another kind, and folders holding none of the listed.
 */
function unlisted(dir: string, listed: Record<string, string>): string[] {
  const others: string[] = [];
  const folders = new Set<string>();
  for (const path of Object.keys(listed)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const stack = [''];
  let seen = 0;
  while (stack.length > 0) {
    const relative = stack.pop()!;
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (++seen > 100_000)
        fail(`${show(dir)} holds more than 100,000 files`, 'choose a new folder');
      if (path === manifestName && entry.isFile()) continue;
      if (entry.isDirectory()) {
        if (folders.has(path)) stack.push(path);
        else others.push(`${path}/`);
      } else if (
        !entry.isFile() ||
        !Object.hasOwn(listed, path) ||
        sha256(readFileSync(join(dir, path))) !== listed[path]
      )
        others.push(path);
    }
  }
  return others.sort();
}

/** The real path of the nearest existing folder above or at `path`, with the rest appended. */
function realParent(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return path;
  }
}

/** Refuses a relative path that is absolute or climbs out of the folder. */
function checkRelative(path: string): void {
  const parts = path.split('/');
  if (
    path === '' ||
    isAbsolute(path) ||
    path.includes('\\') ||
    parts.some((p) => p === '' || p === '.' || p === '..' || p.includes('\0'))
  ) {
    throw new InvalidOptionError(
      `writeReport: the file name ${show(path)} would leave the report folder; expected a ` +
        "relative name of letters, digits, '.', '-' and '_'.",
    );
  }
}

/**
 * The first symbolic link inside `dir` (a path relative to it), looked for without following any.
 */
function findSymlink(dir: string): string | undefined {
  const stack = [''];
  let seen = 0;
  while (stack.length > 0) {
    const relative = stack.pop()!;
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) return path;
      if (entry.isDirectory()) stack.push(path);
      if (++seen > 100_000)
        fail(`${show(dir)} holds more than 100,000 files`, 'choose a new folder');
    }
  }
  return undefined;
}

function lstatOrNull(path: string, given: string) {
  try {
    return lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    return fail(
      `cannot write to ${show(given)} (${code ?? 'error'})`,
      'choose a folder you can write to',
    );
  }
}

/**
 * Writes one file safely: `content` goes to a new temporary file beside `path`, which is renamed
 * over `path` only once whole, so that a failure (a full disk, say) leaves the old file
 * byte-identical. `path` must not be a symbolic link (the file it points to is never written),
 * nor a folder or a device, nor in a system folder.
 *
 * @param path The file to write.
 * @param content Its content.
 * @param fn The function or command that writes it, for the error message.
 * @throws {ReportWriteError} If the file must not or cannot be written (one line, with a hint).
 * @example
 * writeFileSafely('figure.png', await toPNG(spec), 'chart');
 */
export function writeFileSafely(path: string, content: string | Uint8Array, fn: string): void {
  if (typeof path !== 'string' || path === '' || path.includes('\0'))
    throw new InvalidOptionError(`${fn}: the file is ${show(path)}; expected the path of a file.`);
  const target = resolve(path);
  const parent = dirname(target);
  const real = join(realParent(parent), basename(target));
  for (const p of [target, real]) {
    const system = systemFolders.find((s) => p.startsWith(s.endsWith(sep) ? s : s + sep));
    if (system)
      fail(`${show(path)} is in the system folder ${system}`, 'choose a file of your own');
  }
  const existing = lstatOrNull(target, path);
  if (existing?.isSymbolicLink())
    fail(
      `${show(path)} is a symbolic link`,
      'the package never writes through a link; remove it, or choose another file name',
    );
  if (existing && !existing.isFile())
    fail(`${show(path)} is not a regular file`, 'choose the name of a file, e.g. chart.png');
  attempt(() => mkdirSync(parent, { recursive: true }), parent);
  const temporary = join(parent, `.${basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    const fd = attempt(
      () => openSync(temporary, 'wx', existing ? existing.mode & 0o777 : 0o666),
      path,
    );
    try {
      attempt(() => {
        for (let at = 0; at < bytes.length; )
          at += writeSync(fd, bytes, at, Math.min(bytes.length - at, 1 << 20));
        fsyncSync(fd);
      }, path);
    } finally {
      closeSync(fd);
    }
    if (lstatOrNull(target, path)?.isSymbolicLink())
      fail(`${show(path)} is a symbolic link`, 'the package never writes through a link');
    attempt(() => {
      renameSync(temporary, target);
    }, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // never made, or gone already
    }
    throw error;
  }
}

/** Runs a file operation; an I/O error becomes a one-line ReportWriteError naming the path. */
function attempt<T>(f: () => T, path: string): T {
  try {
    return f();
  } catch (error) {
    if (error instanceof CasualtiesError) throw error;
    const e = error as NodeJS.ErrnoException;
    const why: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      EISDIR: 'it is a folder',
      ENOTDIR: 'a part of the path is a file, not a folder',
      ENOSPC: 'no space left on the device',
      EROFS: 'the file system is read-only',
      EEXIST: 'it exists already',
      ENAMETOOLONG: 'the name is too long',
      EDQUOT: 'the disk quota is used up',
    };
    throw new ReportWriteError(
      `cannot write ${show(path)} (${e?.code ?? 'error'}: ` +
        `${why[e?.code ?? ''] ?? 'an I/O error'}); nothing was changed`,
      { cause: error, hint: 'choose a place you can write to, on a disk with room' },
    );
  }
}

function fail(message: string, hint: string): never {
  throw new ReportWriteError(message, { hint });
}
