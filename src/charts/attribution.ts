import { sources } from '../data/load.js';
import type { SourcesRow } from '../data/generated/types.js';
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

/** A source as a chart names it. */
export interface SourceName {
  id: string;
  /** A short name: a person's family name, or a body's or article's name. */
  short: string;
  /** The short name with the year, e.g. "Žerjavić (1989)". */
  name: string;
  /** A person's whole name, or the body's name, with the year: "Vladimir Žerjavić (1989)". */
  full: string;
  kind: string;
}

/** The bundled source registry by id, read once (every chart names its sources twice). */
let registry: Map<string, SourcesRow> | undefined;

/**
 * How charts name each source of the registry: "Žerjavić (1989)", "U.S. Bureau of the Census
 * (1954)"; sources that the registry does not know are named by their id.
 */
export function sourceNames(ids: readonly string[]): SourceName[] {
  if (!Array.isArray(ids))
    throw new InvalidOptionError(
      `sourceNames: ids is ${show(ids)}; expected an array of source ids.`,
    );
  registry ??= new Map<string, SourcesRow>(
    sources()
      .objects()
      .map((s) => [s.id, s]),
  );
  return ids.map((id: string) => {
    const s = registry!.get(id);
    if (!s) return { id, short: id, name: id, full: id, kind: 'unknown' };
    const person = s.author && s.author.split(' ').length <= 3 && !/[(),]/.test(s.author);
    // A body's English name where the registry gives one in brackets:
    // "Savezni zavod za statistiku (Federal Statistical Office of Yugoslavia)".
    const english = s.author?.match(/\(([A-Z][^)]*)\)/)?.[1];
    const short = person
      ? s.author!.split(' ').at(-1)!
      : (english ?? s.author?.split(' (')[0] ?? s.title ?? id);
    const whole = person ? s.author! : short;
    const year = s.year ? ` (${s.year})` : '';
    return { id, short, name: short + year, full: whole + year, kind: s.kind };
  });
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
