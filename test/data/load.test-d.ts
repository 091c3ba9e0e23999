import { expectTypeOf, test } from 'vitest';
import {
  load,
  describe,
  type ByNationalityRow,
  type DatasetId,
  type LocalIncidentsRow,
} from '../../src/index.js';

test('load(id) is typed by the dataset id', () => {
  const row = load('by-nationality').objects()[0]!;
  expectTypeOf(row).toEqualTypeOf<ByNationalityRow>();
  expectTypeOf(row.value).toEqualTypeOf<number | null>();
  expectTypeOf(row.source).toEqualTypeOf<'kocovic' | 'yu-1964' | 'zerjavic'>();
  expectTypeOf(row.qualifier).toEqualTypeOf<
    'exact' | 'approximate' | 'at-least' | 'at-most' | 'range' | 'not-reported' | 'derived'
  >();
  expectTypeOf(load('military-losses').object().belligerent).toExtend<string>();
  expectTypeOf<'by-status'>().toExtend<DatasetId>();
  // @ts-expect-error a misspelt id does not compile
  load('by-nationalty');
  // @ts-expect-error by-nationality has no region column
  const region = load('by-nationality').objects()[0]!.region;
  expectTypeOf(region).toBeAny();
  expectTypeOf(describe('by-status').rows).toEqualTypeOf<number>();
});

test("load('local-incidents') is typed, with its place and people keys", () => {
  const row = load('local-incidents').objects()[0]!;
  expectTypeOf(row).toEqualTypeOf<LocalIncidentsRow>();
  expectTypeOf<'local-incidents'>().toExtend<DatasetId>();
  expectTypeOf(row.measure).toEqualTypeOf<'killed' | 'prisoners' | 'share'>();
  expectTypeOf(row.people).toEqualTypeOf<
    | 'civilians'
    | 'istrians'
    | 'serbian-volunteer-corps-members'
    | 'serbs'
    | 'serbs-living-in-the-ndh'
  >();
  expectTypeOf(row.place).toExtend<string>();
  expectTypeOf(row.people).toExtend<string>();
});
