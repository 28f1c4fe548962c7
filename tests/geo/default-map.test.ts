/**
 * The map the project ships (geo/default/municipalities.topo.json, built from DAGI by
 * `npm run build:geo`): what the dashboard draws on a fresh clone.
 */
import { readFileSync } from 'node:fs';
import { neighbors } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../db/reference/municipalities.ts';
import { DAGI_ATTRIBUTION } from '../../geo/resolve-source.ts';
import type { MunicipalityTopology } from '../../geo/types.ts';
import { MUNICIPALITY_MAP_FILE } from '../../geo/write-map.ts';
import { insetPlacement, municipalities, municipalitiesByArc, path } from './topology.ts';

const text = readFileSync(MUNICIPALITY_MAP_FILE, 'utf8');
const topology = JSON.parse(text) as MunicipalityTopology;

describe('the committed municipality map', () => {
  it('lies where the server serves it from: geo/default/municipalities.topo.json', () => {
    expect(MUNICIPALITY_MAP_FILE).toMatch(/\/geo\/default\/municipalities\.topo\.json$/);
  });

  it('credits DAGI with the words Dataforsyningen asks for', () => {
    expect(topology.vv.sourceLabel).toBe(DAGI_ATTRIBUTION);
    expect(DAGI_ATTRIBUTION).toBe('Indeholder data fra Danmarks Administrative Geografiske Inddeling (DAGI), Dataforsyningen');
  });

  it('holds the 98 municipalities, sorted by code, named from the reference list, without Christiansø', () => {
    expect(topology.objects.municipalities.geometries.map(({ id, properties }) => ({ id, ...properties }))).toEqual(
      MUNICIPALITIES.map(({ code, name, regionCode }) => ({ id: code, name, region: regionCode })),
    );
  });

  it('is the simplified build (about 80 KB), not the raw boundaries', () => {
    expect(Buffer.byteLength(text)).toBeGreaterThan(40_000);
    expect(Buffer.byteLength(text)).toBeLessThan(120_000);
    expect(topology.transform).toBeDefined();
    expect(topology.arcs.flat(2).every(Number.isInteger)).toBe(true);
  });

  it('keeps every municipality visible, small islands included', () => {
    const areas = new Map(municipalities(topology).map((m) => [m.id, path.area(m)]));
    for (const { code } of MUNICIPALITIES) expect(areas.get(code), code).toBeGreaterThan(1);
    for (const island of ['0563', '0825', '0741', '0492', '0155', '0147', '0187']) {
      expect(areas.get(island), island).toBeGreaterThan(5);
    }
  });

  it('lies within width × height, north up, Jutland left of Zealand', () => {
    const { width, height } = topology.vv;
    const [[x0, y0], [x1, y1]] = path.bounds({ type: 'FeatureCollection', features: municipalities(topology) });
    expect(width).toBe(1000);
    expect(Math.min(x0, y0)).toBeGreaterThanOrEqual(0);
    expect(x1).toBeLessThanOrEqual(width);
    expect(y1).toBeLessThanOrEqual(height);
    const centre = new Map(municipalities(topology).map((m) => [m.id, path.centroid(m)]));
    expect(centre.get('0860')![1]).toBeLessThan(centre.get('0376')![1]);
    expect(centre.get('0860')![0]).toBeLessThan(centre.get('0101')![0]);
  });

  it('puts Bornholm in its inset box and nothing else there', () => {
    expect(topology.vv.insets).toEqual([expect.objectContaining({ name: 'bornholm', codes: ['0400'] })]);
    for (const { code, inside, apart } of insetPlacement(topology)) expect(code === '0400' ? inside : apart, code).toBe(true);
  });

  it('shares each border between its two municipalities, so neighbours meet without gaps', () => {
    const users = [...municipalitiesByArc(topology).values()];
    expect(users.filter((codes) => codes.size === 2).length).toBeGreaterThan(150);
    expect(users.every((codes) => codes.size <= 2)).toBe(true);
    const geometries = topology.objects.municipalities.geometries;
    const frederiksberg = geometries.findIndex((g) => g.id === '0147');
    expect(neighbors(geometries)[frederiksberg].map((i) => geometries[i].id)).toEqual(['0101']);
  });
});
