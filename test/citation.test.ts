// CITATION.cff checked against the Citation File Format 1.2.0 schema
// (https://citation-file-format.github.io/1.2.0/schema, citation-file-format/citation-file-format
// schema.json): its required keys, the keys it allows at the top, its enums for `type`, and SPDX
// licence ids. No CFF validator installs from npm or Debian here (cffconvert is a Python package).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';

const cff = parse(readFileSync(new URL('../CITATION.cff', import.meta.url), 'utf8'));
// The schema's top-level properties (it sets additionalProperties: false) and required keys.
const allowed = [
  'abstract',
  'authors',
  'cff-version',
  'commit',
  'contact',
  'date-released',
  'doi',
  'identifiers',
  'keywords',
  'license',
  'license-url',
  'message',
  'preferred-citation',
  'references',
  'repository',
  'repository-artifact',
  'repository-code',
  'title',
  'type',
  'url',
  'version',
];
const date = /^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/;

describe('CITATION.cff', () => {
  test('has the keys the CFF 1.2.0 schema requires, and no other top-level key', () => {
    for (const key of ['authors', 'cff-version', 'message', 'title'])
      expect(cff).toHaveProperty([key]);
    for (const key of Object.keys(cff)) expect(allowed).toContain(key);
    expect(cff['cff-version']).toBe('1.2.0');
    expect(['dataset', 'software']).toContain(cff.type);
    expect(cff['date-released']).toMatch(date);
    expect(cff.authors.length).toBeGreaterThan(0);
  });

  test('licenses the code under MIT and the data, in its preferred citation, under CC BY-SA 4.0', () => {
    // The package.json licence is the code's; DATA-LICENSE.md names CC BY-SA 4.0 for the data.
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(cff.license).toBe(pkg.license);
    expect(cff.license).toBe('MIT');
    const data = cff['preferred-citation'];
    // A reference requires authors, title and type; 'data' is one of the schema's reference types.
    for (const key of ['authors', 'title', 'type']) expect(data).toHaveProperty([key]);
    expect(data.type).toBe('data');
    expect(data.license).toBe('CC-BY-SA-4.0');
    expect(readFileSync(new URL('../DATA-LICENSE.md', import.meta.url), 'utf8')).toMatch(
      /CC BY-SA 4\.0|Attribution-ShareAlike 4\.0/,
    );
    expect(data['date-released']).toMatch(date);
    expect(data.version).toBe(pkg.version);
    expect(cff.version).toBe(pkg.version);
  });
});
