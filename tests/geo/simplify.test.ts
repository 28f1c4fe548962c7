import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { planarRingArea } from 'topojson-simplify';
import simplifyTopology from '../../geo/simplify.ts';
import toTopology from '../../geo/to-topology.ts';
import type { Ring } from '../../geo/types.ts';

const circle = (cx: number, cy: number, r: number, n: number): Ring => {
  const ring: Ring = Array.from({ length: n }, (_, i): [number, number] => [
    cx + r * Math.cos((2 * Math.PI * i) / n),
    cy + r * Math.sin((2 * Math.PI * i) / n),
  ]);
  return [...ring, ring[0]];
};

// København and Frederiksberg as two half-discs sharing their diameter, plus an island.
const half = (from: 0 | 1): Ring => {
  const arc = Array.from({ length: 31 }, (_, i): [number, number] => [
    50 + 40 * Math.cos(Math.PI * (from + (i + 1) / 32)),
    50 + 40 * Math.sin(Math.PI * (from + (i + 1) / 32)),
  ]);
  const [east, west]: [number, number][] = [[90, 50], [10, 50]];
  return from === 0 ? [east, ...arc, west, east] : [west, ...arc, east, west];
};
const shapes = [
  { code: '0101', polygons: [[half(0)], [circle(150, 50, 5, 64)]] },
  { code: '0147', polygons: [[half(1)]] },
];

describe('simplifyTopology', () => {
  it('quantizes and thins out the arcs', () => {
    const planar = toTopology(shapes);
    const simplified = simplifyTopology(planar, { minWeight: 1, quantization: 1000, maxBytes: 1e6 });
    const count = (arcs: number[][][]) => arcs.reduce((sum, arc) => sum + arc.length, 0);
    expect(simplified.transform).toBeDefined();
    expect(count(simplified.arcs)).toBeLessThan(count(planar.arcs));
    expect(simplified.arcs.flat(2).every(Number.isInteger)).toBe(true);
  });

  it('leaves every ring an area, however coarse the simplification', () => {
    const simplified = simplifyTopology(toTopology(shapes), { minWeight: 1e9, quantization: 1000, maxBytes: 1e6 });
    const rings = feature(simplified, simplified.objects.municipalities).features.flatMap((f) =>
      f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates.flat() : f.geometry.type === 'Polygon' ? f.geometry.coordinates : [],
    );
    expect(rings).toHaveLength(3);
    for (const ring of rings) expect(planarRingArea(ring as [number, number][])).toBeGreaterThan(0);
  });

  it('keeps shared borders shared', () => {
    const simplified = simplifyTopology(toTopology(shapes), { minWeight: 1, quantization: 1000, maxBytes: 1e6 });
    const [koebenhavn, frederiksberg] = simplified.objects.municipalities.geometries;
    const arcsOf = (geometry: typeof koebenhavn) =>
      new Set(JSON.stringify('arcs' in geometry ? geometry.arcs : []).match(/-?\d+/g)!.map((i) => (+i < 0 ? ~+i : +i)));
    const shared = [...arcsOf(koebenhavn)].filter((arc) => arcsOf(frederiksberg).has(arc));
    expect(shared).toHaveLength(1);
  });

  it('coarsens the simplification until the topology fits the byte limit', () => {
    const loose = simplifyTopology(toTopology(shapes), { minWeight: 0.01, quantization: 1000, maxBytes: 1e6 });
    const tight = simplifyTopology(toTopology(shapes), { minWeight: 0.01, quantization: 1000, maxBytes: 700 });
    expect(JSON.stringify(loose).length).toBeGreaterThan(700);
    expect(JSON.stringify(tight).length).toBeLessThanOrEqual(700);
  });

  it('fails when even the coarsest simplification is too big', () => {
    expect(() => simplifyTopology(toTopology(shapes), { minWeight: 1, quantization: 1000, maxBytes: 10 })).toThrow(
      'The map cannot be simplified to 10 bytes',
    );
  });
});
