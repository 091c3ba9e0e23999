// The line `audit` prints under its table: the check across tables (see balance()).
import { balance } from '../analysis/balance.js';
import { numberFormat } from '../exchange/figure.js';

/**
 * One line: deaths + births deficit + emigration against the demographic loss, the gap for each
 * source of a deaths figure (parts − loss, with the interval where the figures allow one).
 *
 * @returns The line, without a line break.
 * @example
 * balanceLine();
 * // => 'Across tables, deaths + births deficit 335,000 + emigration ~660,000 against the ' +
 * //    'demographic loss 1,700,000 (yu-official): yu-1964 −107,677; kocovic +309,000; …'
 */
export function balanceLine(): string {
  const rows = balance().objects();
  const n = (x: number) => numberFormat('en-US').format(Math.abs(x));
  const signed = (x: number | null) =>
    x === null ? 'unbounded' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${n(x)}`;
  const approx = (q: string) => (q === 'approximate' ? '~' : '');
  const r = rows[0]!;
  const gaps = rows
    .map(
      (g) =>
        `${g.deaths_source} ${approx(g.approximate ? 'approximate' : '')}${signed(g.gap)}` +
        (g.gap_low !== g.gap_high ? ` (${signed(g.gap_low)} to ${signed(g.gap_high)})` : ''),
    )
    .join('; ');
  return (
    'Across tables, deaths + births deficit ' +
    `${approx(r.births_deficit_qualifier)}${n(r.births_deficit)} + emigration ` +
    `${approx(r.emigration_qualifier)}${n(r.emigration)} against the demographic loss ` +
    `${approx(r.loss_qualifier)}${n(r.loss)} (${r.loss_source}), parts − loss: ${gaps}. ` +
    'The parts come from different sources; see balance().'
  );
}
