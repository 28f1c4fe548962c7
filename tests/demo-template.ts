/**
 * The demo database, generated once and copied for each test. Generating and loading the demo
 * dataset takes 0.3–0.8 s, and most server tests want a database of their own; copying a closed
 * file takes a few milliseconds.
 *
 * The template lives in the system's temp folder under a name made of the day and a hash of
 * everything that decides its contents (db/ and the versions of the two database libraries), so
 * every test file (each runs in a fresh worker) and every worktree with the same sources shares
 * it, and any change to migrations, demo data, reference data or the code that writes them makes
 * a new one. The day is in the name because loading stamps the audit row and the areas with the
 * time of loading: a copy then reads like a database created the same day, as a fresh one would.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DB_SOURCES = join(PROJECT_ROOT, 'db');
const TEMPLATES = join(tmpdir(), 'vv-monitor-test-templates');

let templatePath: string | undefined;

/** Copies the demo database to `path`, a file that must not exist yet. */
export function copyDemoDatabase(path: string): void {
  templatePath ??= demoTemplate();
  copyFileSync(templatePath, path);
}

function demoTemplate(): string {
  const day = new Date().toISOString().slice(0, 10);
  const path = join(TEMPLATES, `demo-${day}-${sourceHash()}.sqlite`);
  if (existsSync(path)) return path;

  mkdirSync(TEMPLATES, { recursive: true });
  removeOldTemplates(day);
  // Built under a name of its own and renamed into place: a worker building at the same moment,
  // or one copying the finished file, never sees half a database.
  const building = `${path}.${process.pid}.building`;
  const database = openDatabase(building, { newDataset: 'demo' });
  database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
  if (existsSync(`${building}-wal`)) throw new Error(`${building} still has a write-ahead log after closing`);
  renameSync(building, path);
  return path;
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const library of ['better-sqlite3', 'drizzle-orm']) {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'node_modules', library, 'package.json'), 'utf8'));
    hash.update(`${library}@${version}\n`);
  }
  for (const file of filesUnder(DB_SOURCES)) {
    hash.update(`${relative(DB_SOURCES, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Templates older than yesterday: a run that started yesterday may still be copying yesterday's. */
function removeOldTemplates(today: string): void {
  const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
  for (const name of readdirSync(TEMPLATES)) {
    if (!name.startsWith(`demo-${today}-`) && !name.startsWith(`demo-${yesterday}-`)) {
      rmSync(join(TEMPLATES, name), { force: true });
    }
  }
}
