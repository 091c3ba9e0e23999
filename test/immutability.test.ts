// Untouchable data: nothing a user does through the public API changes what load() returns next
// time, and the bundled files keep the hashes that datasets/datapackage.json records.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fromCSV as arqueroCSV } from 'arquero';
import fc from 'fast-check';
import { describe as group, expect, test } from 'vitest';
import {
  agreement,
  audit,
  compare,
  crosswalk,
  crosswalkDimensions,
  datasets,
  describe,
  fromCSV,
  fromRows,
  harmonize,
  load,
  rates,
  rollup,
  sources,
  spread,
  statedTotals,
  CasualtiesError,
  UnknownIdError,
  type DataPackage,
  type DatasetId,
} from '../src/index.js';
import {
  cite,
  formatFigure,
  toArrow,
  toCSV,
  toHTML,
  toJSON,
  toLaTeX,
  toMarkdown,
} from '../src/exchange/index.js';

const root = new URL('../', import.meta.url);
const file = (path: string) => readFileSync(new URL(path, root));
const descriptor: DataPackage = JSON.parse(file('datasets/datapackage.json').toString('utf8'));
const ids = [...datasets];

/** Everything the data functions return, as plain JSON: what must never change. */
function everything() {
  return JSON.parse(
    JSON.stringify({
      datasets: Object.fromEntries(ids.map((id) => [id, load(id).objects()])),
      descriptions: Object.fromEntries(ids.map((id) => [id, describe(id)])),
      sources: sources().objects(),
      statedTotals: statedTotals().objects(),
      crosswalks: Object.fromEntries(crosswalkDimensions.map((d) => [d, crosswalk(d).objects()])),
      citations: (sources().array('id') as string[]).map((id) => cite(id)),
      audit: audit().objects(),
    }),
  );
}
const before = everything();

/** Reads CSV text cell by cell as text (a parse object without prototype: see test/fuzz/exchange.test.ts). */
const cells = (text: string) =>
  arqueroCSV(text, { autoType: false, parse: Object.create(null) }).objects();

/** The dimension columns of a bundled dataset that have a crosswalk or suit a comparison. */
const dimensionOf = (id: DatasetId) =>
  describe(id).fields.find((f) => f.values && f.name !== 'source')?.name;

// --- What a user might do ------------------------------------------------------------------

type Action = (id: DatasetId) => void;

/** Runs a write that a frozen object refuses with a TypeError (strict mode): refusing is fine. */
function writeIfAllowed(write: () => unknown): void {
  try {
    write();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
  }
}

/** Every way to change what a public call returned, in place. */
const mutations: Record<string, Action> = {
  'objects(): change, add and delete properties of every row, and empty the array': (id) => {
    const rows = load(id).objects() as unknown as Record<string, unknown>[];
    for (const r of rows) {
      r.value = -1;
      r.label = 'changed';
      r.pwned = true;
      delete r.source;
    }
    rows.length = 0;
  },
  'object(0) and its prototype': (id) => {
    const r = load(id).object(0) as unknown as Record<string, unknown>;
    r.value = 0;
    Object.setPrototypeOf(r, { injected: true });
  },
  'column arrays: write into them': (id) => {
    const t = load(id);
    for (const name of t.columnNames()) {
      const column = t.column(name) as unknown as {
        length: number;
        [i: number]: unknown;
        data?: unknown[];
      };
      const data = (Array.isArray(column) ? column : (column.data ?? column)) as unknown[];
      writeIfAllowed(() => {
        for (let i = 0; i < data.length; i++) data[i] = 999;
      });
    }
    const all = t.data() as Record<string, unknown>;
    for (const name of Object.keys(all)) writeIfAllowed(() => (all[name] = [])); // Arquero freezes it
  },
  'array(): change the copy': (id) => {
    const values = load(id).array('value') as unknown[];
    values.fill(0);
  },
  'describe(): change every part of the description': (id) => {
    const d = describe(id);
    d.rows = -1;
    d.title = 'changed';
    d.fields.forEach((f) => {
      f.name = 'changed';
      f.values?.push('injected');
    });
    d.fields.length = 0;
    d.primaryKey.push('injected');
    d.sources.forEach((s) => Object.assign(s, { id: 'changed', author: 'changed' }));
    d.caveats.length = 0;
  },
  'sources(), statedTotals(), crosswalk(): change their rows': () => {
    for (const t of [sources(), statedTotals(), ...crosswalkDimensions.map((d) => crosswalk(d))]) {
      for (const r of t.objects() as unknown as Record<string, unknown>[])
        for (const k of Object.keys(r)) r[k] = 'changed';
      writeIfAllowed(
        () => ((t.column(t.columnNames()[0]!) as unknown as unknown[])[0] = 'changed'),
      );
    }
  },
  'Arquero verbs on a loaded table (assign, derive, rename, filter)': (id) => {
    const t = load(id);
    t.assign({ value: Array.from(t.array('value'), () => 0) });
    t.derive({ value: () => 0 })
      .rename({ value: 'x' })
      .filter((d: { x: unknown }) => d.x !== null);
  },
};

/** Every public function that takes a table, run on a loaded one (errors of the package allowed). */
const calls: Record<string, Action> = {
  analyses: (id) => {
    const t = load(id);
    const by = dimensionOf(id);
    const tryIt = (f: () => unknown) => {
      try {
        const result = f() as { objects?: () => Record<string, unknown>[] };
        for (const r of result?.objects?.() ?? []) for (const k of Object.keys(r)) r[k] = 'changed';
      } catch (error) {
        if (!(error instanceof CasualtiesError)) throw error;
      }
    };
    tryIt(() => rollup(t, { by: by ? [by] : [] }));
    if (by) {
      tryIt(() => compare(t, { by }));
      tryIt(() => spread(t, { by }));
      tryIt(() => agreement(t, { by }));
      tryIt(() => harmonize(t, { dimension: by }));
      tryIt(() => rates(t, [{ [by]: String(t.get(by, 0)), population: 1e9, year: 1941 }], { by }));
    }
    tryIt(() => audit(t, { dataset: id }));
    tryIt(() => audit());
    tryIt(() => fromRows(t.objects()));
    tryIt(() => fromCSV(toCSV(t, { safe: false })));
  },
  exports: (id) => {
    const t = load(id);
    toCSV(t);
    toCSV(t, { safe: false });
    JSON.parse(toJSON(t));
    toArrow(t);
    toMarkdown(t, { notes: true });
    toLaTeX(t, { caption: 'x', label: 'y' });
    toHTML(t, { caption: 'x' });
    for (const r of t.objects()) formatFigure(r);
  },
  citations: () => {
    for (const id of sources().array('id') as string[])
      for (const format of ['text', 'bibtex', 'csl-json'] as const) cite(id, { format });
  },
};

const actions = { ...mutations, ...calls };

// --- The tests -------------------------------------------------------------------------------

group('no sequence of public calls changes what the data functions return next time', () => {
  test.each(Object.keys(actions))('%s, on every dataset', (name) => {
    for (const id of ids) actions[name]!(id);
    expect(everything()).toEqual(before);
  });

  test('random sequences of all of them, in any order, on any dataset', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...Object.keys(actions)), fc.constantFrom(...ids)), {
          minLength: 1,
          maxLength: 8,
        }),
        (sequence) => {
          for (const [name, id] of sequence) actions[name]!(id);
          for (const id of new Set(sequence.map(([, id]) => id)))
            expect(load(id).objects()).toEqual(before.datasets[id]);
        },
      ),
      { numRuns: 40 },
    );
    expect(everything()).toEqual(before);
  });

  test('toCSV(load(id)) still reads back to the cells of datasets/<id>.csv', () => {
    for (const action of Object.values(actions)) for (const id of ids) action(id);
    for (const id of ids) {
      expect(cells(toCSV(load(id))), id).toEqual(
        cells(file(`datasets/${id}.csv`).toString('utf8')),
      );
    }
  });

  // Regression: the exported id lists were not frozen, so pushing to one changed what load() accepted.
  test('the exported id lists cannot be changed', () => {
    const list = datasets as DatasetId[];
    try {
      expect(() => list.push('injected' as DatasetId)).toThrow(TypeError); // frozen arrays refuse
    } finally {
      if (list.at(-1) === ('injected' as DatasetId)) list.pop();
    }
    expect(() => load('injected' as DatasetId)).toThrow(UnknownIdError);
  });
});

group('every bundled file still matches datasets/datapackage.json, after all of the above', () => {
  test.each(descriptor.resources.map((r) => [r.name, r] as const))(
    '%s: bytes and sha256',
    (_, resource) => {
      for (const action of Object.values(actions)) action(ids[0]!);
      const bytes = file(`datasets/${resource.path}`);
      expect(bytes.length).toBe(resource.bytes);
      expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`).toBe(resource.hash);
    },
  );
});
