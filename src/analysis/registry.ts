// The source registry as the claim checker and reconcile name sources: one name and kind per id.
import { sources } from '../data/load.js';

/** The source registry's names (author or title, and year) and kinds, by id. @internal */
export function registry(): Map<string, { name: string; kind: string }> {
  return new Map(
    sources()
      .objects()
      .map((s) => [
        s.id,
        {
          name: `${s.author ?? s.title ?? s.id}${s.year ? ` (${s.year})` : ''}`,
          kind: s.kind,
        },
      ]),
  );
}
