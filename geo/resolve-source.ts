import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { SourceKind } from './types.ts';

/** The `source` value that skips GEO_SOURCE and the DAGI file and uses the npm package. */
export const REACT_DENMARK_MAP = 'react-denmark-map';

/** Where the DAGI layer sits beside the project; it is read in place, never copied in. */
export const DAGI_PATH = '../shared/geo/dagi-kommuner.topojson';

export type SourceRef =
  | { kind: Exclude<SourceKind, 'react-denmark-map'>; location: string; name: string; label: string }
  | { kind: 'react-denmark-map'; name: string; label: string };

const URL_PATTERN = /^https?:\/\//i;

/**
 * Picks the geometry source: an explicit one (option or GEO_SOURCE), else the DAGI file when it
 * exists, else react-denmark-map. A relative path is taken from the working directory, as a
 * shell user expects. `name` prefixes error messages; `label` credits the source in the published
 * map, so it leaves out the local directory of a file and the query (often an access token) of a URL.
 */
export default function resolveSource(requested: string | undefined, projectRoot: string): SourceRef {
  if (requested === REACT_DENMARK_MAP) {
    return { kind: 'react-denmark-map', name: REACT_DENMARK_MAP, label: 'react-denmark-map (MIT)' };
  }
  if (requested) {
    const location = isUrl(requested) ? requested : resolve(requested);
    return {
      kind: 'custom',
      location,
      name: `GEO_SOURCE ${location}`,
      label: isUrl(requested) ? withoutQuery(requested) : basename(location),
    };
  }
  const dagi = resolve(projectRoot, DAGI_PATH);
  if (existsSync(dagi)) {
    return { kind: 'dagi', location: dagi, name: `DAGI file ${dagi}`, label: 'DAGI, Dataforsyningen, 1:500.000' };
  }
  return resolveSource(REACT_DENMARK_MAP, projectRoot);
}

export function isUrl(location: string): boolean {
  return URL_PATTERN.test(location);
}

function withoutQuery(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}
