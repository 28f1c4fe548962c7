/**
 * Backup files: named `<database>-<timestamp>.sqlite` beside each other in one folder, listed
 * oldest first and pruned to a retention count. Copies kept by a restore or `db:new` are named
 * otherwise and never pruned.
 */
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, rmSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

/** A backup that cannot be trusted or restored, said in one line. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** "data/vv-monitor.sqlite" → "vv-monitor": backups of different databases never mix in one folder. */
export function stem(databasePath: string): string {
  return basename(databasePath, extname(databasePath));
}

/** 2026-11-26T06:12:00.123Z → 2026-11-26T06-12-00-123Z: sorts by time and is a valid file name everywhere. */
export function stamp(now: Date): string {
  return now.toISOString().replaceAll(':', '-').replace('.', '-');
}

const STAMP = /(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/;

/** When a backup was made, from its name; null for a file that is not one of ours. */
export function backupTime(databasePath: string, file: string): Date | null {
  const name = basename(file);
  if (!name.startsWith(`${stem(databasePath)}-`) || !name.endsWith('.sqlite')) return null;
  const match = STAMP.exec(name.slice(stem(databasePath).length + 1));
  if (!match || name !== `${stem(databasePath)}-${match[0]}.sqlite`) return null;
  return new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
}

/** This database's backups in `dir`, oldest first. Copies kept by a restore are not among them. */
export function listBackups(dir: string, databasePath: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => backupTime(databasePath, name) !== null)
    .sort()
    .map((name) => join(dir, name));
}

/** Deletes the oldest backups beyond `keep`; returns what it deleted. */
export function pruneBackups(dir: string, databasePath: string, keep: number): string[] {
  const backups = listBackups(dir, databasePath);
  const old = backups.slice(0, Math.max(0, backups.length - keep));
  for (const file of old) rmSync(file, { force: true });
  return old;
}

/** Flushes a file or folder to disk: a rename is durable only once its folder is. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
