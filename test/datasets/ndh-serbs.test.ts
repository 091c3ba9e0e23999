import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { exact, row } from '../helpers.js';

describe('ndh-serbs', () => {
  test("Žerjavić's Serbs in the NDH by status, perpetrator and cause", () => {
    // "According to Žerjavić's research on the losses of the Serbs in the NDH, 82,000 died as
    //  members of the Yugoslav Partisans, and 23,000 as Chetniks and Axis collaborators. Of the
    //  civilian casualties, 78,000 were killed by the Ustaše in direct terror and in camps, 45,000
    //  by German forces, 15,000 by Italian forces, 34,000 in battles between the Ustaše, the
    //  Chetniks, and the Partisans, and 25,000 died of typhoid. A further 20,000 died in the
    //  Sajmište concentration camp."
    expect(row('ndh-serbs', { status: 'partisan' })).toMatchObject(exact(82000));
    expect(row('ndh-serbs', { status: 'chetniks-and-collaborators' })).toMatchObject(exact(23000));
    expect(row('ndh-serbs', { perpetrator: 'ustase' })).toMatchObject({ status: 'civilian', cause: 'terror-and-camps', ...exact(78000) });
    expect(row('ndh-serbs', { perpetrator: 'german-forces' })).toMatchObject({ status: 'civilian', ...exact(45000) });
    expect(row('ndh-serbs', { perpetrator: 'italian-forces' })).toMatchObject({ status: 'civilian', ...exact(15000) });
    expect(row('ndh-serbs', { cause: 'battles' })).toMatchObject({ status: 'civilian', perpetrator: null, ...exact(34000) });
    expect(row('ndh-serbs', { cause: 'typhoid' })).toMatchObject({ status: 'civilian', ...exact(25000) });
    expect(row('ndh-serbs', { cause: 'sajmiste-camp' })).toMatchObject({ status: null, ...exact(20000) });
    expect(load('ndh-serbs').numRows()).toBe(8);
    expect(load('ndh-serbs').objects().every((r) => r.source === 'zerjavic')).toBe(true);
  });
});
