import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { toMapGeometry } from '../../../../web/src/lib/map/geometry.ts';

/** A square municipality of 10 × 10 map units with its top left corner at x, y. */
const square = (code: string, region: string, x: number, y: number): Feature<Polygon, { name: string; region: string }> => ({
  type: 'Feature',
  id: code,
  properties: { name: `Kommune ${code}`, region },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + 10, y],
        [x + 10, y + 10],
        [x, y + 10],
        [x, y],
      ],
    ],
  },
});

/** Copenhagen (0101) and Frederiksberg (0147) side by side in one region, Aarhus (0751) far off in another. */
function smallMap() {
  const features = [square('0101', '1084', 0, 0), square('0147', '1084', 10, 0), square('0751', '1082', 100, 100)];
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const built = topology({ municipalities: collection });
  return Object.assign(built, { vv: { width: 200, height: 200, sourceLabel: 'Test', insets: [] } }) as unknown as Parameters<typeof toMapGeometry>[0];
}

describe('toMapGeometry', () => {
  const geometry = toMapGeometry(smallMap());

  it('gives every municipality its path, centre and bounds in map units', () => {
    const copenhagen = geometry.municipalities.find((m) => m.code === '0101')!;
    expect(geometry.municipalities).toHaveLength(3);
    expect(copenhagen.d).toMatch(/^M/);
    expect(copenhagen.centroid).toEqual([5, 5]);
    expect(copenhagen.bounds).toEqual([0, 0, 10, 10]);
    expect(copenhagen.name).toBe('Kommune 0101');
  });

  it('draws the border inside a region, the border between regions and the outline apart', () => {
    expect(geometry.municipalBorders).toBe('M10,0L10,10');
    expect(geometry.regionBorders).toBe('');
    expect(geometry.outline).toMatch(/^M/);
  });

  it('frames the zoomed Copenhagen area around its municipalities, and draws only its neighbourhood there', () => {
    expect(geometry.zoom.bounds).toEqual([0, 0, 20, 10]);
    expect(geometry.zoom.municipalBorders).toBe(geometry.municipalBorders);
    expect(geometry.zoom.outline.length).toBeLessThan(geometry.outline.length);
  });

  it('knows which municipalities share a border, for the arrow keys', () => {
    expect(geometry.neighbours.get('0101')).toEqual(['0147']);
    expect(geometry.neighbours.get('0147')).toEqual(['0101']);
    expect(geometry.neighbours.get('0751')).toEqual([]);
  });

  it('keeps the file’s size and credit', () => {
    expect([geometry.width, geometry.height, geometry.sourceLabel]).toEqual([200, 200, 'Test']);
  });
});
