// The palette and every chart's colours, as readers with a colour-vision deficiency see them: each
// colour simulated for protanopia, deuteranopia and tritanopia, and neighbouring categories at least
// ΔE 10 apart (CIE 1976 ΔE*ab, in CIELAB under D65).
//
// Simulation: Machado, Oliveira and Fernandes (2009), "A Physiologically-based Model for Simulation
// of Color Vision Deficiency", IEEE Transactions on Visualization and Computer Graphics 15(6),
// 1291–1298, the matrices for severity 1.0 of its table, applied to linear sRGB. sRGB to CIELAB by
// IEC 61966-2-1 and CIE 15 (D65 white 0.95047, 1, 1.08883).
import { describe, expect, test } from 'vitest';
import { kindColours, palette } from '../../src/charts/index.js';
import { standardCharts } from '../../src/report/index.js';

type Matrix = [number, number, number][];
const simulations: Record<string, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** A #rrggbb colour as linear sRGB, as seen through a simulation matrix (clipped to 0–1). */
function seen(hex: string, m: Matrix): [number, number, number] {
  const rgb = [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255));
  return m.map((row) =>
    Math.min(1, Math.max(0, row[0] * rgb[0]! + row[1] * rgb[1]! + row[2] * rgb[2]!)),
  ) as [number, number, number];
}

/** Linear sRGB to CIELAB (D65). */
function lab([r, g, b]: [number, number, number]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: [number, number, number], b: [number, number, number]) =>
  Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The smallest ΔE between neighbours of `colours` under each simulation, with the pair. */
function closestNeighbours(colours: readonly string[]): string[] {
  const weak: string[] = [];
  for (const [name, m] of Object.entries(simulations))
    for (let i = 0; i + 1 < colours.length; i++) {
      // one colour twice is one category drawn twice (a chart's steps of one kind), not two
      if (colours[i] === colours[i + 1]) continue;
      const d = deltaE(lab(seen(colours[i]!, m)), lab(seen(colours[i + 1]!, m)));
      if (d < 10) weak.push(`${name}: ${colours[i]} beside ${colours[i + 1]}, ΔE ${d.toFixed(1)}`);
    }
  return weak;
}

/** Every colour scale range of a spec, in its order. */
function ranges(spec: unknown, found: string[][] = []): string[][] {
  if (spec === null || typeof spec !== 'object') return found;
  const s = spec as Record<string, unknown>;
  const scale = s.scale as { range?: unknown } | undefined;
  if ((s.field !== undefined || s.scale) && Array.isArray(scale?.range))
    if ((scale.range as unknown[]).every((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c)))
      found.push(scale.range as string[]);
  for (const [k, v] of Object.entries(s)) if (k !== 'data') ranges(v, found);
  return found;
}

describe('colours under simulated colour-vision deficiencies', () => {
  test('the simulation is the identity on greys and sends red and green together for protanopia', () => {
    // a grey stays a grey (each row of each matrix sums to 1, within rounding)
    for (const m of Object.values(simulations))
      for (const row of m) expect(row[0] + row[1] + row[2]).toBeCloseTo(1, 2);
    // pure red and pure green, far apart for a trichromat, come close for a protanope
    const trichromat = deltaE(lab([1, 0, 0]), lab([0, 1, 0]));
    const red = lab(seen('#ff0000', simulations.protanopia!));
    const green = lab(seen('#00ff00', simulations.protanopia!));
    expect(deltaE(red, green)).toBeLessThan(trichromat / 2);
  });

  test('neighbouring colours of the palette are at least ΔE 10 apart', () => {
    expect(closestNeighbours(palette)).toEqual([]);
    expect(closestNeighbours(Object.values(kindColours).slice(0, 5))).toEqual([]);
  });

  test.each(standardCharts().map((c) => [c.name, c.spec] as const))(
    '%s: neighbouring categories of every colour scale at least ΔE 10 apart',
    (_, spec) => {
      for (const range of ranges(spec)) expect(closestNeighbours(range)).toEqual([]);
    },
  );
});
