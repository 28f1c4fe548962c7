import { describe, expect, it } from 'vitest';
import { namedShapes, overlaps, placeLabels, type LabelCandidate } from '../../../../web/src/lib/map/labels.ts';

const label = (code: string, x: number, y: number, weight: number): LabelCandidate => ({ code, name: code.repeat(4), x, y, weight });
// Every name 40 units wide and 10 high.
const size = { width: (name: string) => name.length * 10, height: 10 };

describe('placeLabels', () => {
  it('keeps the larger municipality’s name where two would collide', () => {
    const placed = placeLabels([label('A', 0, 0, 1), label('B', 20, 5, 5), label('C', 100, 0, 1)], size);
    expect(placed.map((p) => p.code)).toEqual(['B', 'C']);
  });

  it('never leaves two boxes overlapping, however crowded', () => {
    const crowd = Array.from({ length: 60 }, (_, i) => label(`M${i}`, (i * 37) % 200, (i * 53) % 120, i));
    const placed = placeLabels(crowd, { ...size, pad: 2 });
    expect(placed.length).toBeGreaterThan(5);
    for (const a of placed) for (const b of placed) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
  });

  it('keeps names off the obstacles (an inset box)', () => {
    const placed = placeLabels([label('A', 0, 0, 1), label('B', 200, 0, 1)], { ...size, obstacles: [[-5, -5, 5, 5]] });
    expect(placed.map((p) => p.code)).toEqual(['B']);
  });

  it('moves a name near a frame’s edge inside it, and leaves out one wider than the frame', () => {
    const [inside] = placeLabels([label('A', 5, 50, 1)], { ...size, frame: [0, 0, 100, 100] });
    expect(inside.box).toEqual([0, 45, 40, 55]);
    expect(placeLabels([label('A', 5, 50, 1)], { ...size, frame: [0, 0, 30, 100] })).toEqual([]);
  });

  it('boxes a name around its centre', () => {
    expect(placeLabels([label('A', 50, 20, 1)], size)[0].box).toEqual([30, 15, 70, 25]);
  });
});

describe('namedShapes', () => {
  const shape = (code: string, x: number, y: number) => ({ code, name: code, region: 'r', d: '', centroid: [x, y] as [number, number], bounds: [x, y, x, y] as [number, number, number, number] });
  const geometry = {
    municipalities: [shape('0101', 5, 5), shape('0147', 8, 5), shape('0400', 90, 5), shape('0751', 50, 50)],
    insets: [{ name: 'bornholm', codes: ['0400'], x: 80, y: 0, width: 20, height: 20 }],
    zoom: { codes: ['0101', '0147'] } as never,
  };

  it('names the Copenhagen area in its panel and the inset by its caption, the rest on the map', () => {
    const named = namedShapes(geometry, { x: 0, y: 0, width: 10, height: 10 }, null);
    expect(named.country.map((s) => s.code)).toEqual(['0751']);
    expect(named.zoom.map((s) => s.code)).toEqual(['0101', '0147']);
  });

  it('names the Copenhagen area on the map when there is no panel, and only the focus when focused', () => {
    expect(namedShapes(geometry, null, null).country.map((s) => s.code)).toEqual(['0101', '0147', '0751']);
    expect(namedShapes(geometry, null, ['0751', '0400']).country.map((s) => s.code)).toEqual(['0400', '0751']);
  });
});
