// Published capture-history tables, each cited, in Rcapture's histpos.t order (the first list the
// most significant, from "on every list" down): we turn them into count tables here.
import { table, type ColumnTable } from 'arquero';

/** A count table of t lists c1…ct from frequencies listed from history 11…1 down to 0…01. */
export function histpos(t: number, frequencies: number[]): { table: ColumnTable; lists: string[] } {
  const lists = Array.from({ length: t }, (_, i) => `c${i + 1}`);
  const columns: Record<string, number[]> = Object.fromEntries(lists.map((l) => [l, []]));
  columns.count = [];
  let r = 0;
  for (let v = (1 << t) - 1; v >= 1; v--) {
    lists.forEach((l, i) => columns[l]!.push((v >> (t - 1 - i)) & 1));
    columns.count.push(frequencies[r++]!);
  }
  return { table: table(columns), lists };
}

/** Seber (1982), The Estimation of Animal Abundance, 2nd ed., p. 107: two samples, 167 in both,
 * 781 in the first only, 254 in the second only (as in Rcapture's documented example). */
export const seber107 = table({ c1: [1, 1, 0], c2: [1, 0, 1], count: [167, 781, 254] });

/** Darroch, Fienberg, Glonek & Junker (1993), JASA 88: the "R3" three-list census data, as
 * analysed in Rivest (2011), Int. J. Biostatistics 7(1). */
export const darrochR3 = histpos(3, [72, 155, 7, 71, 13, 53, 43]);

/** Bruno et al. (1994): diabetes in Casale Monferrato, Italy, four sources, as
 * analysed in Rivest (2011). */
export const diabetes = histpos(4, [58, 157, 18, 104, 46, 650, 12, 709, 14, 20, 7, 74, 8, 182, 10]);

/** Cormack, Chang & Smith (2000), Table 3b: three lists. */
export const cormack3b = histpos(3, [72, 5, 29, 54, 24, 3, 14]);

/** Madigan & York (1997), Biometrika 84(1): the five-list example, as given in the dga package's
 * README (counts by pattern, the first list the least significant bit, pattern 0 first). */
export const madiganYork5 = [
  0, 27, 37, 19, 4, 4, 1, 1, 97, 22, 37, 25, 2, 1, 3, 5, 83, 36, 34, 18, 3, 5, 0, 2, 30, 5, 23, 8,
  0, 3, 0, 2,
];

/** Ball, Betts, Scheuren, Dudukovich & Asher (2002), Killings and Refugee Flow in Kosovo,
 * March–June 1999 (AAAS, a report to the ICTY): 4,400 killings on four lists (EXH exhumations,
 * ABA the American Bar Association's CEELI, OSCE, HRW Human Rights Watch), as the R package
 * LCMCR 0.4.14 holds them (`kosovo_aggregate`, one row per person, counted here by history in R:
 * `aggregate(rep(1, 4400), by = kosovo_aggregate, FUN = sum)`). Counts by pattern 1…15, bit 0 =
 * EXH, bit 1 = ABA, bit 2 = OSCE, bit 3 = HRW. */
export const kosovoAggregate = {
  lists: ['EXH', 'ABA', 'OSCE', 'HRW'],
  counts: [0, 1131, 845, 177, 936, 228, 217, 181, 306, 106, 31, 18, 123, 42, 32, 27],
};

/** A count table of the lists from counts by pattern (bit i = lists[i]), pattern 0 left out. */
export function fromPatterns(lists: string[], counts: number[]): ColumnTable {
  const columns: Record<string, number[]> = Object.fromEntries(lists.map((l) => [l, []]));
  columns.count = [];
  for (let w = 1; w < counts.length; w++) {
    lists.forEach((l, i) => columns[l]!.push((w >> i) & 1));
    columns.count.push(counts[w]!);
  }
  return table(columns);
}

/** Bales, Murphy & Silverman (2020), "How many trafficked people are there in Greater New
 * Orleans?", Journal of Human Trafficking 6(4): eight lists A…H, as the R package
 * MultipleSystemsEstimation holds them (`NewOrl`, 19 histories, 196 people). Each row: the lists
 * the history is on (A = bit 0 … H = bit 7) and its count. */
export const newOrleans = {
  lists: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
  histories: [
    ['A', 25],
    ['A C', 1],
    ['A D', 2],
    ['A E', 1],
    ['A C G', 1],
    ['A D E', 1],
    ['B', 5],
    ['B F', 1],
    ['C', 70],
    ['C D', 2],
    ['C E', 1],
    ['C G', 1],
    ['D', 33],
    ['D E', 2],
    ['E', 6],
    ['E H', 1],
    ['F', 6],
    ['G', 6],
    ['H', 21],
  ] as [string, number][],
};
