import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GeoSourceError } from '../../geo/geo-source-error.ts';
import resolveSource, { DAGI_ATTRIBUTION } from '../../geo/resolve-source.ts';

describe('resolveSource', () => {
  it('takes a file as DAGI data, credited as Dataforsyningen asks', () => {
    expect(resolveSource('/data/kommuner.json')).toEqual({
      location: '/data/kommuner.json',
      name: '/data/kommuner.json',
      label: DAGI_ATTRIBUTION,
    });
  });

  it('names a URL without its query, which often holds an access token', () => {
    const url = 'https://example.org/kommuner?format=geojson&token=secret';
    expect(resolveSource(url)).toEqual({ location: url, name: 'https://example.org/kommuner', label: DAGI_ATTRIBUTION });
  });

  it('takes a relative path from the working directory', () => {
    expect(resolveSource('kommuner.json').location).toBe(join(process.cwd(), 'kommuner.json'));
  });

  it('credits other boundaries with the label given', () => {
    expect(resolveSource('/data/egne.json', ' Egne grænser ').label).toBe('Egne grænser');
    expect(resolveSource('/data/kommuner.json', '  ').label).toBe(DAGI_ATTRIBUTION);
  });

  it('refuses without a source, rather than guessing one', () => {
    expect(() => resolveSource(undefined)).toThrow(GeoSourceError);
    expect(() => resolveSource(' ')).toThrow(/^no source given/);
  });
});
