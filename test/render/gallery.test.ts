// The gallery (examples/gallery, which the README shows) is drawn by `npm run gallery` from the
// same standard charts as the render snapshots: each of its SVGs must be its snapshot, byte for
// byte, so that a change to a chart cannot update the snapshot and leave the gallery behind.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const snapshots = new URL('./__snapshots__/', import.meta.url);
const gallery = new URL('../../examples/gallery/', import.meta.url);
const svgs = readdirSync(gallery).filter((f) => f.endsWith('.svg'));

describe('examples/gallery', () => {
  test('holds an SVG and a PNG for every render snapshot', () => {
    const expected = readdirSync(snapshots).filter((f) => f.endsWith('.svg'));
    expect(svgs.sort()).toEqual(expected.sort());
    const pngs = readdirSync(gallery).filter((f) => f.endsWith('.png'));
    expect(pngs.sort()).toEqual(expected.map((f) => f.replace(/\.svg$/, '.png')).sort());
  });

  test.each(svgs)('%s is its render snapshot (else run npm run gallery)', (name) => {
    const drawn = readFileSync(new URL(name, gallery), 'utf8');
    expect(drawn === readFileSync(new URL(name, snapshots), 'utf8')).toBe(true);
  });
});
