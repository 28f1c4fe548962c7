import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdirSync(path, { recursive: true })`, except that it fails instead of hanging: on Node 20 the
 * recursive form loops for ever under /proc (ENOENT for the folder, EEXIST for its parent,
 * again and again). Creating one level at a time surfaces the real error.
 */
export default function makeFolder(path: string): void {
  if (isFolder(path)) return;
  const parent = dirname(path);
  if (parent !== path) makeFolder(parent);
  try {
    mkdirSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Made meanwhile by another process is just as good; a file in the way is not.
    if (!isFolder(path)) throw new Error(`${path} exists and is not a folder`);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
