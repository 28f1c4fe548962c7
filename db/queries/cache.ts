/**
 * Keeps the answers of the dashboard's read queries until the database changes. Every visitor asks
 * the same few questions (this quarter's 98 statuses, its key figures), a quarter changes rarely,
 * and building and mapping the SQL costs milliseconds per answer (measured in bench/http.ts).
 *
 * Invalidation needs no help from the write paths: SQLite's `data_version` changes when another
 * connection commits, and `total_changes()` grows with every row this connection writes. So any
 * write, through any route, import, script or process, makes the next read compute afresh.
 * Reads inside a transaction bypass the cache: they may see rows that a rollback takes back.
 */
import type Sqlite from 'better-sqlite3';
import type { Conn } from '../client.ts';

interface Cache {
  version: Sqlite.Statement;
  seen: unknown;
  answers: Map<string, unknown>;
}

const caches = new WeakMap<Sqlite.Database, Cache>();
/** More distinct questions than the dashboard asks between two writes; a safety limit only. */
const MAX_ANSWERS = 2000;

export function cachedRead<T>(conn: Conn, key: string, compute: () => T): T {
  // A transaction object has no $client; a connection with an open transaction is skipped too.
  const client = '$client' in conn ? conn.$client : undefined;
  if (!client || client.inTransaction) return compute();

  let cache = caches.get(client);
  if (!cache) {
    const version = client.prepare("SELECT total_changes() || '/' || data_version FROM pragma_data_version").pluck();
    cache = { version, seen: null, answers: new Map() };
    caches.set(client, cache);
  }
  const version = cache.version.get();
  if (version !== cache.seen) {
    cache.answers.clear();
    cache.seen = version;
  }
  if (cache.answers.has(key)) return cache.answers.get(key) as T;
  const answer = deepFreeze(compute());
  if (cache.answers.size >= MAX_ANSWERS) cache.answers.clear();
  cache.answers.set(key, answer);
  return answer;
}

/** Shared answers must not be changed by one caller under another's feet. */
function deepFreeze<T>(value: T): T {
  // Byte buffers (a gzipped answer) cannot be frozen; nobody writes into them.
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
