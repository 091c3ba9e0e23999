// The structure between figures (part_of, subset_of, restates, precision), each relation checked
// against the words of the seed document it rests on, quoted here.
import { describe as group, expect, test } from 'vitest';
import { datasets, describe, load, statedTotals, type DatasetId } from '../../src/index.js';

type Row = Record<string, string | number | null>;
const rows = (id: DatasetId) => load(id).objects() as unknown as Row[];
const byId = (id: DatasetId) => new Map(rows(id).map((r) => [r.id as string, r]));
const totals = new Map(
  statedTotals()
    .objects()
    .map((t) => [t.id, t]),
);

group('every relation points at something real', () => {
  test('part_of names a stated total of the same dataset and source', () => {
    for (const id of datasets)
      for (const r of rows(id).filter((r) => r.part_of !== null)) {
        const total = totals.get(r.part_of as string);
        expect(total, `${id} ${r.id}`).toBeDefined();
        expect([total!.dataset, total!.source], `${id} ${r.id}`).toEqual([id, r.source]);
        const measures = total!.parts ? total!.parts.split('|') : [total!.measure];
        expect(measures, `${id} ${r.id}`).toContain(r.measure);
        expect(total!.unit, `${id} ${r.id}`).toBe(r.unit);
      }
  });

  test('subset_of and restates name another row of the same dataset, never itself, with no cycle', () => {
    for (const id of datasets) {
      const index = byId(id);
      for (const r of index.values())
        for (const relation of ['subset_of', 'restates'] as const) {
          if (r[relation] === null) continue;
          expect(index.has(r[relation] as string), `${id} ${r.id} ${relation}`).toBe(true);
          const seen = new Set([r.id]);
          for (let next = index.get(r[relation] as string); next; ) {
            expect(seen.has(next.id), `${id}: a cycle through ${r.id}`).toBe(false);
            seen.add(next.id);
            next = index.get((next.subset_of ?? next.restates) as string);
          }
        }
    }
  });

  test('a subset is never larger than its whole; a restatement is the same figure', () => {
    for (const id of datasets) {
      const index = byId(id);
      for (const r of index.values()) {
        // a share is of its own base: the 82% of Slovenia's civilians is of the 33%, so only
        // counts of persons compare in size
        if (r.subset_of !== null && r.unit === 'persons')
          expect(r.low as number, `${id} ${r.id}`).toBeLessThanOrEqual(
            index.get(r.subset_of as string)!.value as number,
          );
        if (r.restates !== null)
          expect(r.value, `${id} ${r.id}`).toBe(index.get(r.restates as string)!.value);
      }
    }
  });

  test('stated totals: ids unique, part_of names another total of the same dataset and source', () => {
    const all = statedTotals().objects();
    expect(new Set(all.map((t) => t.id)).size).toBe(all.length);
    for (const t of all.filter((t) => t.part_of !== null)) {
      const whole = totals.get(t.part_of!)!;
      expect([whole.dataset, whole.source], t.id).toEqual([t.dataset, t.source]);
    }
    // A whole the source states no figure for is not-reported, never 0.
    for (const t of all.filter((t) => t.value === null))
      expect([t.qualifier, t.low, t.high], t.id).toEqual(['not-reported', null, null]);
  });
});

group('the relations, from the document’s words', () => {
  test('Slovenia: the ~13,500, the ~75,000 and the ~4,000 are subsets of the 89,404', () => {
    // "The number of victims was set at 89,404. The figure also includes the victims of summary
    // killings by the Communist regime immediately after the war (around 13,500 people)."
    // "Even counting only the number of deaths up to May 1945 (thus excluding the military
    // prisoners killed by the Yugoslav Army between May and July 1945), the number remains
    // considerably higher than the highest previous estimates (around 75,000 deaths ...)."
    // "The new comprehensive research also included Slovenes killed by the Partisan resistance,
    // both in battle ..., and civilians (around 4,000 between 1941 and 1945)."
    const slovenia = rows('slovenia-2005');
    const whole = slovenia.find((r) => r.value === 89404)!;
    const subsets = slovenia.filter((r) => r.subset_of === whole.id).map((r) => r.value);
    expect(subsets.sort()).toEqual([13500, 4000, 75000].sort());
    expect(whole.part_of).toBeNull();
    // The previous estimate of 60,000 is another count, not a subset ("a previous estimate of 60,000").
    expect(slovenia.find((r) => r.value === 60000)!.subset_of).toBeNull();
  });

  test('the four mentions of the 1.7 million restate Tito’s of May 1945', () => {
    // "This figure had also already been used by Marshal Tito in May 1945" and "Tito's figure of
    // 1.7 million": the earliest dated mention. Vučković's (1947), Kardelj's and the 1948
    // submission mention the same figure again.
    const million = rows('total-estimates').filter((r) => r.value === 1700000);
    expect(million).toHaveLength(4);
    const tito = million.find((r) => r.date === '1945-05')!;
    expect(tito.restates).toBeNull();
    expect(million.filter((r) => r !== tito).map((r) => r.restates)).toEqual([
      tito.id,
      tito.id,
      tito.id,
    ]);
    // 1,685,000, 1,706,000 and 1,704,000 are other figures: they restate nothing.
    for (const v of [1685000, 1706000, 1704000])
      expect(rows('total-estimates').find((r) => r.value === v)!.restates).toBeNull();
  });

  test('NDH civilians: the 12,000 who died abroad are not part of the civilian casualties in the NDH', () => {
    // "Of the total Croat and Bosniak civilian casualties in the NDH, his research showed that
    // 41,000 ... were caused by the Chetniks, 24,000 by the Ustaše, 16,000 by the Partisans,
    // 11,000 by German forces, 8,000 by Italian forces, while 12,000 died abroad".
    const civilians = rows('ndh-civilians-by-perpetrator');
    const abroad = civilians.filter((r) => r.region === 'abroad');
    expect(abroad.map((r) => r.part_of)).toEqual(['ndh-civilians-abroad', 'ndh-civilians-abroad']);
    expect(totals.get('ndh-civilians-abroad')!.value).toBe(12000);
    expect(totals.get('ndh-civilians-abroad')!.part_of).toBeNull();
    const inNdh = civilians.filter((r) => r.region === 'ndh');
    const wholes = new Set(inNdh.map((r) => r.part_of as string));
    expect(wholes.size).toBe(5);
    for (const w of wholes) expect(totals.get(w)!.part_of, w).toBe('ndh-civilians-in-ndh');
    // The five perpetrators' totals: 41,000 + 24,000 + 16,000 + 11,000 + 8,000.
    expect([...wholes].reduce((s, w) => s + totals.get(w)!.value!, 0)).toBe(100000);
    expect(totals.get('ndh-civilians-in-ndh')!.value).toBeNull(); // the document states no figure
  });

  test('Serbs in the NDH: "a further 20,000" in Sajmište is a part beside the civilians, not among them', () => {
    // "Of the civilian casualties, 78,000 were killed by the Ustaše ..., 45,000 by German forces,
    // 15,000 by Italian forces, 34,000 in battles ..., and 25,000 died of typhoid. A further
    // 20,000 died in the Sajmište concentration camp."
    const serbs = rows('ndh-serbs');
    const sajmiste = serbs.find((r) => r.cause === 'sajmiste-camp')!;
    expect(sajmiste.part_of).toBe('ndh-serbs-zerjavic');
    const civilians = serbs.filter((r) => r.status === 'civilian');
    expect(civilians.map((r) => r.part_of)).toEqual(Array(5).fill('ndh-serbs-zerjavic-civilians'));
    expect(totals.get('ndh-serbs-zerjavic-civilians')!.part_of).toBe('ndh-serbs-zerjavic');
    // Every one of the eight figures lies under the one whole; they come to
    // 82,000 + 23,000 + 78,000 + 45,000 + 15,000 + 34,000 + 25,000 + 20,000 = 322,000.
    expect(serbs.reduce((s, r) => s + (r.value as number), 0)).toBe(322000);
    expect(sajmiste.note).toMatch(/a further 20,000/i);
  });

  test('Croats and Bosniaks: the abroad figures are "a further" part of each nationality’s whole', () => {
    // "Outside of the NDH, a further 14,000 Croats died abroad; 4,000 as Partisans and 10,000
    // civilian victims ..."; "a further 3,000 Bosniaks were killed abroad; 1,000 Partisans and
    // 2,000 civilians".
    expect(totals.get('ndh-croats-abroad')!.part_of).toBe('ndh-croats-zerjavic');
    expect(totals.get('ndh-bosniaks-abroad')!.part_of).toBe('ndh-bosniaks-zerjavic');
    const cb = rows('ndh-croats-bosniaks');
    for (const r of cb)
      expect(r.part_of, r.id as string).toBe(
        `ndh-${r.nationality === 'croats' ? 'croats' : 'bosniaks'}-${r.region === 'abroad' ? 'abroad' : 'zerjavic'}`,
      );
  });

  test('the Italian figures of the infobox restate those of the section on Italian casualties', () => {
    // Section: "The Italians incurred 30,531 casualties during their occupation of Yugoslavia
    // (9,065 killed, 15,160 wounded, 6,306 missing)"; the infobox gives the same three figures.
    const military = rows('military-losses');
    const infobox = military.filter(
      (r) => r.belligerent === 'italy' && r.source === 'enc-ww2-yugoslavia-infobox',
    );
    expect(infobox).toHaveLength(3);
    const index = byId('military-losses');
    for (const r of infobox) {
      const text = index.get(r.restates as string)!;
      expect([text.source, text.measure, text.value]).toEqual([
        'enc-ww2-yugoslavia-text',
        r.measure,
        r.value,
      ]);
      expect(text.part_of).toBe('military-losses-italy-occupation');
    }
    // "An additional 10,090 Italians died post-armistice": not part of the 30,531.
    expect(military.find((r) => r.value === 10090)!.part_of).toBeNull();
  });

  test('Belgrade: the "(15,000 dead)" of the infobox are within its 25,000 casualties', () => {
    const index = byId('belgrade-offensive');
    const dead = [...index.values()].find((r) => r.label === '(15,000 dead)')!;
    expect(index.get(dead.subset_of as string)!.label).toBe('25,000 casualties');
  });
});

group('precision', () => {
  test('every figure of Kočović and Žerjavić is printed in whole thousands, and says so', () => {
    for (const id of datasets)
      for (const r of rows(id).filter((r) => ['kocovic', 'zerjavic'].includes(r.source as string)))
        if (r.value !== null) {
          expect(r.precision, `${id} ${r.id}`).toBe(1000);
          expect((r.low as number) % 1000, `${id} ${r.id}`).toBe(0);
        } else expect(r.precision, `${id} ${r.id}`).toBeNull(); // a dash has no figure to round
  });

  test('an "about" figure carries the place of its last non-zero digit as printed', () => {
    // about 850,000 → 10,000; around 13,500 → 100; about 660,000 → 10,000; some 11,000 → 1,000.
    const place = (n: number) => {
      let p = 1;
      while (n % (p * 10) === 0) p *= 10;
      return p;
    };
    // (a share in words, "approximately every sixth", has no printed digits: no precision)
    const approximate = datasets.flatMap((id) =>
      rows(id)
        .filter((r) => r.qualifier === 'approximate' && r.unit === 'persons')
        .map((r) => [`${id} ${r.id}`, r] as const),
    );
    // six before local-incidents (Dapčević's "as many as 36,000" is at-most since 0.2.0), and
    // "about 2,500 additional Serbian Volunteer Corps members"
    expect(approximate.length).toBe(7);
    expect(rows('local-incidents').find((r) => r.unit === 'percent')!.precision).toBeNull();
    for (const [where, r] of approximate) expect(r.precision, where).toBe(place(r.value as number));
    expect(rows('total-estimates').find((r) => r.source === 'mestrovic')!.precision).toBe(10000);
  });

  test('a rounded figure is a multiple of its precision; low and high stay as published', () => {
    for (const id of datasets)
      for (const r of rows(id).filter((r) => r.precision !== null && r.qualifier !== 'range')) {
        expect((r.value as number) % (r.precision as number), `${id} ${r.id}`).toBe(0);
        if (r.qualifier !== 'at-least') expect(r.high, `${id} ${r.id}`).toBe(r.value);
      }
  });
});

test('describe(id).structure lists the wholes, the overlaps and the rounding of a dataset', () => {
  const serbs = describe('ndh-serbs').structure;
  expect(serbs.wholes.map((w) => [w.id, w.value, w.part_of, w.parts])).toEqual([
    ['ndh-serbs-zerjavic', null, null, 3],
    ['ndh-serbs-zerjavic-civilians', null, 'ndh-serbs-zerjavic', 5],
  ]);
  expect(serbs.precision).toEqual({ 1000: 8 });
  expect(describe('total-estimates').structure.overlaps.map((o) => [o.relation, o.of])).toEqual([
    ['restates', 'yu-official-1945-05-demographic-loss'],
    ['restates', 'yu-official-1945-05-demographic-loss'],
    ['restates', 'yu-official-1945-05-demographic-loss'],
  ]);
  expect(describe('by-nationality').fields.map((f) => f.name)).toContain('part_of');
  expect(describe('by-nationality').structure.explanation).toMatch(
    /only rows with the same part_of/,
  );
});
