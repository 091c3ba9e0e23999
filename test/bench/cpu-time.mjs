// Preloaded (node --import) into every process bench.mjs times: at exit it writes the CPU time the
// process used (user + system, all its threads, since it started) to stderr, for the CPU ratios.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nbench-cpu-ms ${(user + system) / 1000}\n`);
});
