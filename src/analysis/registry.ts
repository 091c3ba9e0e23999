// How the package names each source of the registry: one rule for the claim checker's and
// reconcile's words and for every chart's names, so that a source reads the same everywhere.
import { sources } from '../data/load.js';
import type { SourcesRow } from '../data/generated/types.js';

/** A source as the package names it. */
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

/** The registry's sources named, by id: read once (a chart names its sources twice). */
let names: ReadonlyMap<string, SourceName> | undefined;

/**
 * The bundled source registry's sources, named as {@link nameOf} names them, by id. @internal
 */
export function registry(): ReadonlyMap<string, SourceName> {
  names ??= new Map(
    sources()
      .objects()
      .map((s) => [s.id, nameOf(s)]),
  );
  return names;
}

/**
 * A source of the registry named: a person by family name ("Žerjavić (1989)", in full "Vladimir
 * Žerjavić (1989)"); a body by its English name where the registry gives one in brackets
 * ("Savezni zavod za statistiku (Federal Statistical Office of Yugoslavia)" is "Federal
 * Statistical Office of Yugoslavia (1964)"), else by its name before any bracket; a source
 * without an author by its title.
 */
function nameOf(s: SourcesRow): SourceName {
  const person = s.author && s.author.split(' ').length <= 3 && !/[(),]/.test(s.author);
  const english = s.author?.match(/\(([A-Z][^)]*)\)/)?.[1];
  const short = person
    ? s.author!.split(' ').at(-1)!
    : (english ?? s.author?.split(' (')[0] ?? s.title ?? s.id);
  const whole = person ? s.author! : short;
  const year = s.year ? ` (${s.year})` : '';
  return { id: s.id, short, name: short + year, full: whole + year, kind: s.kind };
}
