// Where .ci/install-kernels puts ijavascript, tslab and vega-lite 5 (for its schema), as a
// Requirement the notebook tests name when it is missing.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Requirement } from '../setup/detect.js';

const install = '.ci/install-kernels (npm installs into ~/.cache/ww2yc-kernels, as .ci/run does)';

/** The folder of ~/.cache/ww2yc-kernels/node_modules/<name>, if `file` is in it. */
function installed(name: string, file: string, what: string): Requirement {
  const dir = join(process.env.HOME ?? homedir(), '.cache/ww2yc-kernels/node_modules', name);
  return {
    name: what,
    found: existsSync(join(dir, file)) ? dir : undefined,
    lookedAt: `no ${join(dir, file)}`,
    install,
  };
}

export const findIjavascript = () =>
  installed('ijavascript', 'lib/kernel.js', 'the ijavascript kernel');
export const findTslab = () => installed('tslab', 'bin/tslab', 'the tslab kernel');
export const findVegaLite5 = () =>
  installed('vega-lite-5', 'build/vega-lite-schema.json', 'the Vega-Lite 5 schema (vega-lite@5)');
