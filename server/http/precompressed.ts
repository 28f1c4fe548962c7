/**
 * Compressed copies beside a file (`app.js.br`, `app.js.gz`), made once when the file is built,
 * so that @fastify/static (`preCompressed`) sends them as they are: no compression per request.
 * A copy is written only when it is smaller; the server falls back to the file itself.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

/** Text formats gain from compression; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest', '.ico']);

const ENCODINGS = {
  br: {
    compress: (body: Buffer) =>
      brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    decompress: (body: Buffer) => brotliDecompressSync(body),
  },
  gz: {
    compress: (body: Buffer) => gzipSync(body, { level: constants.Z_BEST_COMPRESSION }),
    decompress: (body: Buffer) => gunzipSync(body),
  },
} as const;

export const isCompressible = (file: string) => COMPRESSIBLE.has(extname(file).toLowerCase());

/** Writes (or removes, when they would not be smaller) the .br and .gz copies of `file`. */
export function precompress(file: string): void {
  const body = readFileSync(file);
  for (const [suffix, { compress }] of Object.entries(ENCODINGS)) {
    const packed = compress(body);
    if (packed.length < body.length) writeFileSync(`${file}.${suffix}`, packed);
    else rmSync(`${file}.${suffix}`, { force: true });
  }
}

/**
 * Whether every compressed copy beside `file` still holds its bytes. A file replaced by hand (or
 * by a tool that knows nothing of the copies) must not be shadowed by its old compressed copy.
 */
export function copiesMatch(file: string): boolean {
  const body = readFileSync(file);
  for (const [suffix, { decompress }] of Object.entries(ENCODINGS)) {
    let packed: Buffer;
    try {
      packed = readFileSync(`${file}.${suffix}`);
    } catch {
      continue;
    }
    try {
      if (!decompress(packed).equals(body)) return false;
    } catch {
      return false;
    }
  }
  return true;
}
