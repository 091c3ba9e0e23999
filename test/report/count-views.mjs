// Preloaded (node --import) by draw.test.ts: counts the distinct Vega views that run in the
// process and prints the count at exit. Every drawing runs its view (runAsync).
import { View } from 'vega';

const seen = new WeakSet();
let views = 0;
const runAsync = View.prototype.runAsync;
View.prototype.runAsync = function (...args) {
  if (!seen.has(this)) {
    seen.add(this);
    views++;
  }
  return runAsync.apply(this, args);
};
process.on('exit', () => {
  process.stdout.write(`vega views run: ${views}\n`);
});
