import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { reportTable } from '../../src/report/table.js';
import { capitalized, dateWords } from '../../src/charts/words.js';

describe('dateWords', () => {
  test('writes a date or period key as a reader reads it', () => {
    // local-incidents.csv: Gudovac "on 28 April 1941"; Savich's raids "In mid-April and May, 1944"
    expect(dateWords('1941-04-28')).toBe('28 April 1941');
    expect(dateWords('1945-05')).toBe('May 1945');
    expect(dateWords('1945')).toBe('1945');
    expect(dateWords('1944-04-to-1944-05')).toBe('April 1944 to May 1944');
    expect(dateWords('to-1945-05-09')).toBe('to 9 May 1945');
    expect(dateWords('1941-1945')).toBe('1941–1945');
  });

  test("short: a chart's month abbreviations, short names kept whole", () => {
    // total-estimates.csv: Bakić's 1,685,000 "in August 1945". The abbreviations are the AP
    // stylebook's: Jan., Feb., Aug., Sept., Oct., Nov., Dec.; March to July written in full
    expect(dateWords('1945-08', { short: true })).toBe('Aug. 1945');
    expect(dateWords('1944-09', { short: true })).toBe('Sept. 1944');
    expect(dateWords('1945-05', { short: true })).toBe('May 1945');
    expect(dateWords('1941-03', { short: true })).toBe('March 1941');
    expect(dateWords('1944-12', { short: true })).toBe('Dec. 1944');
  });

  test('leaves what is not a date alone', () => {
    expect(dateWords('post-war')).toBeUndefined();
    expect(dateWords('1945-13')).toBeUndefined();
    expect(dateWords('to-9-may')).toBeUndefined();
  });
});

describe('capitalized', () => {
  test('capitalises the first letter only, and leaves empty text empty', () => {
    expect(capitalized('named victims by nationality')).toBe('Named victims by nationality');
    expect(capitalized('jasenovac (JUSP)')).toBe('Jasenovac (JUSP)');
    expect(capitalized('Already')).toBe('Already');
    expect(capitalized('')).toBe('');
  });
});

describe('reportTable', () => {
  const html = reportTable(load('by-nationality'), { caption: 'Deaths by nationality' });

  test('labels every cell with its column heading, for the page to show on a phone', () => {
    const headings = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headings).toEqual(['source', 'nationality', 'measure', 'figure', 'the source says']);
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].slice(1);
    // by-nationality.csv: 16 nationalities for each of the three sources
    expect(rows).toHaveLength(48);
    for (const [row] of rows)
      expect([...row.matchAll(/data-label="([^"]*)"/g)].map((m) => m[1])).toEqual(headings);
  });

  test('leads each row with its figure, exactly as published; a dash stays a dash', () => {
    // by-nationality.csv: yu-1964 Serbs 346,740; yu-1964 Other Slavs not reported (a dash)
    expect(html).toContain('<td class="number col-figure lead" data-label="figure">346,740</td>');
    expect(html).toMatch(
      /<td class="number col-figure lead not-reported" data-label="figure" title="not reported[^"]*">–<\/td>/,
    );
  });
});
