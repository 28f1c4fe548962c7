/**
 * Shared test fixtures: real SQLite files in temporary folders and the real app on them. Most API
 * test files take these through tests/demo-app.ts, which also starts and closes the app for them.
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import Sqlite from 'better-sqlite3';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../db/schema.ts';
import { SYSTEM_ACTOR } from '../db/writes/actor.ts';
import { listAreas } from '../db/queries/areas.ts';
import { saveArea } from '../db/writes/areas.ts';
import { createUser, findUserByEmail } from '../db/writes/users.ts';
import { checkAnswersAgainstSchemas } from './contract.ts';
import { buildApp, type AppOptions } from '../server/app.ts';
import { hashPassword } from '../server/access/passwords.ts';
import { copyDemoDatabase } from './demo-template.ts';
import { tempDatabasePath } from './temp-dir.ts';

export { tempDatabasePath, tempDir } from './temp-dir.ts';

/**
 * The real app on a new temporary database file (demo data loaded unless told otherwise). A new
 * demo database is a copy of one generated once (tests/demo-template.ts): the same rows and ids
 * as a fresh one. The app opens it as an existing demo database, so it reports that it created
 * nothing; `demoData: 'off'` and a given `databasePath` are opened as they are.
 */
export async function buildTestApp(options: Partial<AppOptions> = {}, logger: Parameters<typeof buildApp>[1] = false) {
  let databasePath = options.databasePath;
  if (!databasePath) {
    databasePath = tempDatabasePath();
    if ((options.demoData ?? 'auto') === 'auto') copyDemoDatabase(databasePath);
  }
  const app = await buildApp({ demoData: 'auto', webRoot: null, geoRoot: null, ...options, databasePath }, logger);
  // Every answer a test receives must match the schema its route documents (tests/setup.ts).
  checkAnswersAgainstSchemas(app);
  await app.ready();
  return { app, databasePath };
}

/**
 * The real app on a new demo database that logs at info level into `log`, one string per write, as
 * the server would to its output: for tests that read what the log says (buildApp itself, without
 * buildTestApp's schema check, as the server runs).
 */
export async function buildLoggingApp(log: string[]): Promise<FastifyInstance> {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk));
      done();
    },
  });
  const app = await buildApp({ databasePath: tempDatabasePath(), demoData: 'auto', webRoot: null, geoRoot: null }, { level: 'info', stream });
  await app.ready();
  return app;
}

/** How many quarters a database file holds, read through a separate connection. */
export function quarterCount(databasePath: string): number {
  const sqlite = new Sqlite(databasePath, { readonly: true });
  try {
    return sqlite.prepare('SELECT count(*) FROM quarters').pluck().get() as number;
  } finally {
    sqlite.close();
  }
}

/**
 * A hash of every row of every table, read through a separate connection: equal fingerprints
 * before and after a request prove that the request changed nothing.
 */
export function databaseFingerprint(databasePath: string): string {
  const sqlite = new Sqlite(databasePath, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      hash.update(table);
      for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    sqlite.close();
  }
}

export interface Client {
  user: { id: number; email: string; role: Role };
  csrfToken: string;
  cookie: string;
  inject(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export const TEST_PASSWORD = 'correct horse battery staple';

let testPasswordHash: Promise<string> | undefined;
/**
 * One argon2 hash of TEST_PASSWORD for every test account: hashing is deliberately slow, and a
 * test file may create accounts in every test. Logging in still verifies it for real.
 */
export function hashTestPassword(): Promise<string> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

/** Creates an account directly in the database (as a script would) and logs it in over HTTP. */
export async function loginAs(app: FastifyInstance, role: Role, email = `${role}@vv.test`): Promise<Client> {
  if (!findUserByEmail(app.database.db, email)) {
    createUser(
      app.database.db,
      { email, name: `Test ${role}`, role, passwordHash: await hashTestPassword() },
      SYSTEM_ACTOR,
    );
  }
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login as ${email} failed: ${login.body}`);
  const { user, csrfToken } = login.json();
  const cookie = `vv_session=${login.cookies.find((c) => c.name === 'vv_session')!.value}`;
  return {
    user,
    csrfToken,
    cookie,
    inject: (method, url, payload) =>
      app.inject({ method, url, payload: payload as string | object | undefined, headers: { cookie, 'x-csrf-token': csrfToken } }),
  };
}

/** Puts a consultant into a demo area (by name), as an administrator would. */
export function assignArea(app: FastifyInstance, userId: number, areaName: string): void {
  const area = listAreas(app.database.db).find((a) => a.name === areaName);
  if (!area) throw new Error(`no area called ${areaName}`);
  saveArea(
    app.database.db,
    area.id,
    { name: area.name, municipalityCodes: area.municipalityCodes, consultantIds: [...area.consultants.map((c) => c.id), userId] },
    SYSTEM_ACTOR,
  );
}

/** A clock a test sets by hand: deadlines, reminders and links read it instead of the real time. */
export function testClock(start: string): { now: () => Date; set(at: string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => current,
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * One HTTP/1.1 request to 127.0.0.1:port with the request line exactly as given (over a real
 * socket, so it reaches Fastify as written); the status code of the answer.
 */
export function rawStatus(port: number, method: string, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status) {
        socket.destroy();
        resolve(Number(status[1]));
      }
    });
    socket.on('error', reject);
    socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  });
}
