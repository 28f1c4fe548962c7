import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MunicipalityTopology } from './types.ts';

/**
 * The map the project ships: built from DAGI, committed, and served as it is. Only an explicit
 * `npm run build:geo` replaces it, so a clone never depends on where the raw boundaries live.
 */
export const MUNICIPALITY_MAP_FILE = fileURLToPath(new URL('./default/municipalities.topo.json', import.meta.url));

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
