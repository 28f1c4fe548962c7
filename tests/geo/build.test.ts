import { geoIdentity, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh, neighbors } from 'topojson-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MUNICIPALITIES } from '../../db/reference/municipalities.ts';
import { buildMunicipalityMap, type BuildResult } from '../../geo/build.ts';
import { DAGI_PATH } from '../../geo/resolve-source.ts';
import type { MunicipalityProperties, MunicipalityTopology } from '../../geo/types.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const dagiFile = resolve(projectRoot, DAGI_PATH);
const hasDagi = existsSync(dagiFile);
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const path = geoPath(geoIdentity());

type Municipality = Feature<Polygon | MultiPolygon, MunicipalityProperties>;
const municipalities = (topology: MunicipalityTopology) =>
  feature(topology, topology.objects.municipalities).features as Municipality[];

/** Which municipalities use each arc, whichever way round. */
function municipalitiesByArc(topology: MunicipalityTopology): Map<number, Set<string>> {
  const users = new Map<number, Set<string>>();
  for (const geometry of topology.objects.municipalities.geometries) {
    const arcs = 'arcs' in geometry ? ([geometry.arcs].flat(3) as number[]) : [];
    for (const index of arcs) {
      const arc = index < 0 ? ~index : index;
      users.set(arc, (users.get(arc) ?? new Set()).add(String(geometry.id)));
    }
  }
  return users;
}

// A GEO_SOURCE in the developer's shell must not change what these tests build.
beforeEach(() => vi.stubEnv('GEO_SOURCE', ''));
afterEach(() => vi.unstubAllEnvs());

const sources = [
  { name: 'the DAGI file', kind: 'dagi', options: { projectRoot }, skip: !hasDagi },
  { name: 'react-denmark-map', kind: 'react-denmark-map', options: { source: 'react-denmark-map' }, skip: false },
] as const;

describe.each(sources)('buildMunicipalityMap from $name', ({ name, kind, options, skip }) => {
  let result: BuildResult;
  beforeEach(async () => {
    result ??= await buildMunicipalityMap(options);
  });

  it.skipIf(skip)(`builds 98 municipalities from ${name}, sorted by code, named from the reference list`, () => {
    const { topology, stats } = result;
    expect(Object.keys(topology.objects)).toEqual(['municipalities']);
    expect(topology.objects.municipalities.geometries.map(({ id, properties }) => ({ id, ...properties }))).toEqual(
      MUNICIPALITIES.map(({ code, name, regionCode }) => ({ id: code, name, region: regionCode })),
    );
    expect(stats).toMatchObject({ source: kind, municipalities: 98 });
    expect(topology.vv.source).toBe(kind);
  });

  it.skipIf(skip)('drops Christiansø', () => {
    expect(result.topology.objects.municipalities.geometries.map((g) => g.id)).not.toContain('0411');
  });

  it.skipIf(skip)('keeps every municipality after simplification, small islands included', () => {
    const areas = new Map(municipalities(result.topology).map((m) => [m.id, path.area(m)]));
    for (const { code } of MUNICIPALITIES) expect(areas.get(code), code).toBeGreaterThan(1);
    for (const island of ['0563', '0825', '0741', '0492', '0155', '0147', '0187']) {
      expect(areas.get(island), island).toBeGreaterThan(5);
    }
  });

  it.skipIf(skip)('output stays under 120 KB', () => {
    expect(result.stats.bytes).toBe(Buffer.byteLength(JSON.stringify(result.topology)));
    expect(result.stats.bytes).toBeLessThan(120_000);
  });

  it.skipIf(skip)('is quantized, with integer arcs and a transform', () => {
    expect(result.topology.transform).toBeDefined();
    expect(result.topology.arcs.flat(2).every(Number.isInteger)).toBe(true);
  });

  it.skipIf(skip)('all coordinates lie within width × height', () => {
    const { width, height } = result.topology.vv;
    const [[x0, y0], [x1, y1]] = path.bounds({ type: 'FeatureCollection', features: municipalities(result.topology) });
    expect(width).toBe(1000);
    expect(x0).toBeGreaterThanOrEqual(0);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(width);
    expect(y1).toBeLessThanOrEqual(height);
  });

  it.skipIf(skip)('Bornholm lies inside its inset box and nothing else does', () => {
    const [box] = result.topology.vv.insets;
    expect(result.topology.vv.insets).toHaveLength(1);
    expect(box).toMatchObject({ name: 'bornholm', codes: ['0400'] });
    for (const municipality of municipalities(result.topology)) {
      const [[x0, y0], [x1, y1]] = path.bounds(municipality);
      const inside = x0 >= box.x && y0 >= box.y && x1 <= box.x + box.width && y1 <= box.y + box.height;
      const apart = x1 < box.x || y1 < box.y || x0 > box.x + box.width || y0 > box.y + box.height;
      expect(municipality.id === '0400' ? inside : apart, `${municipality.id} ${municipality.properties.name}`).toBe(true);
    }
  });

  it.skipIf(skip)('puts north up, Jutland on the left and Zealand on the right', () => {
    const centre = new Map(municipalities(result.topology).map((m) => [m.id, path.centroid(m)]));
    const [hjoerringX, hjoerringY] = centre.get('0860')!;
    const [, guldborgsundY] = centre.get('0376')!;
    const [koebenhavnX] = centre.get('0101')!;
    expect(hjoerringY).toBeLessThan(guldborgsundY);
    expect(hjoerringX).toBeLessThan(koebenhavnX);
  });
});

describe.skipIf(!hasDagi)('buildMunicipalityMap from DAGI topology', () => {
  let result: BuildResult;
  beforeEach(async () => {
    result ??= await buildMunicipalityMap({ projectRoot });
  });

  it('shared borders are drawn once (mesh of interior borders is non-empty for DAGI)', () => {
    const { topology } = result;
    const interior = mesh(topology, topology.objects.municipalities, (a, b) => a !== b);
    expect(interior.coordinates.length).toBeGreaterThan(50);
    const users = municipalitiesByArc(topology);
    expect([...users.values()].filter((codes) => codes.size === 2).length).toBeGreaterThan(150);
    expect([...users.values()].every((codes) => codes.size <= 2)).toBe(true);
  });

  it('knows København as Frederiksberg\'s only neighbour', () => {
    const geometries = result.topology.objects.municipalities.geometries;
    const frederiksberg = geometries.findIndex((g) => g.id === '0147');
    expect(neighbors(geometries)[frederiksberg].map((i) => geometries[i].id)).toEqual(['0101']);
  });

  it('credits DAGI', () => {
    expect(result.topology.vv.sourceLabel).toBe('DAGI, Dataforsyningen, 1:500.000');
  });

  it('downloads GEO_SOURCE from an http URL', async () => {
    const server = createServer((_, response) => response.end(readFileSync(dagiFile)));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kommuner.topojson`;
    try {
      vi.stubEnv('GEO_SOURCE', url);
      const { topology, stats } = await buildMunicipalityMap();
      expect(stats).toMatchObject({ source: 'custom', sourceLabel: url, municipalities: 98 });
      expect(topology.arcs).toEqual(result.topology.arcs);
    } finally {
      server.close();
    }
  });
});

describe('buildMunicipalityMap with a bad source', () => {
  it('a broken source fails with a message naming it', async () => {
    const broken = fixture('broken.json');
    await expect(buildMunicipalityMap({ source: broken })).rejects.toThrow(`GEO_SOURCE ${broken}: not valid JSON`);
  });

  it('a source without all 98 municipalities fails naming the missing ones', async () => {
    const partial = fixture('two-municipalities.topo.json');
    await expect(buildMunicipalityMap({ source: partial })).rejects.toThrow(
      `GEO_SOURCE ${partial}: missing municipalities 0151, 0153, 0155`,
    );
  });

  it('a missing file fails with a message naming it', async () => {
    await expect(buildMunicipalityMap({ source: '/no/such/kommuner.json' })).rejects.toThrow(
      'GEO_SOURCE /no/such/kommuner.json: file not found',
    );
  });

  it('reads GEO_SOURCE when no source is given', async () => {
    vi.stubEnv('GEO_SOURCE', '/no/such/from-env.json');
    await expect(buildMunicipalityMap({ projectRoot })).rejects.toThrow('GEO_SOURCE /no/such/from-env.json: file not found');
  });

  it('an unreachable URL fails with a clear message', async () => {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kommuner.topojson`;
    await new Promise((done) => server.close(done));
    await expect(buildMunicipalityMap({ source: url })).rejects.toThrow(`Could not download GEO_SOURCE ${url}: fetch failed`);
  });
});
