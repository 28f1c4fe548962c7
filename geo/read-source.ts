import { readFile } from 'node:fs/promises';
import { GeoSourceError } from './geo-source-error.ts';
import { isUrl } from './resolve-source.ts';

const DOWNLOAD_TIMEOUT_MS = 30_000;

/** Reads a JSON source file, or downloads it when the location is an http(s) URL. */
export default async function readSource(location: string, name: string, timeoutMs = DOWNLOAD_TIMEOUT_MS): Promise<unknown> {
  const text = isUrl(location) ? await download(location, name, timeoutMs) : await readLocal(location, name);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GeoSourceError(`${name}: not valid JSON (${(error as Error).message})`);
  }
}

async function readLocal(path: string, name: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : describe(error);
    throw new GeoSourceError(`${name}: ${reason}`);
  }
}

async function download(url: string, name: string, timeoutMs: number): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    return await response.text();
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : describe(error);
    throw new GeoSourceError(`Could not download ${name}: ${reason}`);
  }
}

/** fetch hides the useful part ("connect ECONNREFUSED …") in `cause`. */
function describe(error: unknown): string {
  const { message, cause } = error as Error;
  return cause instanceof Error ? `${message} (${cause.message})` : message;
}
