// compare's differences and ratios with their bounds, as Arquero derives them from a row joined
// with the baseline's figure (columns baseline_value, baseline_low, baseline_high): written once
// for both baselines that use them (scale.mjs and scale-engines.mjs), from compare's TSDoc.
export const compareBounds = {
  difference: (d) =>
    d.value == null || d.baseline_value == null ? null : d.value - d.baseline_value,
  difference_low: (d) =>
    d.value == null || d.baseline_high == null ? null : d.low - d.baseline_high,
  difference_high: (d) =>
    d.high == null || d.baseline_value == null ? null : d.high - d.baseline_low,
  ratio: (d) =>
    d.value == null || d.baseline_value == null || d.baseline_value === 0
      ? null
      : d.value / d.baseline_value,
  ratio_low: (d) =>
    d.value == null || d.baseline_value == null || d.baseline_value === 0
      ? null
      : d.baseline_high == null
        ? 0
        : d.baseline_high === 0
          ? null
          : d.low / d.baseline_high,
  ratio_high: (d) =>
    d.value == null ||
    d.baseline_value == null ||
    d.baseline_value === 0 ||
    d.high == null ||
    d.baseline_low === 0
      ? null
      : d.high / d.baseline_low,
};
