// What bare Arquero does to give every figure of `agreement`'s result (every column but the pair's
// sources is a figure, so it is figures only): written once for both benchmarks that use it
// (scale.mjs and scale-engines.mjs), from agreement's TSDoc and the statistics it names. Per pair
// of sources, the categories both report; midranks by `avg_rank`; the moments by Arquero's
// aggregates; the nulls where agreement's TSDoc puts them (n < 2 or a vector that does not vary,
// n < 4 for Fisher's interval, a figure not above 0 for the log ratios).
import { from, op } from 'arquero';

/** The columns of agreement's result. */
export const agreementColumns = [
  'source_a',
  'source_b',
  'n',
  'excluded',
  'pearson',
  'pearson_low',
  'pearson_high',
  'spearman',
  'concordance',
  'mean_abs_difference',
  'log_ratio_mean',
  'log_ratio_sd',
  'ratio_lower',
  'ratio_upper',
];

/**
 * agreement(t, { by: 'category' }) in Arquero, for a table with one row per source and category
 * (`sources`: the sources in table order): the table pivoted to one column per source, then per
 * pair a filter, two `avg_rank`s and one `rollup` of the moments, and the figures derived.
 */
export function agreementArquero(t, sources) {
  const wide = t.groupby('category').pivot('source', 'value');
  const valid = wide.rollup(Object.fromEntries(sources.map((s) => [s, op.valid(s)])));
  const reported = valid.object();
  const moments = [];
  sources.forEach((a, i) => {
    for (const b of sources.slice(i + 1)) {
      const m = wide
        .select({ [a]: 'x', [b]: 'y' })
        .filter((d) => d.x != null && d.y != null)
        .orderby('x')
        .derive({ rx: op.avg_rank() })
        .orderby('y')
        .derive({ ry: op.avg_rank() })
        .rollup({
          n: op.count(),
          pearson: op.corr('x', 'y'),
          spearman: op.corr('rx', 'ry'),
          cov: op.covariancep('x', 'y'),
          vx: op.variancep('x'),
          vy: op.variancep('y'),
          mx: op.mean('x'),
          my: op.mean('y'),
          mad: (d) => op.mean(op.abs(d.x - d.y)),
          positive: (d) => op.min(d.x) > 0 && op.min(d.y) > 0,
          lm: (d) => op.mean(op.log(d.x / d.y)),
          lsd: (d) => op.stdev(op.log(d.x / d.y)),
        })
        .object();
      moments.push({ source_a: a, source_b: b, ra: reported[a], rb: reported[b], ...m });
    }
  });
  return from(moments)
    .derive({
      excluded: (d) => d.ra + d.rb - 2 * d.n,
      varies: (d) => d.n >= 2 && d.vx > 0 && d.vy > 0,
      lm: (d) => (d.n > 0 && d.positive ? d.lm : null),
      se: (d) => (d.n >= 4 ? 1.959963984540054 / op.sqrt(d.n - 3) : null),
    })
    .derive({
      pearson: (d) => (d.varies ? op.least(1, op.greatest(-1, d.pearson)) : null),
      spearman: (d) => (d.varies ? op.least(1, op.greatest(-1, d.spearman)) : null),
      concordance: (d) =>
        d.n >= 2 ? (2 * d.cov) / (d.vx + d.vy + (d.mx - d.my) * (d.mx - d.my)) : null,
      mean_abs_difference: (d) => (d.n > 0 ? d.mad : null),
      log_ratio_sd: (d) => (d.lm != null && d.n >= 2 ? d.lsd : null),
    })
    .derive({
      pearson_low: (d) =>
        d.pearson != null && d.se != null ? op.tanh(op.atanh(d.pearson) - d.se) : null,
      pearson_high: (d) =>
        d.pearson != null && d.se != null ? op.tanh(op.atanh(d.pearson) + d.se) : null,
      log_ratio_mean: (d) => d.lm,
      ratio_lower: (d) =>
        d.log_ratio_sd != null ? op.exp(d.lm - 1.959963984540054 * d.log_ratio_sd) : null,
      ratio_upper: (d) =>
        d.log_ratio_sd != null ? op.exp(d.lm + 1.959963984540054 * d.log_ratio_sd) : null,
    })
    .select(agreementColumns);
}
