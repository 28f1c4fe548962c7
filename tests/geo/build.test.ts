import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { neighbors } from 'topojson-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../db/reference/municipalities.ts';
import { buildMunicipalityMap, type BuildResult } from '../../geo/build.ts';
import { DAGI_ATTRIBUTION } from '../../geo/resolve-source.ts';
import { insetPlacement, municipalities, municipalitiesByArc, path } from './topology.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/geo/${name}`, import.meta.url));
/** Every municipality a square of a chequerboard over Denmark (tests/fixtures/geo/make-grid.ts). */
const DAGI_GRID = fixture('grid-dagi.topo.json');
const DATAFORSYNINGEN_GRID = fixture('grid-dataforsyningen.geojson');

describe("buildMunicipalityMap from DAGI's TopoJSON (KOMKODE)", () => {
  let result: BuildResult;
  beforeAll(async () => {
    result = await buildMunicipalityMap({ source: DAGI_GRID });
  });

  it('builds the 98 municipalities, sorted by code, named from the reference list', () => {
    const { topology, stats } = result;
    expect(Object.keys(topology.objects)).toEqual(['municipalities']);
    expect(topology.objects.municipalities.geometries.map(({ id, properties }) => ({ id, ...properties }))).toEqual(
      MUNICIPALITIES.map(({ code, name, regionCode }) => ({ id: code, name, region: regionCode })),
    );
    expect(stats).toMatchObject({ municipalities: 98, bytes: Buffer.byteLength(JSON.stringify(topology)) });
  });

  it('drops Christiansø', () => {
    expect(result.topology.objects.municipalities.geometries.map((g) => g.id)).not.toContain('0411');
  });

  it("gathers a municipality's separate pieces into one MultiPolygon", () => {
    const samsoe = result.topology.objects.municipalities.geometries.find((g) => g.id === '0741')!;
    expect(samsoe.type).toBe('MultiPolygon');
    expect('arcs' in samsoe && samsoe.arcs).toHaveLength(2);
  });

  it('keeps a municipality inside the hole of another: København is Frederiksberg’s only neighbour', () => {
    const geometries = result.topology.objects.municipalities.geometries;
    const frederiksberg = geometries.findIndex((g) => g.id === '0147');
    expect(neighbors(geometries)[frederiksberg].map((i) => geometries[i].id)).toEqual(['0101']);
  });

  it('draws a border shared by two municipalities once', () => {
    const users = [...municipalitiesByArc(result.topology).values()];
    expect(users.filter((codes) => codes.size === 2).length).toBeGreaterThan(150);
    expect(users.every((codes) => codes.size <= 2)).toBe(true);
  });

  it('is quantized, with integer arcs and a transform', () => {
    expect(result.topology.transform).toBeDefined();
    expect(result.topology.arcs.flat(2).every(Number.isInteger)).toBe(true);
  });

  it('puts every coordinate within width × height, north up', () => {
    const { width, height } = result.topology.vv;
    const [[x0, y0], [x1, y1]] = path.bounds({ type: 'FeatureCollection', features: municipalities(result.topology) });
    expect(width).toBe(1000);
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(width);
    expect(y1).toBeLessThanOrEqual(height);
    const centre = new Map(municipalities(result.topology).map((m) => [m.id, path.centroid(m)]));
    // The grid's first row runs west to east from 0101 to 0163; 0860 lies in its last row.
    expect(centre.get('0101')![1]).toBeLessThan(centre.get('0860')![1]);
    expect(centre.get('0101')![0]).toBeLessThan(centre.get('0163')![0]);
  });

  it('moves Bornholm into its inset box and keeps everything else out of it', () => {
    expect(result.topology.vv.insets).toEqual([expect.objectContaining({ name: 'bornholm', codes: ['0400'] })]);
    for (const { code, inside, apart } of insetPlacement(result.topology)) expect(code === '0400' ? inside : apart, code).toBe(true);
  });

  it('credits DAGI as Dataforsyningen asks', () => {
    expect(result.topology.vv.sourceLabel).toBe(DAGI_ATTRIBUTION);
    expect(result.stats.sourceLabel).toBe('Indeholder data fra Danmarks Administrative Geografiske Inddeling (DAGI), Dataforsyningen');
  });
});

describe("buildMunicipalityMap from Dataforsyningen's GeoJSON download (kode, navn)", () => {
  it('builds the same map as from the TopoJSON', async () => {
    const [fromTopoJson, fromGeoJson] = await Promise.all([
      buildMunicipalityMap({ source: DAGI_GRID }),
      buildMunicipalityMap({ source: DATAFORSYNINGEN_GRID }),
    ]);
    expect(fromGeoJson.stats.municipalities).toBe(98);
    expect(fromGeoJson.topology).toEqual(fromTopoJson.topology);
  });

  it('downloads it from a URL, credited as DAGI', async () => {
    const server = createServer((_, response) => response.end(readFileSync(DATAFORSYNINGEN_GRID)));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kommuner?format=geojson`;
    try {
      const { topology, stats } = await buildMunicipalityMap({ source: url });
      expect(stats).toMatchObject({ municipalities: 98, sourceLabel: DAGI_ATTRIBUTION });
      expect(topology.arcs).toEqual((await buildMunicipalityMap({ source: DAGI_GRID })).topology.arcs);
    } finally {
      server.close();
    }
  });
});

describe('buildMunicipalityMap with a label', () => {
  it('credits the boundaries as the label says', async () => {
    const { topology, stats } = await buildMunicipalityMap({ source: DAGI_GRID, label: '  Egne grænser, Eksempel Kommune  ' });
    expect(topology.vv.sourceLabel).toBe('Egne grænser, Eksempel Kommune');
    expect(stats.sourceLabel).toBe('Egne grænser, Eksempel Kommune');
  });
});

describe('buildMunicipalityMap with a bad source', () => {
  it('refuses to build without a source', async () => {
    await expect(buildMunicipalityMap({ source: '' })).rejects.toThrow(/^no source given: name a DAGI municipalities file or URL with --source/);
  });

  it('a broken source fails with a message naming it', async () => {
    const broken = fixture('broken.json');
    await expect(buildMunicipalityMap({ source: broken })).rejects.toThrow(`${broken}: not valid JSON`);
  });

  it('a source without all 98 municipalities fails naming the missing ones', async () => {
    const partial = fixture('two-municipalities.topo.json');
    await expect(buildMunicipalityMap({ source: partial })).rejects.toThrow(`${partial}: missing municipalities 0151, 0153, 0155`);
  });

  it('a missing file fails with a message naming it', async () => {
    await expect(buildMunicipalityMap({ source: '/no/such/kommuner.json' })).rejects.toThrow('/no/such/kommuner.json: file not found');
  });

  it('an unreachable URL fails with a clear message that leaves out its query', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kommuner.topojson`;
    await new Promise((done) => server.close(done));
    const failure = await buildMunicipalityMap({ source: `${base}?token=secret` }).catch((error: Error) => error);
    expect(String(failure)).toContain(`Could not download ${base}: fetch failed`);
    expect(String(failure)).not.toContain('secret');
  });
});
