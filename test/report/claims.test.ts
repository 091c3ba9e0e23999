import { describe, expect, test } from 'vitest';
import { claimCharts, claimsSection, repeatedFigures } from '../../src/report/claims.js';

// The three figures the seed documents repeat most, counted in their text (grep -o over
// ../shared/seeds/*.txt): "1.7 million" 4 times and "1,700,000" once; "597,323" 3 times;
// "1,027,000" twice (as is "1,014,000"). Every other figure appears at most once or twice.
describe('claimsSection', () => {
  const tables: string[] = [];
  const section = claimsSection(new Map([['claim-597323', '<figure>597323</figure>']]), (name) => {
    tables.push(name);
    return `<p class="files">${name}</p>`;
  });

  test('answers the three most repeated figures, each with its check and its reconciliation', () => {
    expect(repeatedFigures.map((f) => [f.written, f.mentions])).toEqual([
      ['1.7 million', 5],
      ['597,323', 3],
      ['1,027,000', 2],
    ]);
    expect(section.id).toBe('claims');
    const headings = [...section.html.matchAll(/<h3>(.*?)<\/h3>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      '"1.7 million" (written 5 times in the documents)',
      '"597,323" (written 3 times in the documents)',
      '"1,027,000" (written 2 times in the documents)',
    ]);
    expect(tables).toEqual([
      'claim-1700000-check',
      'claim-1700000-reconcile',
      'claim-597323-check',
      'claim-597323-reconcile',
      'claim-1027000-check',
      'claim-1027000-reconcile',
    ]);
    // the chart drawn for a figure is placed in its answer
    expect(section.html).toContain('<figure>597323</figure>');
  });

  test('says what the 1.7 million is, and that the 1964 list differs from Kočović by coverage', () => {
    expect(section.html).toMatch(/counts a demographic loss/);
    expect(section.html).toMatch(/not comparable: another measure/);
    expect(section.html).toMatch(/Unexplained residual: −322,000/);
    expect(section.html).toMatch(
      /it is a coverage difference because the list is the lower figure/,
    );
    // 597,323 as a claim: exact to the person, it fits the 1964 list's figure
    expect(section.html).toMatch(/The claim: 597,323 deaths\. Within the interval of: 597,323/);
  });

  test('claimCharts gives one waterfall per repeated figure, for the section claims', () => {
    expect(claimCharts().map((c) => [c.name, c.section])).toEqual([
      ['claim-1700000', 'claims'],
      ['claim-597323', 'claims'],
      ['claim-1027000', 'claims'],
    ]);
  });
});
