import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { approximate, atLeast, exact, row } from '../helpers.js';

describe('slovenia-2005', () => {
  test('the total, the summary killings, the deaths to May 1945 and the earlier estimate', () => {
    // "The number of victims was set at 89,404."
    expect(row('slovenia-2005', { measure: 'deaths', period: '1941-1945-and-post-war' })).toMatchObject(exact(89404));
    // "the victims of summary killings by the Communist regime immediately after the war (around 13,500 people)"
    expect(row('slovenia-2005', { period: 'post-war' })).toMatchObject({ measure: 'killed', ...approximate(13500) });
    // "(around 75,000 deaths versus a previous estimate of 60,000)"
    expect(row('slovenia-2005', { period: '1941-to-may-1945' })).toMatchObject(approximate(75000));
    expect(row('slovenia-2005', { source: 'enc-ww2-yugoslavia-text', measure: 'deaths' })).toMatchObject(exact(60000));
    // "the actual figures were more than 30% higher than the highest estimates during the Yugoslav period"
    expect(row('slovenia-2005', { measure: 'excess-over-earlier-estimates' })).toMatchObject({ unit: 'percent', ...atLeast(30) });
    // "civilians (around 4,000 between 1941 and 1945)" killed by the Partisan resistance
    expect(row('slovenia-2005', { status: 'civilian', perpetrator: 'partisans' })).toMatchObject(approximate(4000));
  });

  test('the shares by status, in per cent', () => {
    // "47% percent of casualties during the war were partisans, 33% were civilians (of which 82%
    //  were killed by Axis powers or Slovene home guard), and 20% were members of the Slovene home guard."
    const share = (status: string, perpetrator: string | null = null) =>
      row('slovenia-2005', { measure: 'share', status, perpetrator });
    expect(share('partisan')).toMatchObject({ unit: 'percent', ...exact(47) });
    expect(share('civilian')).toMatchObject({ unit: 'percent', ...exact(33) });
    expect(share('slovene-home-guard')).toMatchObject({ unit: 'percent', ...exact(20) });
    expect(share('civilian', 'axis-or-slovene-home-guard')).toMatchObject({ unit: 'percent', ...exact(82) });
    expect(load('slovenia-2005').numRows()).toBe(6 + 4);
  });
});
