import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../db/reference/municipalities.ts';
import { REGIONS } from '../../db/reference/regions.ts';
import type { MunicipalityTopology } from '../../geo/types.ts';
import { MUNICIPALITY_MAP_FILE } from '../../geo/write-map.ts';

/**
 * KOMKODE → KOMNAVN of every geometry in DAGI's municipal layer (1:500,000), Christiansø
 * included, taken once from the raw file, which the repository does not hold:
 * `node -e` over `objects.*.geometries[].properties` of dagi-kommuner.topojson.
 */
const DAGI: Record<string, string> = JSON.parse(
  readFileSync(new URL('../fixtures/geo/dagi-municipality-names.json', import.meta.url), 'utf8'),
);

/** DAGI writes "Høje Taastrup"; the municipality's official name is "Høje-Taastrup". */
const comparable = (name: string) => name.replace(/-/g, ' ').toLowerCase();

describe('reference municipalities', () => {
  it('are 98 distinct four-character codes', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    for (const { code } of MUNICIPALITIES) expect(code).toMatch(/^\d{4}$/);
  });

  it('have exactly the codes of the official DAGI boundaries, without Christiansø', () => {
    const dagi = new Map(Object.entries(DAGI));
    expect(dagi.get('0411')).toBe('Christiansø');
    dagi.delete('0411');
    expect(MUNICIPALITIES.map((m) => m.code).sort()).toEqual([...dagi.keys()].sort());
    expect(MUNICIPALITIES.some((m) => m.code === '0411')).toBe(false);
  });

  it('carry the DAGI names', () => {
    for (const { code, name } of MUNICIPALITIES) expect(comparable(name), code).toBe(comparable(DAGI[code]));
  });

  it('are exactly the municipalities of the committed map', () => {
    const map = JSON.parse(readFileSync(MUNICIPALITY_MAP_FILE, 'utf8')) as MunicipalityTopology;
    expect(map.objects.municipalities.geometries.map((g) => g.id)).toEqual(MUNICIPALITIES.map((m) => m.code));
  });

  it('spread over the five regions as Statistics Denmark counts them', () => {
    const perRegion = Object.fromEntries(
      REGIONS.map((r) => [r.code, MUNICIPALITIES.filter((m) => m.regionCode === r.code).length]),
    );
    expect(perRegion).toEqual({ '1081': 11, '1082': 19, '1083': 22, '1084': 29, '1085': 17 });
    expect(MUNICIPALITIES.find((m) => m.code === '0400')?.regionCode).toBe('1084');
  });
});
