import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { atLeast, exact, row } from '../helpers.js';

describe('belgrade-offensive', () => {
  test('the infobox of the article', () => {
    // "Casualties1: Soviets:, 4,350 killed and missing, 14,488 wounded or sick, 18,838 overall,
    //  Bulgarian Army:, Over 3,000 killed, Yugoslav Partisans:, 2,953 dead,"
    // "Casualties2: 25,000 casualties, (15,000 dead)"
    const at = (belligerent: string, measure: string) => row('belgrade-offensive', { belligerent, measure });
    expect(at('soviet-union', 'killed-and-missing')).toMatchObject(exact(4350));
    expect(at('soviet-union', 'wounded-or-sick')).toMatchObject(exact(14488));
    expect(at('bulgaria', 'killed')).toMatchObject(atLeast(3000));
    expect(at('yugoslav-partisans', 'deaths')).toMatchObject(exact(2953));
    expect(at('axis', 'casualties')).toMatchObject(exact(25000));
    expect(at('axis', 'deaths')).toMatchObject(exact(15000));
  });

  test("the memorial, and Savich's polemical article", () => {
    // "the Liberators of Belgrade Memorial, which contains the remains of over 3,500 Yugoslav
    //  Partisans and Red Army soldiers who died during the offensive"
    expect(row('belgrade-offensive', { source: 'enc-belgrade-offensive-text' })).toMatchObject(atLeast(3500));
    // "Estimates are that 15,000 German soldiers were killed and 9,000 taken prisoner during the offensive."
    expect(row('belgrade-offensive', { source: 'savich', measure: 'killed' })).toMatchObject(exact(15000));
    expect(row('belgrade-offensive', { source: 'savich', measure: 'prisoners' })).toMatchObject(exact(9000));
    expect(load('belgrade-offensive').numRows()).toBe(9);
  });
});
