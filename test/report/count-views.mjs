// Preloaded (node --import) by the report tests: counts the distinct Vega views that draw in the
// process (toSVG or toCanvas; a view run only to measure a layout draws nothing) and prints the
// count at exit.
import { View } from 'vega';

const seen = new WeakSet();
let views = 0;
for (const method of ['toSVG', 'toCanvas']) {
  const draw = View.prototype[method];
  View.prototype[method] = function (...args) {
    if (!seen.has(this)) {
      seen.add(this);
      views++;
    }
    return draw.apply(this, args);
  };
}
process.on('exit', () => {
  process.stdout.write(`vega views run: ${views}\n`);
});
