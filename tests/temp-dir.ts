/**
 * Temporary folders for the test file that is running, removed when it ends (tests/setup.ts), so
 * that workers reused from file to file clean up after every file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const folders: string[] = [];

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'vv-test-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

export function tempDatabasePath(): string {
  return join(tempDir(), 'vv-monitor.sqlite');
}

export function removeTempDirs(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
