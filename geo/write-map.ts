import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { MunicipalityTopology } from './types.ts';

/** Where the build puts the map, relative to the project root; the server serves it from there. */
export const MUNICIPALITY_MAP_PATH = 'dist/geo/municipalities.topo.json';

/**
 * Writes the map beside its final name and renames it into place, so a server reading the file
 * while a build runs sees the old map or the new one, never half of one. Returns the bytes written.
 */
export default async function writeMunicipalityMap(map: MunicipalityTopology, file: string): Promise<number> {
  const text = JSON.stringify(map);
  const temporary = `${file}.${process.pid}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(temporary, text);
  await rename(temporary, file);
  return Buffer.byteLength(text);
}
