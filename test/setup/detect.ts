// What the browser, report, notebook and seed tests need from the machine, looked for the way a
// user's shell would find it: an environment variable first, then PATH, then where .ci/run puts it.
// Pure functions of the environment given, so that the look-up itself is tested.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Something a test suite needs from the machine, and the command that provides it. */
export interface Requirement {
  /** What it is, as a message names it ("Chromium"). */
  name: string;
  /** Where it was found (a path), or undefined when it is missing. */
  found: string | undefined;
  /** Why it was not found, when it was not (which places were looked at). */
  lookedAt: string;
  /** The command (or step) that makes it available. */
  install: string;
}

type Env = Record<string, string | undefined>;

/** True when `path` is a file this process may execute. */
export function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The first of `names` found as an executable file in a directory of `env.PATH`. */
export function onPath(names: string[], env: Env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of names) if (executable(join(dir, name))) return join(dir, name);
  return undefined;
}

/** The requirement as the environment variable `variable` names it, if it is set. */
function fromVariable(
  name: string,
  variable: string,
  env: Env,
  install: string,
): Requirement | undefined {
  const path = env[variable];
  if (!path) return undefined;
  return {
    name,
    found: executable(path) ? path : undefined,
    lookedAt: `${variable}=${path} is not an executable file`,
    install,
  };
}

/**
 * Chromium (or Chrome), for the browser and report tests: `CHROMIUM_BIN` if set (and then only
 * it), else `chromium`, `chromium-browser`, `google-chrome` on PATH.
 */
export function findChromium(env: Env = process.env): Requirement {
  const install = 'sudo apt-get install chromium (Debian/Ubuntu; .ci/run does this)';
  const set = fromVariable('Chromium', 'CHROMIUM_BIN', env, install);
  if (set) return set;
  return {
    name: 'Chromium',
    found: onPath(['chromium', 'chromium-browser', 'google-chrome'], env),
    lookedAt: 'no chromium, chromium-browser or google-chrome on PATH, and CHROMIUM_BIN is not set',
    install,
  };
}

/**
 * A Java runtime, for the Nu HTML checker (npm `vnu-jar`) in the report test: `JAVA_BIN` if set
 * (and then only it), else `java` on PATH.
 */
export function findJava(env: Env = process.env): Requirement {
  const install = 'sudo apt-get install default-jre-headless (Debian/Ubuntu; .ci/run does this)';
  const set = fromVariable('Java', 'JAVA_BIN', env, install);
  if (set) return set;
  return {
    name: 'Java',
    found: onPath(['java'], env),
    lookedAt: 'no java on PATH, and JAVA_BIN is not set',
    install,
  };
}

/** Where `.ci/install-deno` puts Deno (under the home directory, outside the clone). */
export function cachedDeno(env: Env = process.env): string {
  return join(env.HOME || homedir(), '.cache/ww2yc-deno/node_modules/deno/deno');
}

/**
 * Deno, for the notebook test: `DENO_BIN` if set (and then only it), else `deno` on PATH, else
 * where `.ci/install-deno` installs it.
 */
export function findDeno(env: Env = process.env): Requirement {
  const install =
    '.ci/install-deno (installs deno from npm into ~/.cache/ww2yc-deno, as .ci/run does)';
  const set = fromVariable('Deno', 'DENO_BIN', env, install);
  if (set) return set;
  const cached = cachedDeno(env);
  return {
    name: 'Deno',
    found: onPath(['deno'], env) ?? (executable(cached) ? cached : undefined),
    lookedAt: `no deno on PATH, none at ${cached}, and DENO_BIN is not set`,
    install,
  };
}

/**
 * A Python that can `import nbclient, nbformat` (the notebook runner): `python3` on PATH, else
 * Debian's /usr/bin/python3 (a pyenv or venv python on PATH often lacks Debian's packages).
 */
export function findNbclient(env: Env = process.env): Requirement {
  const candidates = [onPath(['python3'], env), '/usr/bin/python3'].filter(
    (p, i, all): p is string => Boolean(p) && all.indexOf(p) === i && executable(p!),
  );
  const found = candidates.find(
    (python) =>
      spawnSync(python, ['-c', 'import nbclient, nbformat'], { stdio: 'ignore', env }).status === 0,
  );
  return {
    name: 'the notebook runner (python3 with nbclient and nbformat)',
    found,
    lookedAt: `${candidates.join(' and ') || 'no python3'}: cannot import nbclient, nbformat`,
    install: 'sudo apt-get install python3-nbclient python3-nbformat (.ci/run does this)',
  };
}

/** The seed documents, in `shared/seeds` beside the clone (`../shared/seeds`). */
export function findSeeds(root: string): Requirement {
  const dir = join(root, '../shared/seeds');
  return {
    name: 'the seed documents (../shared/seeds)',
    found: existsSync(dir) ? dir : undefined,
    lookedAt: `${dir} does not exist`,
    install:
      "put the project's shared/ folder beside the clone, so that ../shared/seeds holds the seed documents",
  };
}

/** The message of a suite that cannot run: what is missing, where it was looked for, the fix. */
export function missing(suite: string, needs: Requirement[]): string {
  const absent = needs.filter((r) => !r.found);
  return `${suite} needs ${absent.map((r) => `${r.name} (${r.lookedAt}); install: ${r.install}`).join('; and ')}`;
}
