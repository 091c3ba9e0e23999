import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { atLeast, exact, row } from '../helpers.js';

describe('ndh-civilians-by-perpetrator', () => {
  // "his research showed that 41,000 civilian deaths (18,000+ Croats and 20,000+ Bosniaks) were
  //  caused by the Chetniks, 24,000 by the Ustaše (17,000 Croats and 7,000 Bosniaks), 16,000 by
  //  the Partisans (14,000 Croats and 2,000 Bosniaks), 11,000 by German forces (7,000 Croats and
  //  4,000 Bosniaks), 8,000 by Italian forces (5,000 Croats and 3,000 Bosniaks), while 12,000 died
  //  abroad (10,000 Croats and 2,000 Bosniaks)."
  const seed: [string | null, number, number][] = [
    ['ustase', 17000, 7000],
    ['partisans', 14000, 2000],
    ['german-forces', 7000, 4000],
    ['italian-forces', 5000, 3000],
    [null, 10000, 2000], // died abroad
  ];

  test('"18,000+" and "20,000+" are lower bounds', () => {
    expect(row('ndh-civilians-by-perpetrator', { nationality: 'croats', perpetrator: 'chetniks' })).toMatchObject(atLeast(18000));
    expect(row('ndh-civilians-by-perpetrator', { nationality: 'muslims', perpetrator: 'chetniks' })).toMatchObject(atLeast(20000));
  });

  test('every other pair of figures', () => {
    for (const [perpetrator, croats, bosniaks] of seed) {
      expect(row('ndh-civilians-by-perpetrator', { nationality: 'croats', perpetrator })).toMatchObject(exact(croats));
      expect(row('ndh-civilians-by-perpetrator', { nationality: 'muslims', perpetrator })).toMatchObject(exact(bosniaks));
    }
    expect(row('ndh-civilians-by-perpetrator', { nationality: 'croats', perpetrator: null }).region).toBe('abroad');
    expect(load('ndh-civilians-by-perpetrator').numRows()).toBe(2 + seed.length * 2);
  });
});
