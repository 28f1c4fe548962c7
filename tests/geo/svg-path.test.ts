import { describe, expect, it } from 'vitest';
import svgPathRings from '../../geo/svg-path.ts';

describe('svgPathRings', () => {
  it('reads absolute M, L and Z into a closed ring', () => {
    expect(svgPathRings('M0,0 L10,0 L10,10 Z')).toEqual([[[0, 0], [10, 0], [10, 10], [0, 0]]]);
  });

  it('reads relative m, l and z, with implicit linetos after a moveto', () => {
    expect(svgPathRings('m1,1 2,0 0,2z')).toEqual([[[1, 1], [3, 1], [3, 3], [1, 1]]]);
  });

  it('reads horizontal and vertical lines, absolute and relative', () => {
    expect(svgPathRings('M0,0 H10 v10 h-5 V5 Z')).toEqual([[[0, 0], [10, 0], [10, 10], [5, 10], [5, 5], [0, 0]]]);
  });

  it('starts a relative moveto after z from the start of the closed subpath', () => {
    const rings = svgPathRings('M0,0 l10,0 l0,10 z m20,0 l5,0 l0,5 z');
    expect(rings).toHaveLength(2);
    expect(rings[1]).toEqual([[20, 0], [25, 0], [25, 5], [20, 0]]);
  });

  it('starts a relative moveto after an open subpath from where that subpath ended', () => {
    const rings = svgPathRings('M0,0 L4,0 L4,4 m1,0 l2,0 l0,2');
    expect(rings[1]).toEqual([[5, 4], [7, 4], [7, 6], [5, 4]]);
  });

  it('flattens an absolute cubic curve through its end points', () => {
    expect(svgPathRings('M0,0 C0,10 10,10 10,0 Z', 2)).toEqual([[[0, 0], [5, 7.5], [10, 0], [0, 0]]]);
  });

  it('flattens a relative cubic curve like the absolute one', () => {
    expect(svgPathRings('M0,0 c0,10 10,10 10,0 z', 2)).toEqual(svgPathRings('M0,0 C0,10 10,10 10,0 Z', 2));
  });

  it('mirrors the previous control point for S', () => {
    const [ring] = svgPathRings('M0,0 C0,10 10,10 10,0 S20,-10 20,0', 2);
    expect(ring[3]).toEqual([15, -7.5]);
  });

  it('flattens quadratic curves, mirroring the control point for T', () => {
    expect(svgPathRings('M0,0 Q5,10 10,0 T20,0 Z', 2)).toEqual([[[0, 0], [5, 5], [10, 0], [15, -5], [20, 0], [0, 0]]]);
  });

  it('closes a subpath left open, as a fill does', () => {
    expect(svgPathRings('M0,0 L4,0 L4,4')).toEqual([[[0, 0], [4, 0], [4, 4], [0, 0]]]);
  });

  it('reads numbers without separators and with exponents', () => {
    expect(svgPathRings('M0-1L1e1-1 10.5.5z')).toEqual([[[0, -1], [10, -1], [10.5, 0.5], [0, -1]]]);
  });

  it('drops subpaths too short to enclose an area', () => {
    expect(svgPathRings('M0,0 L1,1 Z M5,5 L6,5 L6,6 Z')).toEqual([[[5, 5], [6, 5], [6, 6], [5, 5]]]);
  });

  it('rejects elliptical arcs and stray characters', () => {
    expect(() => svgPathRings('M0,0 A5,5 0 0 1 10,0 Z')).toThrow(/unsupported command A/);
    expect(() => svgPathRings('M0,0 L1,1 # Z')).toThrow(/unexpected characters/);
    expect(() => svgPathRings('M0,0 L1')).toThrow(/expects a number/);
  });
});
