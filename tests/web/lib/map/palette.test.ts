/**
 * The category colours for readers with colour-vision deficiency: each colour is passed through
 * Machado, Oliveira & Fernandes (2009) at severity 1.0 (deuteranopia, protanopia) in linear RGB,
 * clipped, and compared in CIELAB (D65) with the CIE76 distance.
 */
import { describe, expect, it } from 'vitest';
import { CATEGORY_COLOURS, NOT_ASSESSED } from '../../../../web/src/lib/map/paint.ts';

type Matrix = [number, number, number][];
type Triple = [number, number, number];

const MACHADO: Record<'deuteranopia' | 'protanopia', Matrix> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
};

const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const clip = (c: number) => Math.min(1, Math.max(0, c));

function linearRgb(hex: string): Triple {
  return [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255)) as Triple;
}

function simulate(rgb: Triple, matrix: Matrix | null): Triple {
  if (!matrix) return rgb;
  return matrix.map((row) => clip(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])) as Triple;
}

/** Linear sRGB → XYZ (D65) → CIELAB. */
function lab([r, g, b]: Triple): Triple {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const deltaE = (a: Triple, b: Triple) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const seen = (hex: string, matrix: Matrix | null = null) => lab(simulate(linearRgb(hex), matrix));
const hue = ([, a, b]: Triple) => ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;
const luminance = (hex: string) => {
  const [r, g, b] = linearRgb(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

const PAIRS = [
  [1, 2],
  [1, 3],
  [2, 3],
] as const;

describe('the category colours', () => {
  it.each(Object.entries(MACHADO))('stay at least 30 ΔE*ab apart, pair by pair, under %s', (_, matrix) => {
    for (const [a, b] of PAIRS) {
      const distance = deltaE(seen(CATEGORY_COLOURS[a], matrix), seen(CATEGORY_COLOURS[b], matrix));
      expect(distance, `${a}–${b}`).toBeGreaterThanOrEqual(30);
    }
  });

  it('stay far apart for normal colour vision', () => {
    for (const [a, b] of PAIRS) expect(deltaE(seen(CATEGORY_COLOURS[a]), seen(CATEGORY_COLOURS[b]))).toBeGreaterThan(50);
  });

  it('still read as green, yellow and red (an orange-red counts as red)', () => {
    expect(hue(seen(CATEGORY_COLOURS[1]))).toBeGreaterThan(140);
    expect(hue(seen(CATEGORY_COLOURS[1]))).toBeLessThan(200);
    expect(hue(seen(CATEGORY_COLOURS[2]))).toBeGreaterThan(70);
    expect(hue(seen(CATEGORY_COLOURS[2]))).toBeLessThan(100);
    expect(hue(seen(CATEGORY_COLOURS[3]))).toBeGreaterThan(20);
    expect(hue(seen(CATEGORY_COLOURS[3]))).toBeLessThan(60);
    // Yellow is the light one, so it stays apart from green and red by lightness alone.
    expect(seen(CATEGORY_COLOURS[2])[0]).toBeGreaterThan(seen(CATEGORY_COLOURS[1])[0] + 25);
    expect(seen(CATEGORY_COLOURS[2])[0]).toBeGreaterThan(seen(CATEGORY_COLOURS[3])[0] + 25);
  });

  it('carry white text and white borders: green and red at least 4.5 : 1 against white', () => {
    for (const category of [1, 3] as const) expect(1.05 / (luminance(CATEGORY_COLOURS[category]) + 0.05)).toBeGreaterThanOrEqual(4.5);
  });

  it('leave "not assessed" pale and grey, nothing like any of them', () => {
    for (const category of [1, 2, 3] as const) expect(deltaE(seen(NOT_ASSESSED.colour), seen(CATEGORY_COLOURS[category]))).toBeGreaterThan(20);
    const [, a, b] = seen(NOT_ASSESSED.colour);
    expect(Math.hypot(a, b)).toBeLessThan(5);
  });
});

describe('the simulation', () => {
  it('keeps grey grey and turns pure red and green into near neighbours under deuteranopia', () => {
    const grey = seen('#808080', MACHADO.deuteranopia);
    expect(Math.hypot(grey[1], grey[2])).toBeLessThan(1);
    // The old default pair (#2b9a58 against #cf3f35) was about 21 apart: the reason for the new palette.
    expect(deltaE(seen('#2b9a58', MACHADO.deuteranopia), seen('#cf3f35', MACHADO.deuteranopia))).toBeLessThan(25);
  });
});
