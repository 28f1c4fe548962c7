/**
 * What an operator relies on: the health check reads the database, every log line of a request
 * carries that request's id, and SIGTERM lets a request in flight finish before the process exits.
 */
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../../bench/server-process.ts';
import { openDatabase } from '../../db/client.ts';
import { loadDemoData } from '../../db/demo/load.ts';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { openNextQuarter } from '../../db/writes/quarters.ts';
import { createUser } from '../../db/writes/users.ts';
import { buildApp } from '../../server/app.ts';
import { hashPassword } from '../../server/access/passwords.ts';
import { buildTestApp, tempDatabasePath, tempDir, TEST_PASSWORD } from '../helper.ts';

describe('GET /api/health', () => {
  it('answers ok while the database can be read, and 503 once it cannot', async () => {
    const { app } = await buildTestApp();
    expect((await app.inject('/api/health')).json()).toEqual({ status: 'ok' });
    app.database.sqlite.close();
    const broken = await app.inject('/api/health');
    expect(broken.statusCode).toBe(503);
    expect(broken.json()).toEqual({ status: 'error', message: 'the database cannot be read' });
  });
});

describe('request logs', () => {
  it('carry the request id on every line the request writes, and the answer names it', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = await buildApp(
      { databasePath: tempDatabasePath(), demoData: 'auto', webRoot: null, geoRoot: null },
      { level: 'info', stream },
    );
    await app.ready();
    try {
      // A rejected request: besides its "request completed" line it logs why.
      const answer = await app.inject({ url: '/api/quarters/2099K1/statuses', headers: { 'x-request-id': 'trace-42' } });
      expect(answer.statusCode).toBe(404);
      expect(answer.headers['x-request-id']).toBe('trace-42');
      const own = lines.filter((line) => line.reqId === 'trace-42');
      expect(own.map((line) => line.msg)).toEqual(['request rejected', 'request completed']);
      expect(own.at(-1)).toMatchObject({ req: { method: 'GET', url: '/api/quarters/2099K1/statuses' }, res: { statusCode: 404 } });

      const other = await app.inject('/api/summary');
      const generated = other.headers['x-request-id'] as string;
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.filter((line) => line.reqId === generated).map((line) => line.msg)).toEqual(['request completed']);
      // Nothing a request logs goes out without an id.
      expect(lines.filter((line) => line.req || line.res || line.reason).every((line) => typeof line.reqId === 'string')).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes a request still being uploaded when SIGTERM arrives, saves it, and exits 0', async () => {
    const folder = tempDir();
    const databasePath = join(folder, 'vv-monitor.sqlite');
    const database = openDatabase(databasePath);
    loadDemoData(database.db);
    openNextQuarter(database.db, SYSTEM_ACTOR);
    createUser(database.db, { email: 'admin@vv.test', name: 'Admin', role: 'admin', passwordHash: await hashPassword(TEST_PASSWORD) }, SYSTEM_ACTOR);
    database.close();

    const server = await startServerProcess({ env: { DATABASE_PATH: databasePath, LOG_LEVEL: 'info' }, logFile: join(folder, 'server.log') });
    const login = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@vv.test', password: TEST_PASSWORD }),
    });
    const { csrfToken } = await login.json();
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    const row = (await (await fetch(`${server.baseUrl}/api/quarters/2019K1/statuses`, { headers: { cookie } })).json())[0];

    const body = JSON.stringify({ category: row.category, note: 'saved during shutdown', version: row.version });
    const request = httpRequest(`${server.baseUrl}/api/quarters/2019K1/statuses/${row.code}`, {
      method: 'PUT',
      // The server answers 100 Continue once it has read the headers and handed the request to the
      // app: the moment to send SIGTERM, known without guessing how long that takes.
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
    });
    const received = new Promise<void>((resolve) => request.once('continue', () => resolve()));
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on('error', reject);
    });
    // Headers and half the body: the server has the request, and waits for the rest.
    request.write(body.slice(0, 20));
    await received;
    server.child.kill('SIGTERM');
    // Letting time pass is the test: the server must not exit while the request is unfinished.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.child.exitCode).toBeNull();
    request.end(body.slice(20));

    const answer = await answered;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ code: row.code, note: 'saved during shutdown', version: row.version + 1 });
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.log()).toContain('"msg":"shutting down"');

    const sqlite = new Sqlite(databasePath, { readonly: true });
    expect(sqlite.prepare("SELECT note FROM statuses WHERE quarter_code = '2019K1' AND municipality_code = ?").pluck().get(row.code)).toBe(
      'saved during shutdown',
    );
    sqlite.close();
  }, 60_000);
});
