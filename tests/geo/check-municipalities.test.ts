import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../db/reference/municipalities.ts';
import checkMunicipalities from '../../geo/check-municipalities.ts';
import type { MunicipalityShape } from '../../geo/types.ts';

const square = [[[0, 0], [1, 0], [1, 1], [0, 0]]] as MunicipalityShape['polygons'][number];
const all = (): MunicipalityShape[] => MUNICIPALITIES.map(({ code }) => ({ code, polygons: [square] }));

describe('checkMunicipalities', () => {
  it('accepts exactly the 98 municipalities', () => {
    expect(() => checkMunicipalities(all(), 'source')).not.toThrow();
  });

  it('names the source and the missing and unknown codes', () => {
    const shapes = all().filter(({ code }) => code !== '0101' && code !== '0147');
    shapes.push({ code: '0411', polygons: [square] });
    expect(() => checkMunicipalities(shapes, '/x.json')).toThrow(
      '/x.json: missing municipalities 0101, 0147; unknown municipality codes 0411',
    );
  });

  it('rejects a municipality without an outline', () => {
    const shapes = all();
    shapes[0] = { code: '0101', polygons: [] };
    expect(() => checkMunicipalities(shapes, 'source')).toThrow('source: no outline for 0101');
  });
});
