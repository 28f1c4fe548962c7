import { resolve } from 'node:path';
import { GeoSourceError } from './geo-source-error.ts';

/**
 * The credit Dataforsyningen's terms for free geodata ask for. The build reads DAGI's own
 * formats (KOMKODE/KOMNAVN, or kode/navn in Dataforsyningen's GeoJSON), so a source is DAGI
 * unless the person building says otherwise with a label of their own.
 */
export const DAGI_ATTRIBUTION = 'Indeholder data fra Danmarks Administrative Geografiske Inddeling (DAGI), Dataforsyningen';

export interface SourceRef {
  /** An absolute file path or an http(s) URL. */
  location: string;
  /** How messages name the source: the path, or the URL without its query (often an access token). */
  name: string;
  /** The credit shown with the map wherever it is drawn. */
  label: string;
}

const URL_PATTERN = /^https?:\/\//i;

/** A relative path is taken from the working directory, as a shell user expects. */
export default function resolveSource(requested: string | undefined, label?: string): SourceRef {
  const source = requested?.trim();
  if (!source) {
    throw new GeoSourceError('no source given: name a DAGI municipalities file or URL with --source (see README, "Data sources")');
  }
  const location = isUrl(source) ? source : resolve(source);
  return { location, name: isUrl(source) ? withoutQuery(source) : location, label: label?.trim() || DAGI_ATTRIBUTION };
}

export function isUrl(location: string): boolean {
  return URL_PATTERN.test(location);
}

function withoutQuery(url: string): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}
