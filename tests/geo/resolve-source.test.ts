import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import resolveSource, { REACT_DENMARK_MAP } from '../../geo/resolve-source.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const workspace = mkdtempSync(join(tmpdir(), 'vv-geo-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

describe('resolveSource', () => {
  it('takes a requested file as a custom source, credited by file name only', () => {
    expect(resolveSource('/data/kommuner.json', projectRoot)).toEqual({
      kind: 'custom',
      location: '/data/kommuner.json',
      name: 'GEO_SOURCE /data/kommuner.json',
      label: 'kommuner.json',
    });
  });

  it('takes a requested URL as it is, credited without its query', () => {
    const url = 'https://example.org/kommuner.topojson?token=secret';
    expect(resolveSource(url, projectRoot)).toEqual({
      kind: 'custom',
      location: url,
      name: `GEO_SOURCE ${url}`,
      label: 'https://example.org/kommuner.topojson',
    });
  });

  it('takes a relative path from the working directory', () => {
    expect(resolveSource('kommuner.json', projectRoot)).toMatchObject({ location: join(process.cwd(), 'kommuner.json') });
  });

  it('uses react-denmark-map when asked, even if the DAGI file exists', () => {
    expect(resolveSource(REACT_DENMARK_MAP, projectRoot).kind).toBe('react-denmark-map');
  });

  it('falls back to react-denmark-map when there is no DAGI file', () => {
    expect(resolveSource(undefined, join(workspace, 'empty', 'main')).kind).toBe('react-denmark-map');
  });

  it('uses the DAGI file beside the project when nothing is requested', () => {
    const dagi = join(workspace, 'shared', 'geo', 'dagi-kommuner.topojson');
    mkdirSync(dirname(dagi), { recursive: true });
    writeFileSync(dagi, '{}');
    expect(resolveSource(undefined, join(workspace, 'main'))).toEqual({
      kind: 'dagi',
      location: dagi,
      name: `DAGI file ${dagi}`,
      label: 'DAGI, Dataforsyningen, 1:500.000',
    });
  });
});
