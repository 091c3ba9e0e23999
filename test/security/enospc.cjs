// Preloaded into the command line by test/security/write.test.ts (node --require): the disk is
// full. Every write to a file (not to stdout or stderr) fails with ENOSPC and writes nothing, as
// on a full disk. Node's own writeFileSync writes through fs.writeSync, so it fails the same way;
// syncBuiltinESMExports makes the ES module imports of node:fs see the change.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');
const { writeSync } = fs;
fs.writeSync = function (fd, ...rest) {
  if (fd === 1 || fd === 2) return writeSync.call(this, fd, ...rest);
  const error = new Error('ENOSPC: no space left on device, write');
  throw Object.assign(error, { code: 'ENOSPC', errno: -28, syscall: 'write' });
};
syncBuiltinESMExports();
