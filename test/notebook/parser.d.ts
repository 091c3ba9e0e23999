// @observablehq/parser ships no types: the one function the Observable test calls.
declare module '@observablehq/parser' {
  /** Parses the source of one Observable (OJS) cell into an acorn node with the cell's parts. */
  export function parseCell(source: string): unknown;
}
