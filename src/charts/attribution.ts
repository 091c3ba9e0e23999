import { registry, type SourceName } from '../analysis/registry.js';
import { InvalidOptionError, show } from '../errors.js';

/** The words for each kind of source, as a chart's legend and footer write them. */
export const kindWords: Readonly<Record<string, string>> = Object.freeze({
  'named-list': 'named list',
  'demographic-estimate': 'demographic estimate',
  'official-claim': 'official claim',
  'census-bureau-estimate': 'census bureau estimate',
  'historian-estimate': "historian's estimate",
  'military-records': 'military records',
  'encyclopedia-infobox': 'encyclopedia infobox',
  'encyclopedia-text': 'encyclopedia text',
  'polemical-article': 'polemical article',
});

/** What each kind of source is, in a clause, for a subtitle or footer setting kinds apart. */
export const kindMeaning: Readonly<Record<string, string>> = Object.freeze({
  'named-list': 'a named list counts registered victims only',
  'demographic-estimate': 'a demographic estimate calculates deaths from censuses',
  'census-bureau-estimate': 'a census bureau estimate',
  'official-claim': 'an official claim',
  'historian-estimate': "a historian's estimate",
  'military-records': 'military records',
  'encyclopedia-infobox': 'an encyclopedia infobox',
  'encyclopedia-text': 'an encyclopedia article',
  'polemical-article': 'a polemical article',
});

export type { SourceName } from '../analysis/registry.js';

/**
 * How charts name each source of the registry: "Žerjavić (1989)", "U.S. Bureau of the Census
 * (1954)" (the one rule of `registry`); sources that the registry does not know are named by
 * their id.
 */
export function sourceNames(ids: readonly string[]): SourceName[] {
  if (!Array.isArray(ids))
    throw new InvalidOptionError(
      `sourceNames: ids is ${show(ids)}; expected an array of source ids.`,
    );
  const names = registry();
  return ids.map(
    (id: string) => names.get(id) ?? { id, short: id, name: id, full: id, kind: 'unknown' },
  );
}

/**
 * The footer of a chart: its sources with their kinds, where the figures were read, and how to
 * read the marks. One string per line.
 */
export function footer(
  ids: readonly string[],
  notes: readonly string[] = [],
  chars = 100,
): string[] {
  const names = sourceNames([...new Set(ids)]);
  const list = names.map((s) => `${s.name}, ${kindWords[s.kind] ?? s.kind}`).join('; ');
  return [
    ...wrap(`${names.length === 1 ? 'Source' : 'Sources'}: ${list}.`, chars),
    ...notes.flatMap((n) => wrap(n, chars)),
    "Data: ww2-yugoslavia-casualties (figures as published; see each source's citation).",
  ];
}

/** Breaks text into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}
