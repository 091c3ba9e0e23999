// What bare Arquero and a hand-written typed-array loop do to give every figure column of
// `audit`'s result, for the scale benchmark (scale.mjs): stated totals without structure (no `id`),
// each covering the rows of its source, measure, unit and scope (`key=value` pairs joined by ';').
// Written from the README's rules, not from the package's code: a dash (value null) is left out of
// the sums and counted, and makes the parts unbounded above, as does a part that is a lower bound
// (high null); rounding is half the rounding unit (`precision`) of every figure; the check and its
// reason in words follow the rules in the README ("The rules of the arithmetic") and audit's TSDoc.
import { escape, op, table as columnTable } from 'arquero';

let intl;
/**
 * A figure as the reasons write it (597,323): digits grouped by hand for whole numbers ≥ 0 below
 * 2^53, `Intl.NumberFormat('en-US')` for any other.
 */
export function figure(n) {
  if (!Number.isSafeInteger(n) || n < 0 || Object.is(n, -0))
    return (intl ??= new Intl.NumberFormat('en-US')).format(n);
  if (n < 1000) return String(n);
  const s = String(n);
  let out = s.slice(0, ((s.length - 1) % 3) + 1);
  for (let k = out.length; k < s.length; k += 3) out += `,${s.slice(k, k + 3)}`;
  return out;
}

/** A sum as a reader says it: 322,000; 186,000–195,000; at least 38,000. */
function span(low, high) {
  if (high === null) return `at least ${figure(low)}`;
  return low === high ? figure(low) : `${figure(low)}–${figure(high)}`;
}

/**
 * The check and its reason for one stated total against its parts: `reported` parts added to
 * value/low/reportedHigh (null where a reported part is unbounded), `dashes` parts not reported.
 */
export function judged(stated, statedLow, statedHigh, value, low, reportedHigh, dashes, rounding) {
  const holders =
    dashes === 1 ? 'the part not reported (a dash)' : `the ${dashes} parts not reported (a dash)`;
  const high = dashes > 0 ? null : reportedHigh;
  if (stated === null)
    return [
      'undetermined',
      value === null
        ? 'the source states no total, and no part is reported'
        : `the source states no total; its parts come to ${span(low, high)}`,
    ];
  if (low === null) return ['undetermined', 'no part is reported, so there is nothing to add'];
  const allowing = rounding > 0 ? `, even allowing ±${figure(rounding)} for rounding` : '';
  const top = reportedHigh === null ? Infinity : reportedHigh + rounding;
  if (statedHigh !== null && low - rounding > statedHigh)
    return [
      'inconsistent',
      `the parts come to ${span(low, high)}, more than the stated ${figure(statedHigh)}${allowing}`,
    ];
  if (top < statedLow) {
    if (dashes > 0)
      return [
        'undetermined',
        `the parts reported come to ${figure(reportedHigh)}, ` +
          `${figure(statedLow - reportedHigh)} short of the stated ${figure(statedLow)}; ` +
          `${holders} could hold the difference`,
      ];
    return [
      'inconsistent',
      `the parts come to ${span(low, high)}, less than the stated ${figure(statedLow)}${allowing}`,
    ];
  }
  let reason =
    value === stated && reportedHigh === low && statedLow === statedHigh
      ? 'the parts add up to the stated total'
      : reportedHigh === null
        ? 'the parts are lower bounds, and the stated total is not below their sum'
        : low <= statedHigh && reportedHigh >= statedLow
          ? "the stated total lies within the parts' interval"
          : `the difference is within rounding (±${figure(rounding)})`;
  if (dashes > 0) reason += `; ${holders} must then hold little or nothing`;
  return ['consistent', reason];
}

/** The scope of a stated total as [column, value] pairs. */
const scopeOf = (total) => (total.scope ? total.scope.split(';').map((p) => p.split('=')) : []);

/** The stated figures of a total: [stated, stated_low, stated_high]. */
const statedOf = (t) =>
  t.value === null
    ? [null, null, null]
    : [t.value, t.low ?? t.value, t.high === undefined ? t.value : t.high];

/**
 * The loop: one dictionary per key column (source, measure, unit, the scope's columns), the
 * combinations numbered through an array (a Map where they are many); sums per group in
 * Float64Arrays in one pass; each total's group found through the same dictionaries; the result
 * written column by column.
 */
export function auditLoop(t, c, totals) {
  const scopes = totals.map(scopeOf);
  const columns = scopes[0].map(([column]) => column);
  if (scopes.some((s) => s.map(([k]) => k).join(';') !== columns.join(';')))
    throw new Error('auditLoop: the bench totals share one list of scope columns');
  const keys = [c.source, c.measure, c.unit, ...columns.map((k) => c[k] ?? t.array(k))];
  const precision = c.precision; // undefined where the table has no such column
  const n = c.n;
  const dictionaries = [];
  const pairs = [];
  const group = new Int32Array(n);
  let count = 0;
  const own = new Int32Array(n);
  for (let k = 0; k < keys.length; k++) {
    const column = keys[k];
    const dictionary = new Map();
    for (let i = 0; i < n; i++) {
      let code = dictionary.get(column[i]);
      if (code === undefined) dictionary.set(column[i], (code = dictionary.size));
      own[i] = code;
    }
    dictionaries.push(dictionary);
    const width = dictionary.size;
    if (k === 0) {
      group.set(own);
      count = width;
      pairs.push(null);
      continue;
    }
    // the combinations numbered through an array where they are few, else a Map
    const combine =
      count * width <= 4 * n + 1024 ? new Int32Array(count * width).fill(-1) : new Map();
    let next = 0;
    if (combine instanceof Int32Array)
      for (let i = 0; i < n; i++) {
        const pair = group[i] * width + own[i];
        if (combine[pair] === -1) combine[pair] = next++;
        group[i] = combine[pair];
      }
    else
      for (let i = 0; i < n; i++) {
        const pair = group[i] * width + own[i];
        let g = combine.get(pair);
        if (g === undefined) combine.set(pair, (g = next++));
        group[i] = g;
      }
    pairs.push({ combine, width });
    count = next;
  }
  // sums per group: value, low, high with Neumaier's corrections; counts; rounding
  const sums = new Float64Array(count * 6);
  const rounding = new Float64Array(count);
  const rows = new Int32Array(count);
  const dashes = new Int32Array(count);
  const unbounded = new Uint8Array(count);
  const add = (at, x) => {
    const s = sums[at];
    const t = s + x;
    sums[at + 1] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    sums[at] = t;
  };
  for (let i = 0; i < n; i++) {
    const g = group[i];
    rows[g]++;
    const v = c.value[i];
    if (v !== v) {
      dashes[g]++;
      continue;
    }
    add(g * 6, v);
    add(g * 6 + 2, c.low[i]);
    const h = c.high[i];
    if (h !== h) unbounded[g] = 1;
    else add(g * 6 + 4, h);
    if (precision) rounding[g] += (precision[i] ?? 0) / 2;
  }
  const m = totals.length;
  const out = {
    rows: new Array(m),
    not_reported: new Array(m),
    parts: new Array(m),
    parts_low: new Array(m),
    parts_high: new Array(m),
    stated: new Array(m),
    stated_low: new Array(m),
    stated_high: new Array(m),
    difference: new Array(m),
    rounding: new Array(m),
    check: new Array(m),
    consistent: new Array(m),
    reason: new Array(m),
  };
  for (let j = 0; j < m; j++) {
    const t = totals[j];
    const values = [t.source, t.measure, t.unit ?? 'persons', ...scopes[j].map(([, v]) => v)];
    let g = dictionaries[0].get(values[0]);
    for (let k = 1; k < values.length && g !== undefined; k++) {
      const code = dictionaries[k].get(values[k]);
      const { combine, width } = pairs[k];
      const found =
        code === undefined
          ? undefined
          : combine instanceof Int32Array
            ? combine[g * width + code]
            : combine.get(g * width + code);
      g = found === -1 ? undefined : found;
    }
    if (g === undefined) throw new Error(`auditLoop: no row matches stated total ${j + 1}`);
    const reported = rows[g] - dashes[g];
    const value = reported === 0 ? null : sums[g * 6] + sums[g * 6 + 1];
    const low = reported === 0 ? null : sums[g * 6 + 2] + sums[g * 6 + 3];
    const reportedHigh = reported === 0 || unbounded[g] ? null : sums[g * 6 + 4] + sums[g * 6 + 5];
    const [stated, statedLow, statedHigh] = statedOf(t);
    const round = (reported === 0 ? 0 : rounding[g]) + (t.precision ?? 0) / 2;
    const [check, reason] = judged(
      stated,
      statedLow,
      statedHigh,
      value,
      low,
      reportedHigh,
      dashes[g],
      round,
    );
    out.rows[j] = rows[g];
    out.not_reported[j] = dashes[g];
    out.parts[j] = value;
    out.parts_low[j] = low;
    out.parts_high[j] = dashes[g] > 0 ? null : reportedHigh;
    out.stated[j] = stated;
    out.stated_low[j] = statedLow;
    out.stated_high[j] = statedHigh;
    out.difference[j] = value === null || stated === null ? null : value - stated;
    out.rounding[j] = round;
    out.check[j] = check;
    out.consistent[j] = check === 'undetermined' ? null : check === 'consistent';
    out.reason[j] = reason;
  }
  return out;
}

/**
 * Bare Arquero: a rollup by source, measure, unit and the scope's columns, joined with the stated
 * totals (in their order), and each figure column derived (the reason by an escaped function).
 */
export function auditArquero(t, totals) {
  const scopes = totals.map(scopeOf);
  const columns = scopes[0].map(([column]) => column);
  const stated = totals.map(statedOf);
  const keys = ['source', 'measure', 'unit', ...columns];
  const given = columnTable({
    order: totals.map((_, j) => j),
    source: totals.map((d) => d.source),
    measure: totals.map((d) => d.measure),
    unit: totals.map((d) => d.unit ?? 'persons'),
    ...Object.fromEntries(columns.map((k, i) => [k, scopes.map((s) => s[i][1])])),
    stated: stated.map((s) => s[0]),
    stated_low: stated.map((s) => s[1]),
    stated_high: stated.map((s) => s[2]),
    precision: totals.map((d) => d.precision ?? 0),
  });
  const hasPrecision = t.columnNames().includes('precision');
  const sums = t.groupby(keys).rollup({
    rows: op.count(),
    not_reported: op.invalid('value'),
    parts: op.sum('value'),
    parts_low: (d) => op.sum(d.value == null ? null : d.low),
    high: (d) => op.sum(d.value == null ? null : d.high),
    unbounded: (d) => op.sum(d.value != null && d.high == null ? 1 : 0),
    ...(hasPrecision ? { half: (d) => op.sum(d.value == null ? 0 : d.precision / 2) } : {}),
  });
  return given
    .join(sums, [keys, keys])
    .orderby('order')
    .derive({
      parts: (d) => (d.rows > d.not_reported ? d.parts : null),
      parts_low: (d) => (d.rows > d.not_reported ? d.parts_low : null),
      reported_high: (d) => (d.rows > d.not_reported && d.unbounded === 0 ? d.high : null),
      rounding: hasPrecision
        ? (d) => (d.rows > d.not_reported ? d.half : 0) + d.precision / 2
        : (d) => d.precision / 2,
    })
    .derive({
      parts_high: (d) => (d.not_reported > 0 ? null : d.reported_high),
      difference: (d) => (d.parts == null || d.stated == null ? null : d.parts - d.stated),
      judged: escape((d) =>
        judged(
          d.stated,
          d.stated_low,
          d.stated_high,
          d.parts,
          d.parts_low,
          d.reported_high,
          d.not_reported,
          d.rounding,
        ),
      ),
    })
    .derive({
      check: escape((d) => d.judged[0]),
      reason: escape((d) => d.judged[1]),
    })
    .derive({ consistent: (d) => (d.check === 'undetermined' ? null : d.check === 'consistent') })
    .select(
      'rows',
      'not_reported',
      'parts',
      'parts_low',
      'parts_high',
      'stated',
      'stated_low',
      'stated_high',
      'difference',
      'rounding',
      'check',
      'consistent',
      'reason',
    );
}

/**
 * Throws unless `other` (column arrays, or a table) holds the same figure columns as the package's
 * result `expected`: numbers equal to 1e-9 relative, nulls where it has null, other cells equal.
 */
export function checkSame(name, expected, other) {
  const get = (x, c) => (typeof x.array === 'function' ? x.array(c) : x[c]);
  const columns = typeof other.array === 'function' ? other.columnNames() : Object.keys(other);
  if (columns.length === 0) throw new Error(`${name}: no column to compare`);
  for (const column of columns) {
    const want = Array.from(expected.array(column));
    const got = Array.from(get(other, column));
    if (got.length !== want.length)
      throw new Error(`${name}, ${column}: ${got.length} rows, the package ${want.length}`);
    for (let i = 0; i < want.length; i++) {
      const [w, g] = [want[i] ?? null, got[i] ?? null];
      const same =
        typeof w === 'number' && typeof g === 'number'
          ? Math.abs(w - g) <= 1e-9 * Math.max(1, Math.abs(w))
          : w === g;
      if (!same)
        throw new Error(`${name}, ${column}, row ${i + 1}: ${String(g)}, the package ${String(w)}`);
    }
  }
}
