// The input side at scale (issue 17): fromRows and fromCSV at 1e4, 1e5 and 1e6 rows of the
// generated tables (test/bench/tables.mjs), each beside bare Arquero doing the equivalent
// (`aq.from(rows)` with the same checks as Arquero verbs, checked to flag the rows the package
// names; `aq.fromCSV(text)` with the same column types, no checks) and a hand-written
// typed-array loop doing the same reading and checks (no messages, no table). Paired runs,
// interleaved in one process (the order rotated each run), so a busy machine slows every side
// alike; each ratio is the median of the per-run ratios, with their min–max. The peak memory of
// fromCSV at 1e6 rows is measured in fresh child processes (peak RSS during the call, above the
// RSS before it, the text already read).
//
//   npm run build && node test/bench/scale-input.mjs      (BENCH_RUNS=5 for more runs; default 3)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { fromCSV, fromRows } from '../../dist/index.js';
import { benchCSV, benchRows, benchSources } from './tables.mjs';

const self = fileURLToPath(import.meta.url);
const figures = { value: Number, low: Number, high: Number };

// A child process: one fromCSV of the text in a file, by the package or by Arquero; prints the
// peak RSS above the RSS before the call, and the heap the table keeps, in MB.
if (process.argv[2] === '--memory') {
  const [, , , who, file] = process.argv;
  const text = readFileSync(file, 'utf8');
  text.charCodeAt(0); // flat, as a file read is
  globalThis.gc();
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const t =
    who === 'package'
      ? fromCSV(text, { sources: benchSources })
      : aq.fromCSV(text, { autoType: false, parse: figures });
  const peak = process.resourceUsage().maxRSS * 1024;
  globalThis.gc();
  const after = process.memoryUsage();
  console.log(
    JSON.stringify({
      rows: t.numRows(),
      peak: Math.max(0, peak - Math.max(peakBefore, before.rss)) / 1e6,
      kept: (after.heapUsed - before.heapUsed) / 1e6,
    }),
  );
  process.exit(0);
}

const runs = Number(process.env.BENCH_RUNS ?? 3);
const sizes = [1e4, 1e5, 1e6];
const repeat = { 1e4: 5 * runs, 1e5: 2 * runs, 1e6: runs };

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const spread = (xs, digits) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
const time = (f) => {
  const start = performance.now();
  f();
  return performance.now() - start;
};

// ---- the hand-written typed-array loops: the same reading and checks, no messages, no table ----

const qualifierCodes = new Map(
  ['exact', 'approximate', 'at-least', 'range', 'not-reported', 'derived'].map((q, i) => [q, i]),
);
const kebab = (s) => {
  if (s.length === 0) return false;
  let dash = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) dash = false;
    else if (c === 45 && !dash) dash = true;
    else return false;
  }
  return !dash;
};

/**
 * How many cells of a column fail `ok`, column by column: each run of equal cells is tested once
 * (as the package does; tables are often sorted, and a column of a few distinct keys repeats them).
 */
function failures(column, n, ok) {
  let bad = 0;
  let last;
  let good = true;
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (i === 0 || v !== last) {
      good = ok(v);
      last = v;
    }
    if (!good) bad++;
  }
  return bad;
}

/** Each cell's number in its column's dictionary, a run of equal cells looked up once. */
function codes(column, n) {
  const out = new Float64Array(n);
  const dictionary = new Map();
  let last;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i];
    if (i === 0 || v !== last) {
      c = dictionary.get(v);
      if (c === undefined) dictionary.set(v, (c = dictionary.size));
      last = v;
    }
    out[i] = c;
  }
  return out;
}

/** The checks on columns: text columns as arrays, value/low/high as Float64Arrays (NaN: empty). */
function typedCheck(n, text, value, low, high, known) {
  const { source, measure, unit, qualifier, label, note } = text;
  const key = (v) => v === null || kebab(v);
  let bad =
    failures(source, n, (v) => typeof v === 'string' && known.has(v)) +
    failures(measure, n, kebab) +
    failures(unit, n, (v) => v === 'persons' || v === 'percent') +
    failures(text.category, n, key) +
    failures(text.region, n, key) +
    failures(label, n, (v) => typeof v === 'string' && v.trim() !== '') +
    failures(note, n, (v) => v === null || typeof v === 'string');
  for (let i = 0; i < n; i++) {
    const q = qualifierCodes.get(qualifier[i]);
    const v = value[i];
    const lo = low[i];
    const hi = high[i];
    if (q === undefined) bad++;
    else if (q === 4) bad += Number(!Number.isNaN(v) || !Number.isNaN(lo) || !Number.isNaN(hi));
    else if (Number.isNaN(v) || Number.isNaN(lo) || lo > v || hi < v) bad++;
    else if (q <= 1 && (lo !== v || hi !== v)) bad++;
    else if (q === 2 && (!Number.isNaN(hi) || lo !== v)) bad++;
    else if (q === 3 && (Number.isNaN(hi) || v !== (lo + hi) / 2)) bad++;
    else if (!Number.isInteger(lo) || (q !== 3 && !Number.isInteger(v))) bad++;
  }
  // one row per source, dimensions and measure: the keys sorted, equal neighbours are repeats
  const [s, c, r, m] = [source, text.category, text.region, measure].map((x) => codes(x, n));
  const keys = new Float64Array(n); // exact: fewer than 2^53 combinations here
  for (let i = 0; i < n; i++) keys[i] = ((s[i] * 65536 + c[i]) * 65536 + r[i]) * 256 + m[i];
  keys.sort();
  for (let i = 1; i < n; i++) if (keys[i] === keys[i - 1]) bad++;
  return bad;
}

const names = Object.keys(benchRows(50)[0]); // source, category, region, measure, unit, …
const textNames = names.filter((c) => c !== 'value' && c !== 'low' && c !== 'high');

/** fromRows by hand: read each row into typed columns, then check. */
function typedRows(rows, known) {
  const n = rows.length;
  const text = Object.fromEntries(textNames.map((c) => [c, new Array(n)]));
  const value = new Float64Array(n);
  const low = new Float64Array(n);
  const high = new Float64Array(n);
  const number = (v) => (v === null || v === undefined ? NaN : typeof v === 'number' ? v : -1);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    for (const c of textNames) text[c][i] = r[c] ?? null;
    value[i] = number(r.value);
    low[i] = number(r.low);
    high[i] = number(r.high);
  }
  return typedCheck(n, text, value, low, high, known);
}

/** fromCSV by hand: split the text (no quotes in these tables) into typed columns, then check. */
function typedCSV(csv, known) {
  let i = csv.indexOf('\n') + 1;
  const header = csv.slice(0, i - 1).split(',');
  const slots = header.map((c) => (c === 'value' || c === 'low' || c === 'high' ? c : null));
  const text = Object.fromEntries(textNames.map((c) => [c, []]));
  const cap = 1 << 20;
  let value = new Float64Array(cap);
  let low = new Float64Array(cap);
  let high = new Float64Array(cap);
  let n = 0;
  const end = csv.length;
  while (i < end) {
    if (n === value.length) {
      const grow = (a) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      [value, low, high] = [grow(value), grow(low), grow(high)];
    }
    for (let j = 0; j < header.length; j++) {
      const start = i;
      let v = 0;
      let c = csv.charCodeAt(i);
      while (c !== 44 && c !== 10 && i < end) {
        v = v * 10 + (c - 48);
        c = csv.charCodeAt(++i);
      }
      const slot = slots[j];
      if (slot === null) text[header[j]].push(i === start ? null : csv.slice(start, i));
      else (slot === 'value' ? value : slot === 'low' ? low : high)[n] = i === start ? NaN : v;
      i++;
    }
    n++;
  }
  return typedCheck(n, text, value, low, high, known);
}

// ---- bare Arquero doing fromRows' checks: aq.from, then the contract checked with its verbs ----

aq.addFunction('is_number', (v) => typeof v === 'number');
aq.addFunction('is_string', (v) => typeof v === 'string');
const contract = [
  'source',
  'measure',
  'unit',
  'value',
  'low',
  'high',
  'qualifier',
  'label',
  'note',
];
const kebabKey = '/^[a-z0-9]+(-[a-z0-9]+)*$/';
const figure = (c) =>
  `d.${c} == null || (op.is_number(d.${c}) && op.is_finite(d.${c}) && d.${c} >= 0 && d.${c} <= 9007199254740991)`;
const whole = (c) => `d.${c} == null || op.trunc(d.${c}) === d.${c}`;
const qualifierKnown = (c) =>
  `${['exact', 'approximate', 'at-least', 'range', 'not-reported', 'derived'].map((q) => `${c} === '${q}'`).join(' || ')}`;

/**
 * fromRows' checks in Arquero: every column's cells (a derive of one flag per column), the
 * figures' agreement with the qualifier, and repeated rows (a row_number within groups of source,
 * dimensions and measure). Returns the table, and the rows (1 = the first) with a problem.
 */
function arqueroRows(rows, known) {
  const t = aq.from(rows);
  const names = t.columnNames();
  const absent = contract.filter((c) => !names.includes(c));
  if (absent.length > 0) throw new Error(`no column ${absent.join(', ')}`);
  const dimensions = names.filter((c) => !contract.includes(c));
  const flags = {
    ok_source: `(d, $) => op.is_string(d.source) && op.has($.known, d.source)`,
    ok_measure: `d => op.is_string(d.measure) && op.match(d.measure, ${kebabKey}) != null`,
    ok_unit: `d => d.unit === 'persons' || d.unit === 'percent'`,
    ok_value: `d => ${figure('value')}`,
    ok_low: `d => ${figure('low')}`,
    ok_high: `d => ${figure('high')}`,
    ok_qualifier: `d => ${qualifierKnown('d.qualifier')}`,
    ok_label: `d => op.is_string(d.label) && op.trim(d.label) !== ''`,
    ok_note: `d => d.note == null || op.is_string(d.note)`,
    ...Object.fromEntries(
      dimensions.map((c) => [
        `ok_${c}`,
        `d => d['${c}'] == null || (op.is_string(d['${c}']) && op.match(d['${c}'], ${kebabKey}) != null)`,
      ]),
    ),
  };
  // the figures agree with the qualifier (checked where value, low, high and qualifier are valid)
  const agree = `d => !(d.ok_value && d.ok_low && d.ok_high && d.ok_qualifier) ||
    (d.qualifier === 'not-reported'
      ? d.value == null && d.low == null && d.high == null
      : d.value != null && d.low != null &&
        (d.qualifier === 'exact' || d.qualifier === 'approximate'
          ? d.low === d.value && d.high === d.value
          : true) &&
        (d.qualifier === 'at-least' ? d.high == null && d.low === d.value : true) &&
        (d.qualifier === 'range' ? d.high != null : true) &&
        d.low <= d.value && (d.high == null || d.high >= d.value) &&
        (d.qualifier === 'range' ? d.value === (d.low + d.high) / 2 : true) &&
        (d.unit !== 'persons' ||
          ((d.qualifier === 'range' || ${whole('value')}) && (${whole('low')}) && (${whole('high')}))) &&
        (d.qualifier !== 'derived' || d.note != null))`;
  const checked = t
    .params({ known })
    .derive({ row: aq.op.row_number(), ...flags })
    .derive({ ok_agree: agree });
  const flagNames = [...Object.keys(flags), 'ok_agree'];
  const bad = checked.filter(`d => !(${flagNames.map((f) => `d.${f}`).join(' && ')})`).array('row');
  const repeats = checked
    .groupby('source', ...dimensions, 'measure')
    .derive({ copy: aq.op.row_number() })
    .filter((d) => d.copy > 1)
    .array('row');
  return { table: t, bad: [...new Set([...bad, ...repeats])].sort((a, b) => a - b) };
}

/**
 * Plants problems, one of each kind fromRows checks on these tables, into copies of the rows
 * (at most 12 a copy: the package's error names the first 12), and throws unless the Arquero
 * checks flag exactly the rows the package's error names; a table without a contract column is
 * refused by both.
 */
function checkFromRows(rows) {
  const step = Math.floor(rows.length / 13);
  const at = (k) => k * step + 7; // row objects at distinct places, of distinct keys
  const batches = [
    [
      (r) => ({ ...r, source: 'nobody' }),
      (r) => ({ ...r, source: null }),
      (r) => ({ ...r, measure: 'Deaths' }),
      (r) => ({ ...r, unit: 'people' }),
      (r) => ({ ...r, category: 'Bad key' }),
      (r) => ({ ...r, qualifier: 'roughly' }),
      (r) => ({ ...r, label: '  ' }),
      (r) => ({ ...r, note: 5 }),
      (r) => ({ ...r, qualifier: 'exact', value: '12,000', low: 12000, high: 12000 }),
      (r) => ({ ...r, qualifier: 'exact', value: -5, low: 5, high: 5 }),
      (r) => ({ ...r, qualifier: 'exact', value: 2 ** 54, low: 5, high: 5 }),
      (r) => ({ ...r, qualifier: 'exact', value: Infinity, low: 5, high: 5 }),
    ],
    [
      (r) => ({ ...r, qualifier: 'not-reported', value: 5, low: null, high: null }),
      (r) => ({ ...r, qualifier: 'exact', value: 10, low: 9, high: 10 }),
      (r) => ({ ...r, qualifier: 'at-least', value: 10, low: 10, high: 11 }),
      (r) => ({ ...r, qualifier: 'range', value: 15, low: 10, high: 30 }),
      (r) => ({ ...r, qualifier: 'derived', value: 10, low: 11, high: 12, note: 'a + b' }),
      (r) => ({ ...r, qualifier: 'derived', value: 10, low: 10, high: 9, note: 'a + b' }),
      (r) => ({ ...r, qualifier: 'exact', value: 10.5, low: 10.5, high: 10.5 }),
      (r) => ({ ...r, qualifier: 'derived', value: 10, low: 10, high: 10, note: null }),
      (r) => ({ ...r, qualifier: 'exact', value: null, low: null, high: null }),
      (r) => ({ ...r, qualifier: 'exact', value: 10, low: null, high: 10 }),
      (r) => ({ ...r, qualifier: 'range', value: 10, low: 10, high: null }),
      (_, copy, k) => ({ ...copy[at(k) - 1] }), // repeats the row before it
    ],
  ];
  const named = (rows) => {
    try {
      fromRows(rows, { sources: benchSources });
      return [];
    } catch (e) {
      if (/… and \d+ more/.test(e.message)) throw new Error(`more problems than planted`);
      return [...new Set([...e.message.matchAll(/^- row (\d+)/gm)].map((m) => Number(m[1])))];
    }
  };
  const same = (a, b) => a.length === b.length && a.every((x, k) => x === b[k]);
  const clean = [named(rows), arqueroRows(rows, known).bad];
  if (clean[0].length + clean[1].length > 0)
    throw new Error(`clean rows: package ${clean[0]}, Arquero ${clean[1]}`);
  for (const plants of batches) {
    const copy = rows.slice();
    plants.forEach((plant, k) => (copy[at(k)] = plant(rows[at(k)], copy, k)));
    const expected = plants.map((_, k) => at(k) + 1);
    const [p, a] = [named(copy), arqueroRows(copy, known).bad];
    if (!same(p, expected) || !same(a, expected))
      throw new Error(`planted ${expected}: package named ${p}, Arquero flagged ${a}`);
  }
  const noLabel = rows.slice(0, 1000).map((r) => {
    const copy = { ...r };
    delete copy.label;
    return copy;
  });
  for (const [who, f] of [
    ['package', () => fromRows(noLabel, { sources: benchSources })],
    ['Arquero', () => arqueroRows(noLabel, known)],
  ]) {
    let refused = false;
    try {
      f();
    } catch (e) {
      refused = /label/.test(e.message);
    }
    if (!refused) throw new Error(`${who} accepted a table without the column label`);
  }
}

// ---- the runs ----

const known = new Set(benchSources);
const results = { fromRows: {}, fromCSV: {} };
for (const n of sizes) {
  const rows = benchRows(n);
  const text = benchCSV(n);
  const sides = {
    fromRows: {
      package: () => fromRows(rows, { sources: benchSources }),
      arquero: () => arqueroRows(rows, known),
      typed: () => typedRows(rows, known),
    },
    fromCSV: {
      package: () => fromCSV(text, { sources: benchSources }),
      arquero: () => aq.fromCSV(text, { autoType: false, parse: figures }),
      typed: () => typedCSV(text, known),
    },
  };
  checkFromRows(rows); // before timing: the Arquero checks find what the package finds
  // the three sides agree on the table: same rows, and the typed loop finds no problem
  for (const [fn, s] of Object.entries(sides)) {
    const [p, a, t] = [s.package(), s.arquero(), s.typed()];
    if (fn === 'fromRows' && a.bad.length > 0) throw new Error(`Arquero flagged ${a.bad}`);
    if (p.numRows() !== n || (a.table ?? a).numRows() !== n || t !== 0)
      throw new Error(
        `${fn} at ${n}: ${p.numRows()} / ${(a.table ?? a).numRows()} rows, ${t} problems`,
      );
  }
  for (const [fn, s] of Object.entries(sides)) {
    const times = { package: [], arquero: [], typed: [] };
    const order = Object.keys(times);
    for (let r = 0; r < repeat[n]; r++) {
      for (let k = 0; k < order.length; k++) {
        const side = order[(r + k) % order.length];
        times[side].push(time(s[side]));
      }
    }
    results[fn][n] = times;
  }
}

// ---- memory: fromCSV of 1e6 rows in fresh processes ----

const dir = mkdtempSync(join(tmpdir(), 'ww2yc-scale-'));
const file = join(dir, 'table.csv');
writeFileSync(file, benchCSV(1e6));
const memory = { package: [], arquero: [] };
for (let r = 0; r < Math.max(1, Math.min(runs, 2)); r++) {
  for (const who of r % 2 ? ['arquero', 'package'] : ['package', 'arquero']) {
    const child = spawnSync(process.execPath, ['--expose-gc', self, '--memory', who, file], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`memory run (${who}) failed:\n${child.stderr}`);
    memory[who].push(JSON.parse(child.stdout));
  }
}
rmSync(dir, { recursive: true, force: true });

// ---- the report ----

const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
row('operation', 'rows', 'package ms', 'arquero ms', 'typed loop ms', '× arquero', '× typed loop');
row('---', '---:', '---:', '---:', '---:', '---:', '---:');
const verdicts = [];
for (const fn of Object.keys(results)) {
  for (const n of sizes) {
    const t = results[fn][n];
    const toArquero = t.package.map((p, r) => p / t.arquero[r]);
    const toTyped = t.package.map((p, r) => p / t.typed[r]);
    row(
      fn,
      n.toLocaleString('en'),
      spread(t.package, 0),
      spread(t.arquero, 0),
      spread(t.typed, 0),
      spread(toArquero, 2),
      spread(toTyped, 2),
    );
    if (n === 1e6) {
      verdicts.push([`${fn} at 1e6: × bare Arquero`, median(toArquero), 1.5]);
      verdicts.push([`${fn} at 1e6: × typed loop`, median(toTyped), 3]);
    }
  }
  const slope =
    Math.log(median(results[fn][1e6].package) / median(results[fn][1e4].package)) / Math.log(100);
  verdicts.push([`${fn}: slope of log time on log rows, 1e4 to 1e6`, slope, 1.15]);
}
const peak = (who) => memory[who].map((m) => m.peak);
const kept = (who) => memory[who].map((m) => m.kept);
const toArqueroPeak = memory.package.map((m, r) => m.peak / memory.arquero[r].peak);
verdicts.push(['fromCSV at 1e6: peak memory × Arquero’s', median(toArqueroPeak), 1]);

console.log(
  `fromRows and fromCSV at scale (tables of 50 sources × n/50 categories; medians of interleaved runs, min–max in brackets; ${runs} runs at 1e6, ${2 * runs} at 1e5, ${5 * runs} at 1e4)\n`,
);
console.log(lines.join('\n'));
console.log(
  `\nfromCSV of 1e6 rows (${memory.package.length} fresh processes each, the text read first): peak RSS above the start, package ${spread(peak('package'), 0)} MB, Arquero ${spread(peak('arquero'), 0)} MB; heap kept by the table, package ${spread(kept('package'), 0)} MB, Arquero ${spread(kept('arquero'), 0)} MB\n`,
);
for (const [name, value, target] of verdicts)
  console.log(
    `${value <= target ? 'met    ' : 'NOT MET'}  ${name}: ${value.toFixed(2)} (target ≤ ${target})`,
  );
