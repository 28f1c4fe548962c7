import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import dagiShapes from '../../geo/dagi.ts';
import { GeoSourceError } from '../../geo/geo-source-error.ts';

const fixture = () => JSON.parse(readFileSync(new URL('../fixtures/geo/two-municipalities.topo.json', import.meta.url), 'utf8'));

describe('dagiShapes', () => {
  it('gathers a municipality\'s polygons into one shape per code', () => {
    const shapes = dagiShapes(fixture(), 'fixture');
    expect(shapes.map((shape) => [shape.code, shape.polygons.length])).toEqual([['0101', 2], ['0147', 1]]);
  });

  it('drops Christiansø', () => {
    expect(dagiShapes(fixture(), 'fixture').map((shape) => shape.code)).not.toContain('0411');
  });

  it('decodes shared arcs to identical points on both sides', () => {
    const [koebenhavn, frederiksberg] = dagiShapes(fixture(), 'fixture');
    expect(koebenhavn.polygons[0][0]).toContainEqual([12.55, 55.7]);
    expect(frederiksberg.polygons[0][0]).toContainEqual([12.55, 55.7]);
  });

  it('reads a GeoJSON FeatureCollection and codes without the leading zero', () => {
    const square = [[[12.5, 55.6], [12.6, 55.6], [12.6, 55.7], [12.5, 55.6]]];
    const shapes = dagiShapes(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { KOMKODE: '101' }, geometry: { type: 'Polygon', coordinates: square } },
          { type: 'Feature', properties: { KOMKODE: 101 }, geometry: { type: 'MultiPolygon', coordinates: [square] } },
        ],
      },
      'fixture',
    );
    expect(shapes).toEqual([{ code: '0101', polygons: [square, square] }]);
  });

  it("reads the code from Dataforsyningen's kode property, as string or number", () => {
    const square = [[[12.5, 55.6], [12.6, 55.6], [12.6, 55.7], [12.5, 55.6]]];
    const shapes = dagiShapes(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { kode: '0101', navn: 'København' }, geometry: { type: 'MultiPolygon', coordinates: [square] } },
          { type: 'Feature', properties: { kode: 147, navn: 'Frederiksberg' }, geometry: { type: 'Polygon', coordinates: square } },
          { type: 'Feature', properties: { kode: '0411', navn: 'Christiansø' }, geometry: { type: 'Polygon', coordinates: square } },
        ],
      },
      'fixture',
    );
    expect(shapes).toEqual([{ code: '0101', polygons: [square] }, { code: '0147', polygons: [square] }]);
  });

  it('names the source and the geometry without a code', () => {
    const data = fixture();
    delete data.objects.stdin.geometries[1].properties.KOMKODE;
    expect(() => dagiShapes(data, '/x.json')).toThrow(
      new GeoSourceError('/x.json: geometry 1 has no valid KOMKODE or kode (found null)'),
    );
  });

  it('rejects data that is neither TopoJSON nor GeoJSON', () => {
    expect(() => dagiShapes({ hello: 'world' }, '/x.json')).toThrow(/^\/x\.json: expected a TopoJSON/);
  });

  it('rejects a topology without KOMKODE properties', () => {
    const data = fixture();
    for (const geometry of data.objects.stdin.geometries) geometry.properties = { navn: 'x' };
    expect(() => dagiShapes(data, '/x.json')).toThrow(/no TopoJSON object has geometries with a KOMKODE or kode property/);
  });

  it('rejects arcs that do not exist', () => {
    const data = fixture();
    data.objects.stdin.geometries[0].arcs = [[0, 42]];
    expect(() => dagiShapes(data, '/x.json')).toThrow(/^\/x\.json: geometry 0 cannot be decoded/);
  });

  it('rejects coordinates that are not longitude/latitude', () => {
    const data = fixture();
    data.arcs = data.arcs.map((arc: number[][]) => arc.map(([x, y]) => [x * 50000, y * 100000]));
    expect(() => dagiShapes(data, '/utm.json')).toThrow(/^\/utm\.json: coordinates are not WGS84/);
  });
});
