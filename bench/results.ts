/**
 * bench/results.json: the newest result of each benchmark, with the machine it ran on. Running one
 * benchmark replaces only its own section, so the file always holds a complete picture.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './server-process.ts';

export const RESULTS_FILE = join(PROJECT_ROOT, 'bench', 'results.json');

export function saveResult(section: string, result: unknown): void {
  const all = existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : {};
  all.machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  all[section] = { measuredAt: new Date().toISOString(), ...(result as object) };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
}
