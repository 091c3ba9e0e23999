import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { cells, exact, figure, notReported, row } from '../helpers.js';

// World War II in Yugoslavia, § Casualties › Yugoslav casualties, table "Victims by nationality",
// quoted from the seed without its Total row (that row is in stated-totals.csv).
const seed = `
| Nationality | 1964 list | Kočović | Žerjavić |
| Serbs | 346,740 | 487,000 | 530,000 |
| Croats | 83,257 | 207,000 | 192,000 |
| Slovenes | 42,027 | 32,000 | 42,000 |
| Montenegrins | 16,276 | 50,000 | 20,000 |
| Macedonians | 6,724 | 7,000 | 6,000 |
| Muslims | 32,300 | 86,000 | 103,000 |
| Other Slavs | – | 12,000 | 7,000 |
| Albanians | 3,241 | 6,000 | 18,000 |
| Jews | 45,000 | 60,000 | 57,000 |
| Gypsies | – | 27,000 | 18,000 |
| Germans | – | 26,000 | 28,000 |
| Hungarians | 2,680 | – | – |
| Slovaks | 1,160 | – | – |
| Turks | 686 | – | – |
| Others | – | 14,000 | 6,000 |
| Unknown | 16,202 | – | – |`;
const columns = ['yu-1964', 'kocovic', 'zerjavic'] as const;

describe('by-nationality', () => {
  test('every cell of the seed table is a row, figure for figure, a dash as not-reported', () => {
    const table = cells(seed);
    for (const [label, ...values] of table) {
      columns.forEach((source, i) => {
        const expected = figure(values[i]!);
        const r = row('by-nationality', { source, label: label! });
        expect(r, `${source} ${label}`).toMatchObject(expected === null ? notReported : exact(expected));
        expect(r.unit).toBe('persons');
        expect(r.measure).toBe('deaths');
      });
    }
    expect(load('by-nationality').numRows()).toBe(table.length * columns.length); // 16 × 3 = 48
  });

  test('a dash is never 0', () => {
    expect(row('by-nationality', { source: 'yu-1964', nationality: 'roma' }).value).toBeNull();
    expect(load('by-nationality').objects().some((r) => r.value === 0)).toBe(false);
  });

  test('labels keep the words of the source while the keys are harmonized', () => {
    expect(row('by-nationality', { source: 'kocovic', nationality: 'roma' }).label).toBe('Gypsies');
    expect(row('by-nationality', { source: 'zerjavic', nationality: 'muslims' }).label).toBe('Muslims');
  });
});
