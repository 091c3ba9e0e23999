// What bare Arquero and a hand-written typed-array loop do to give every column of `rollup`'s and
// `harmonize`'s results, for the scale benchmark (scale.mjs). Written from the README's rules and
// the functions' TSDoc, not from the package's code, for tables without structure columns (no
// `id`, `part_of`, `subset_of`, `restates`, `precision`) and with `missing: 'skip'`:
// - one result row per group of source, the key columns, measure and unit, in the order the groups
//   first appear;
// - a group of one row is that row unchanged (value, low, high, qualifier, label, note);
// - a group of several rows adds the values, lows and highs of its reported rows; a dash (value
//   null) is left out and counted (`not_reported`), and leaves the sum without an upper bound
//   (`high` null, `at-least`), as does a reported part without a high (a lower bound); otherwise
//   the sum is `derived`; with no reported part, value, low and high are null and the qualifier
//   `not-reported`;
// - its label joins the labels of the reported parts (of every part where none is reported) with
//   ' + '; its note names the parts added, the dashes left out and the lower bounds, in the words
//   `rollup` writes (its TSDoc example, and its notes on by-nationality for the dashes);
// - harmonize first maps each row's key in the dimension through the crosswalk (an entry for the
//   row's source before one for every source): `comparability` is null if a part's key has no
//   entry, `partial` if a part's entry is partial, else `same`; `warning` joins with '; ' the
//   distinct warnings of the parts (the crosswalk's note of a partial part, after its label; a key
//   with no entry, kept as it is).
// With `{ figuresOnly: true }`, the Arquero equivalents give the keys and figures alone (value,
// low, high, parts, not_reported), for the bench against the figures-only baselines
// (scale-engines.mjs).
import { escape, op, table as columnTable } from 'arquero';

/**
 * The note of a sum of several rows from the labels added, left out (dashes) and lower bounds:
 * each list joined once, the quotes in the separators ('a' + 'b').
 */
function sumNote(added, leftOut, bounds) {
  let note =
    added.length > 0 ? `derived: the sum of '${added.join("' + '")}'` : 'no part is reported';
  if (leftOut.length > 0)
    note +=
      '; not reported, left out (not taken as 0), so the sum is a lower bound with no upper ' +
      `bound: '${leftOut.join("', '")}'`;
  if (bounds.length > 0) note += `; lower bounds, so the sum is one too: '${bounds.join("', '")}'`;
  return note;
}

/**
 * The group of each row by some key columns, numbered in the order groups first appear: one
 * dictionary per column (looked up once per run of equal cells), the combinations numbered through
 * an Int32Array (a Map where they are many).
 */
function groupIndex(keys, n) {
  const group = new Int32Array(n);
  const own = new Int32Array(n);
  let count = n === 0 ? 0 : 1;
  for (const column of keys) {
    const dictionary = new Map();
    let [last, code] = [undefined, 0]; // a run of equal cells is looked up once
    for (let i = 0; i < n; i++) {
      const v = column[i] ?? null;
      if (v !== last) {
        code = dictionary.get(v);
        if (code === undefined) dictionary.set(v, (code = dictionary.size));
        last = v;
      }
      own[i] = code;
    }
    const width = dictionary.size;
    const small = count * width <= 4 * n + 1024;
    const combine = small ? new Int32Array(count * width).fill(-1) : new Map();
    let next = 0;
    for (let i = 0; i < n; i++) {
      const pair = group[i] * width + own[i];
      let g = small ? combine[pair] : combine.get(pair);
      if (g === undefined || g === -1) {
        g = next++;
        if (small) combine[pair] = g;
        else combine.set(pair, g);
      }
      group[i] = g;
    }
    count = next;
  }
  return { group, count };
}

/**
 * The loop: rows put in order of their group (a counting sort), then per group one pass over its
 * rows adding the figures into Float64Arrays (NaN for null) and joining the labels and the note.
 * Returns the result's columns by name, `keys` (name → column) first.
 */
function sumLoop(c, keys, extra) {
  const n = c.n;
  const names = Object.keys(keys);
  const { group, count } = groupIndex(Object.values(keys), n);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) start[group[i] + 1]++;
  for (let g = 0; g < count; g++) start[g + 1] += start[g];
  const rows = new Int32Array(n);
  const fill = start.slice(0, count);
  for (let i = 0; i < n; i++) rows[fill[group[i]]++] = i;

  const head = names.map(() => new Array(count));
  const value = new Float64Array(count);
  const low = new Float64Array(count);
  const high = new Float64Array(count);
  const parts = new Int32Array(count);
  const notReported = new Int32Array(count);
  const qualifier = new Array(count);
  const label = new Array(count);
  const note = new Array(count);
  const [added, leftOut, bounds] = [[], [], []]; // the labels of a group's parts, reused
  for (let g = 0; g < count; g++) {
    const from = start[g];
    const to = start[g + 1];
    const first = rows[from];
    for (let k = 0; k < names.length; k++) head[k][g] = keys[names[k]][first] ?? null;
    extra?.group(g, rows, from, to);
    if (to - from === 1) {
      const reported = c.value[first] === c.value[first];
      value[g] = c.value[first];
      low[g] = c.low[first];
      high[g] = c.high[first];
      parts[g] = reported ? 1 : 0;
      notReported[g] = reported ? 0 : 1;
      qualifier[g] = c.qualifier[first];
      label[g] = c.label[first];
      note[g] = c.note[first] ?? null;
      continue;
    }
    let [v, lo, hi] = [0, 0, 0];
    added.length = 0;
    leftOut.length = 0;
    bounds.length = 0;
    for (let r = from; r < to; r++) {
      const i = rows[r];
      if (c.value[i] !== c.value[i]) {
        leftOut.push(c.label[i]);
        continue;
      }
      v += c.value[i];
      lo += c.low[i];
      if (c.high[i] === c.high[i]) hi += c.high[i];
      else bounds.push(c.label[i]);
      added.push(c.label[i]);
    }
    const [reported, dashes, unbounded] = [added.length, leftOut.length, bounds.length];
    value[g] = reported > 0 ? v : NaN;
    low[g] = reported > 0 ? lo : NaN;
    high[g] = reported > 0 && dashes === 0 && unbounded === 0 ? hi : NaN;
    parts[g] = reported;
    notReported[g] = dashes;
    qualifier[g] =
      reported === 0 ? 'not-reported' : dashes > 0 || unbounded > 0 ? 'at-least' : 'derived';
    // each list joined once (flat strings, as a reader of the column needs them)
    label[g] = reported > 0 ? added.join(' + ') : leftOut.join(' + ');
    note[g] = sumNote(added, leftOut, bounds);
  }
  return {
    ...Object.fromEntries(names.map((name, k) => [name, head[k]])),
    value,
    low,
    high,
    qualifier,
    label,
    note,
    parts,
    not_reported: notReported,
  };
}

/** `rollup(t, { by })` as a loop over the prepared columns `c` (scale.mjs's `prepare`). */
export function rollupLoop(c, by) {
  const keys = { source: c.source };
  for (const b of by) keys[b] = c[b];
  Object.assign(keys, { measure: c.measure, unit: c.unit });
  return sumLoop(c, keys);
}

/** A crosswalk's entries indexed: by key for every source, and by source and key. */
function crosswalkIndex(crosswalk) {
  const every = new Map();
  const bySource = new Map();
  for (const e of crosswalk) {
    const map = e.source == null ? every : (bySource.get(e.source) ?? new Map());
    if (e.source != null) bySource.set(e.source, map);
    if (map.has(e.key)) throw new Error('the bench crosswalk has one entry per source and key');
    map.set(e.key, e);
  }
  return { every, bySource };
}

/** The warning of a row whose key has no crosswalk entry, or whose entry is partial. */
const noEntry = (source, dimension, key) =>
  `no crosswalk entry for source '${source}', ${dimension} '${key}'; kept as it is`;
const partly = (label, note) => `${label}: ${note ?? 'only partly comparable'}`;

/**
 * `harmonize(t, { dimension, crosswalk })` as a loop: each row's group, comparability (0 no entry,
 * 1 same, 2 partial) and warning in one pass, then `sumLoop` by source, the dimensions (the
 * regrouped one in its place), measure and unit, with the group's comparability and distinct
 * warnings gathered in its pass.
 */
export function harmonizeLoop(c, dimensions, dimension, crosswalk) {
  const { every, bySource } = crosswalkIndex(crosswalk);
  const n = c.n;
  const column = c[dimension];
  const regrouped = new Array(n);
  const level = new Uint8Array(n);
  const rowWarning = new Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    const key = column[i] ?? null;
    regrouped[i] = key;
    if (key === null) continue;
    const entry = bySource.get(c.source[i])?.get(key) ?? every.get(key);
    if (entry === undefined) {
      rowWarning[i] = noEntry(c.source[i], dimension, key);
      continue;
    }
    regrouped[i] = entry.group;
    const partial = entry.comparability === 'partial';
    level[i] = partial ? 2 : 1;
    if (partial) rowWarning[i] = partly(c.label[i], entry.note);
  }
  const keys = { source: c.source };
  for (const d of dimensions) keys[d] = d === dimension ? regrouped : c[d];
  Object.assign(keys, { measure: c.measure, unit: c.unit });
  const comparability = [];
  const warning = [];
  const group = (g, rows, from, to) => {
    let lowest = 2;
    let partial = false;
    const seen = [];
    for (let r = from; r < to; r++) {
      const i = rows[r];
      if (level[i] < lowest) lowest = level[i];
      if (level[i] === 2) partial = true;
      const w = rowWarning[i];
      if (w !== null && !seen.includes(w)) seen.push(w);
    }
    comparability[g] = lowest === 0 ? null : partial ? 'partial' : 'same';
    warning[g] = seen.length > 0 ? seen.join('; ') : null;
  };
  return { ...sumLoop(c, keys, { group }), comparability, warning };
}

/**
 * Arquero's aggregates for the figures of a sum of each group; `figureColumns` turns them into the
 * result's (value, low, high, parts, not_reported).
 */
const figureAggregates = {
  rows: op.count(),
  parts: op.valid('value'),
  value: op.sum('value'),
  low: (d) => op.sum(d.value == null ? null : d.low),
  high: (d) => op.sum(d.value == null ? null : d.high),
  unbounded: (d) => op.sum(d.value != null && d.high == null ? 1 : 0),
  one_low: op.any('low'),
  one_high: op.any('high'),
};

/** ... and for its text (qualifier, label, note), which `textColumns` turns into the result's. */
const textAggregates = {
  one_qualifier: op.any('qualifier'),
  one_note: op.any('note'),
  labels: op.array_agg('label'),
  added: (d) => op.array_agg(d.value == null ? null : d.label),
  left_out: (d) => op.array_agg(d.value == null ? d.label : null),
  bounds: (d) => op.array_agg(d.value != null && d.high == null ? d.label : null),
};

/** The result's figures from `figureAggregates` (a group of one row keeps that row's). */
const figureColumns = {
  not_reported: (d) => d.rows - d.parts,
  low: (d) => (d.rows === 1 ? d.one_low : d.low),
  high: (d) =>
    d.rows === 1
      ? d.one_high
      : d.parts > 0 && d.unbounded === 0 && d.rows === d.parts
        ? d.high
        : null,
};

/** The result's text from `figureAggregates` and `textAggregates`. */
const textColumns = {
  qualifier: (d) =>
    d.rows === 1
      ? d.one_qualifier
      : d.parts === 0
        ? 'not-reported'
        : d.unbounded > 0 || d.rows > d.parts
          ? 'at-least'
          : 'derived',
  label: escape((d) => (d.parts > 0 ? d.added : d.labels).join(' + ')),
  note: escape((d) => (d.rows === 1 ? d.one_note : sumNote(d.added, d.left_out, d.bounds))),
};

const figureNames = ['value', 'low', 'high', 'parts', 'not_reported'];
const sumNames = ['value', 'low', 'high', 'qualifier', 'label', 'note', 'parts', 'not_reported'];

/** The aggregates, derived columns and result columns of a sum, with its text or figures only. */
const sumParts = (figuresOnly) =>
  figuresOnly
    ? { aggregates: figureAggregates, columns: figureColumns, names: figureNames }
    : {
        aggregates: { ...figureAggregates, ...textAggregates },
        columns: { ...figureColumns, ...textColumns },
        names: sumNames,
      };

/**
 * `rollup(t, { by })` in Arquero: one `rollup` of the aggregates, one `derive`. With `figuresOnly`,
 * the keys and figures alone (value, low, high, parts, not_reported): no qualifier, label or note.
 */
export function rollupArquero(t, by, { figuresOnly = false } = {}) {
  const keys = ['source', ...by, 'measure', 'unit'];
  const { aggregates, columns, names } = sumParts(figuresOnly);
  return t
    .groupby(keys)
    .rollup(aggregates)
    .derive(columns)
    .select([...keys, ...names]);
}

/**
 * `harmonize(t, { dimension, crosswalk })` in Arquero: left joins with the crosswalk's entries for
 * one source and for every source, a `derive` of each row's group, comparability and warning, then
 * `rollup`'s aggregates with the counts of rows without an entry and of partial rows and the
 * warnings (`array_agg`), and a `derive`. With `figuresOnly`, each row's group alone, then the keys
 * and figures (value, low, high, parts, not_reported): no qualifier, label, note, comparability or
 * warning.
 */
export function harmonizeArquero(
  t,
  dimensions,
  dimension,
  crosswalk,
  { figuresOnly = false } = {},
) {
  const entries = (list, prefix) =>
    columnTable({
      ...(prefix === 's_' ? { source: list.map((e) => e.source) } : {}),
      [dimension]: list.map((e) => e.key),
      [`${prefix}group`]: list.map((e) => e.group),
      [`${prefix}comparability`]: list.map((e) => e.comparability ?? 'same'),
      [`${prefix}note`]: list.map((e) => e.note ?? null),
    });
  const forOne = crosswalk.filter((e) => e.source != null);
  let joined = t;
  if (forOne.length > 0) joined = joined.join_left(entries(forOne, 's_'), ['source', dimension]);
  else
    joined = joined.derive({
      s_group: () => null,
      s_comparability: () => null,
      s_note: () => null,
    });
  joined = joined.join_left(
    entries(
      crosswalk.filter((e) => e.source == null),
      'e_',
    ),
    dimension,
  );
  const key = (d) => d[dimension];
  const keys = ['source', ...dimensions, 'measure', 'unit'];
  const regrouped = { regrouped: escape((d) => d.s_group ?? d.e_group ?? key(d) ?? null) };
  const { aggregates, columns, names } = sumParts(figuresOnly);
  if (figuresOnly)
    return joined
      .derive(regrouped)
      .derive({ [dimension]: (d) => d.regrouped })
      .groupby(keys)
      .rollup(aggregates)
      .derive(columns)
      .select([...keys, ...names]);
  return joined
    .derive({
      row_comparability: (d) =>
        d.s_group != null ? d.s_comparability : d.e_group != null ? d.e_comparability : null,
      row_warning: escape((d) =>
        key(d) == null
          ? null
          : d.s_group != null
            ? d.s_comparability === 'partial'
              ? partly(d.label, d.s_note)
              : null
            : d.e_group != null
              ? d.e_comparability === 'partial'
                ? partly(d.label, d.e_note)
                : null
              : noEntry(d.source, dimension, key(d)),
      ),
      ...regrouped,
    })
    .derive({ [dimension]: (d) => d.regrouped })
    .groupby(keys)
    .rollup({
      ...aggregates,
      unmatched: (d) => op.sum(d.row_comparability == null ? 1 : 0),
      partial: (d) => op.sum(d.row_comparability === 'partial' ? 1 : 0),
      warnings: op.array_agg('row_warning'),
    })
    .derive({
      ...columns,
      comparability: (d) => (d.unmatched > 0 ? null : d.partial > 0 ? 'partial' : 'same'),
      warning: escape((d) => (d.warnings.length > 0 ? [...new Set(d.warnings)].join('; ') : null)),
    })
    .select([...keys, ...names, 'comparability', 'warning']);
}
