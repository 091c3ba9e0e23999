// A plain Arquero table from row objects, for the tests that need a table that is not checked.
import { from } from 'arquero';
import type { ColumnTable } from 'arquero';

export const fromRows = (rows: object[]): ColumnTable => from(rows);
