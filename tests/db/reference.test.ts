import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../db/reference/municipalities.ts';
import { REGIONS } from '../../db/reference/regions.ts';

const DAGI = new URL('../../../shared/geo/dagi-kommuner.topojson', import.meta.url);

interface DagiTopology {
  objects: Record<string, { geometries: { properties: { KOMKODE: string; KOMNAVN: string } }[] }>;
}

function dagiMunicipalities(): Map<string, string> {
  const topology = JSON.parse(readFileSync(DAGI, 'utf8')) as DagiTopology;
  const names = new Map<string, string>();
  for (const object of Object.values(topology.objects)) {
    for (const { properties } of object.geometries) names.set(properties.KOMKODE, properties.KOMNAVN);
  }
  return names;
}

/** DAGI writes "Høje Taastrup"; the municipality's official name is "Høje-Taastrup". */
const comparable = (name: string) => name.replace(/-/g, ' ').toLowerCase();

describe('reference municipalities', () => {
  it('are 98 distinct four-character codes', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    for (const { code } of MUNICIPALITIES) expect(code).toMatch(/^\d{4}$/);
  });

  it('the DAGI boundary file is available from ../shared', () => {
    expect(existsSync(DAGI)).toBe(true);
  });

  it('have exactly the codes of the official DAGI boundaries, without Christiansø', () => {
    const dagi = dagiMunicipalities();
    expect(dagi.has('0411')).toBe(true);
    dagi.delete('0411');
    expect(MUNICIPALITIES.map((m) => m.code).sort()).toEqual([...dagi.keys()].sort());
    expect(MUNICIPALITIES.some((m) => m.code === '0411')).toBe(false);
  });

  it('carry the DAGI names', () => {
    const dagi = dagiMunicipalities();
    for (const { code, name } of MUNICIPALITIES) expect(comparable(name), code).toBe(comparable(dagi.get(code)!));
  });

  it('spread over the five regions as Statistics Denmark counts them', () => {
    const perRegion = Object.fromEntries(
      REGIONS.map((r) => [r.code, MUNICIPALITIES.filter((m) => m.regionCode === r.code).length]),
    );
    expect(perRegion).toEqual({ '1081': 11, '1082': 19, '1083': 22, '1084': 29, '1085': 17 });
    expect(MUNICIPALITIES.find((m) => m.code === '0400')?.regionCode).toBe('1084');
  });
});
