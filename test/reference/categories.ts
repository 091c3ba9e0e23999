// Reference for the columnar `categories` (issue 17): the package's row-by-row code as it was before
// the rewrite, kept only where the rewrite changed it (types, option checks, crosswalk parsing and
// audit's reasons come from the package). Row objects, one pass per question: plainly right.
export { checkBy, checkPool } from '../../src/analysis/categories.js';
import { InvalidOptionError, InvalidTableError, show } from '../../src/errors.js';
import { type CasualtyRow } from './shared.js';

export function categoryKey(row: CasualtyRow, by: readonly string[]): string {
  return JSON.stringify(by.map((d) => row[d] ?? null));
}

export function checkCategories(
  rows: readonly CasualtyRow[],
  by: readonly string[],
  dimensions: readonly string[],
  pool: readonly string[],
  fn: string,
): void {
  const others = dimensions.filter((d) => !by.includes(d) && !pool.includes(d));
  const seen = new Map<string, Map<string, CasualtyRow>>(); // category → dimension → first row
  const differ = new Map<string, [CasualtyRow, CasualtyRow]>(); // dimension → two rows that differ in it
  for (const row of rows) {
    const key = categoryKey(row, by);
    let first = seen.get(key);
    if (!first) seen.set(key, (first = new Map<string, CasualtyRow>()));
    for (const d of others) {
      const earlier = first.get(d);
      if (!earlier) first.set(d, row);
      else if ((earlier[d] ?? null) !== (row[d] ?? null) && !differ.has(d))
        differ.set(d, [earlier, row]);
    }
  }
  if (differ.size > 0) {
    const names = [...differ.keys()];
    const [d, [a, b]] = [...differ.entries()][0]!;
    const where = by.map((c) => `${c} ${show(a[c] ?? null)}`).join(', ');
    const list = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
    throw new InvalidOptionError(
      `${fn}: the rows also differ in ${names.join(', ')}, which by (${by.join(', ')}) leaves out, so figures of different things would be pooled: for ${where}, '${a.label}' (${a.source}) has ${d} ${show(a[d] ?? null)} and '${b.label}' (${b.source}) has ${show(b[d] ?? null)}. Choose: add ${names.length > 1 ? 'them' : 'it'} to by (by: ${list([...by, ...names])}), filter the table to one value of each, or accept the difference with pool: ${list(names)}.`,
    );
  }
  const keyless = rows.filter((r) => by.some((d) => r[d] === null || r[d] === undefined));
  if (keyless.length > 0) {
    const shown = keyless
      .slice(0, 3)
      .map((r) => `'${r.label}' (${r.source})`)
      .join(', ');
    const missing = by.filter((d) => keyless.some((r) => r[d] == null));
    throw new InvalidTableError(
      `${fn}: ${keyless.length} row${keyless.length > 1 ? 's have' : ' has'} no ${words(missing, 'or')}: ${shown}${keyless.length > 3 ? ', …' : ''}; a missing key is not a category, so they cannot be set beside other rows. Filter them out, or choose another dimension.`,
    );
  }
}

export function checkOnePerSource(
  rows: readonly CasualtyRow[],
  by: readonly string[],
  fn: string,
): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = JSON.stringify([row.source, categoryKey(row, by)]);
    if (seen.has(key)) {
      const where = by.map((d) => `${d} ${show(row[d] ?? null)}`).join(', ');
      throw new InvalidTableError(
        `${fn}: source '${row.source}' has more than one row of ${row.measure} for ${where}; expected one per category (filter the table, or rollup() it by ${by.map((d) => `'${d}'`).join(', ')} first).`,
      );
    }
    seen.add(key);
  }
}

function words(list: readonly string[], and: string): string {
  return list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} ${and} ${list.at(-1)}`;
}

export function withoutRestatements(rows: readonly CasualtyRow[]): CasualtyRow[] {
  const ids = new Set(rows.map((r) => r.id).filter((id) => id != null));
  return rows.filter((r) => r.restates == null || !ids.has(r.restates));
}
