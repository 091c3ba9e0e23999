import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { exact, range, row } from '../helpers.js';

describe('ndh-croats-bosniaks', () => {
  const at = (nationality: string, region: string, status: string) =>
    row('ndh-croats-bosniaks', { nationality, region, status });

  test('Croats: ranges in the NDH, exact figures abroad', () => {
    // "69–71,000 Croats died as members of the NDH armed forces, 43–46,000 as members of the
    //  Yugoslav Partisans, and 60–64,000 as civilians, in direct terror and in camps."
    // Midpoints: (69,000 + 71,000) / 2 = 70,000; (43,000 + 46,000) / 2 = 44,500; (60,000 + 64,000) / 2 = 62,000.
    expect(at('croats', 'ndh', 'ndh-armed-forces')).toMatchObject({ ...range(69000, 71000), value: 70000 });
    expect(at('croats', 'ndh', 'partisan')).toMatchObject({ ...range(43000, 46000), value: 44500 });
    expect(at('croats', 'ndh', 'civilian')).toMatchObject({ ...range(60000, 64000), value: 62000 });
    // "a further 14,000 Croats died abroad; 4,000 as Partisans and 10,000 civilian victims of terror or in camps"
    expect(at('croats', 'abroad', 'partisan')).toMatchObject(exact(4000));
    expect(at('croats', 'abroad', 'civilian')).toMatchObject(exact(10000));
  });

  test('Bosniaks, including Muslims of Croatia', () => {
    // "he estimated that 29,000 died as members of the NDH armed forces, 11,000 as members of the
    //  Yugoslav Partisans, while 37,000 were civilians and a further 3,000 Bosniaks were killed
    //  abroad; 1,000 Partisans and 2,000 civilians."
    expect(at('muslims', 'ndh', 'ndh-armed-forces')).toMatchObject(exact(29000));
    expect(at('muslims', 'ndh', 'partisan')).toMatchObject(exact(11000));
    expect(at('muslims', 'ndh', 'civilian')).toMatchObject(exact(37000));
    expect(at('muslims', 'abroad', 'partisan')).toMatchObject(exact(1000));
    expect(at('muslims', 'abroad', 'civilian')).toMatchObject(exact(2000));
    expect(load('ndh-croats-bosniaks').numRows()).toBe(10);
  });
});
