// An Observable Framework data loader: Framework runs it at build time and serves what it writes
// to standard output as data/by-nationality.csv. The figures as published; a dash stays empty.
import { load } from 'ww2-yugoslavia-casualties';
import { toCSV } from 'ww2-yugoslavia-casualties/export';

process.stdout.write(toCSV(load('by-nationality')));
