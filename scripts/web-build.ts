/**
 * Whether dist/web was built from the sources as they are now. After `git pull` the dashboard
 * must be rebuilt, or the server would go on sending the old one to the new API.
 *
 * Every `vite build` writes dist/web-build.json beside dist/web (the plugin in vite.config.ts):
 * a hash of web/, the files outside web/ the bundle was made from (the domain helpers in db/) and
 * the files that shape a build without being imported (vite.config.ts, the lockfile, tsconfig).
 * `npm start` hashes the same files again and rebuilds when anything differs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

export const WEB_BUILD_STAMP = 'dist/web-build.json';
const WEB_INDEX = 'dist/web/index.html';
const ALWAYS = ['vite.config.ts', 'package-lock.json', 'tsconfig.json'];

interface WebBuildStamp {
  hash: string;
  /** Files outside web/ that the bundle imported, relative to the project root. */
  imported: string[];
}

/** `missing`: never built; `stale`: built from other sources (or by a version without a stamp). */
export type WebBuildState = 'current' | 'missing' | 'stale';

export function webBuildState(root: string): WebBuildState {
  if (!existsSync(join(root, WEB_INDEX))) return 'missing';
  let stamp: Partial<WebBuildStamp>;
  try {
    stamp = JSON.parse(readFileSync(join(root, WEB_BUILD_STAMP), 'utf8'));
  } catch {
    return 'stale';
  }
  if (typeof stamp.hash !== 'string' || !Array.isArray(stamp.imported)) return 'stale';
  return hashSources(root, stamp.imported) === stamp.hash ? 'current' : 'stale';
}

/** Called as a build starts, so that a build that fails half-way is never taken for current. */
export function removeWebBuildStamp(root: string): void {
  rmSync(join(root, WEB_BUILD_STAMP), { force: true });
}

/** `modules`: the ids of every module in the bundle, as the bundler reports them. */
export function writeWebBuildStamp(root: string, modules: Iterable<string>): void {
  const imported = new Set<string>();
  for (const id of modules) {
    const file = id.split('?')[0];
    const path = relative(root, file);
    const inProject = isAbsolute(file) && !path.startsWith('..') && !path.split('/').includes('node_modules');
    if (inProject && !path.startsWith('web/') && existsSync(file)) imported.add(path);
  }
  const sorted = [...imported].sort();
  const stamp: WebBuildStamp = { hash: hashSources(root, sorted), imported: sorted };
  writeFileSync(join(root, WEB_BUILD_STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
}

function hashSources(root: string, imported: readonly string[]): string {
  const files = [...new Set([...filesUnder(root, 'web'), ...ALWAYS, ...imported])].sort();
  const hash = createHash('sha256');
  for (const file of files) {
    const path = join(root, file);
    // A file that was deleted must change the hash as surely as one that was edited.
    hash.update(`${file}\0`).update(existsSync(path) ? readFileSync(path) : '\0deleted').update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(root: string, folder: string): string[] {
  if (!existsSync(join(root, folder))) return [];
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}
