import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MunicipalityTopology } from '../../geo/types.ts';
import writeMunicipalityMap from '../../geo/write-map.ts';

const directory = mkdtempSync(join(tmpdir(), 'vv-geo-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const map = {
  type: 'Topology',
  vv: { width: 1000, height: 1200, sourceLabel: 'test', insets: [] },
  objects: { municipalities: { type: 'GeometryCollection', geometries: [] } },
  arcs: [],
} as MunicipalityTopology;

describe('writeMunicipalityMap', () => {
  it('creates the directory, writes the map and leaves no temporary file', async () => {
    const file = join(directory, 'dist', 'geo', 'municipalities.topo.json');
    const bytes = await writeMunicipalityMap(map, file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(map);
    expect(bytes).toBe(readFileSync(file).length);
    expect(readdirSync(join(directory, 'dist', 'geo'))).toEqual(['municipalities.topo.json']);
  });

  it('replaces an earlier map', async () => {
    const file = join(directory, 'again.json');
    await writeMunicipalityMap(map, file);
    await writeMunicipalityMap({ ...map, vv: { ...map.vv, height: 900 } }, file);
    expect(JSON.parse(readFileSync(file, 'utf8')).vv.height).toBe(900);
  });
});
