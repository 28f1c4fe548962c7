/**
 * `npm run size`: the gzipped bytes of the dashboard's first view (see first-view.ts) against a
 * budget of 90 KB. Prints every file and exits 1 when the total is over the budget.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEFAULT_GEO_ROOT, DEFAULT_WEB_ROOT } from '../server/app.ts';
import { firstViewFiles, type FirstViewFile } from './first-view.ts';

export const BUDGET_BYTES = 90 * 1024;

export interface SizeResult {
  budgetBytes: number;
  /** What the browser downloads when the server (or a proxy) compresses with gzip. */
  totalGzipBytes: number;
  /** What it downloads uncompressed: the baseline the gzip figure is measured against. */
  totalRawBytes: number;
  /** Web fonts, outside the budget: the text shows in a system font until they arrive. */
  fontBytes: number;
  withinBudget: boolean;
  files: (Omit<FirstViewFile, 'path'> & { rawBytes: number; gzipBytes: number })[];
}

export function measureFirstView(webRoot = DEFAULT_WEB_ROOT, geoRoot = DEFAULT_GEO_ROOT): SizeResult {
  for (const needed of [`${webRoot}/index.html`, `${geoRoot}/municipalities.topo.json`]) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`npm run build\` first`);
  }
  const files = firstViewFiles(webRoot, geoRoot).map(({ path, ...file }) => {
    const bytes = readFileSync(path);
    // Level 6 is zlib's default and what nginx, Caddy and most CDNs use for on-the-fly gzip.
    return { ...file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 6 }).length };
  });
  const counted = files.filter((file) => file.kind !== 'font');
  const totalGzipBytes = counted.reduce((sum, f) => sum + f.gzipBytes, 0);
  const totalRawBytes = counted.reduce((sum, f) => sum + f.rawBytes, 0);
  const fontBytes = files.filter((file) => file.kind === 'font').reduce((sum, f) => sum + f.rawBytes, 0);
  return { budgetBytes: BUDGET_BYTES, totalGzipBytes, totalRawBytes, fontBytes, withinBudget: totalGzipBytes <= BUDGET_BYTES, files: [...counted, ...files.filter((file) => file.kind === 'font')] };
}

export function printSizes(result: SizeResult): void {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
  console.log(`${'first view of /'.padEnd(44)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)}`);
  const line = (file: SizeResult['files'][number]) => console.log(`${`${file.kind.padEnd(9)}${file.url}`.padEnd(44)} ${kb(file.rawBytes)} ${kb(file.gzipBytes)}`);
  result.files.filter((file) => file.kind !== 'font').forEach(line);
  console.log(`${'total'.padEnd(44)} ${kb(result.totalRawBytes)} ${kb(result.totalGzipBytes)}`);
  // woff2 is compressed already: its gzip figure is about its size.
  result.files.filter((file) => file.kind === 'font').forEach(line);
  console.log(
    `budget ${kb(result.budgetBytes).trim()} gzipped: ${result.withinBudget ? 'within budget' : `OVER by ${((result.totalGzipBytes - result.budgetBytes) / 1024).toFixed(1)} KB`}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const result = measureFirstView();
    printSizes(result);
    if (!result.withinBudget) process.exit(1);
  } catch (error) {
    console.error(`size: ${(error as Error).message}`);
    process.exit(2);
  }
}
