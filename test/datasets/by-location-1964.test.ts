import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { cells, exact, figure, row } from '../helpers.js';

// World War II in Yugoslavia, § Casualties › Yugoslav casualties, table "Casualties by location
// according to the 1964 Yugoslav list", quoted without its Total row.
const seed = `
| Location | Death toll | Survived |
| Bosnia and Herzegovina | 177,045 | 49,242 |
| Croatia | 194,749 | 106,220 |
| Macedonia | 19,076 | 32,374 |
| Montenegro | 16,903 | 14,136 |
| Slovenia | 40,791 | 101,929 |
| Serbia (proper) | 97,728 | 123,818 |
| AP Kosovo (Serbia) | 7,927 | 13,960 |
| AP Vojvodina (Serbia) | 41,370 | 65,957 |
| Unknown | 1,744 | 2,213 |`;

describe('by-location-1964', () => {
  test('every cell of the seed table is a row: deaths and survivors', () => {
    const table = cells(seed);
    for (const [label, deaths, survived] of table) {
      expect(row('by-location-1964', { label: label!, measure: 'deaths' })).toMatchObject(exact(figure(deaths!)!));
      expect(row('by-location-1964', { label: label!, measure: 'survived' })).toMatchObject(exact(figure(survived!)!));
    }
    expect(load('by-location-1964').numRows()).toBe(table.length * 2);
  });

  test("Serbia's three parts keep their own keys", () => {
    expect(row('by-location-1964', { region: 'kosovo', measure: 'deaths' }).value).toBe(7927);
    expect(load('by-location-1964').objects().every((r) => r.source === 'yu-1964')).toBe(true);
  });
});
