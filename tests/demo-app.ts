/**
 * The setup most API tests share, in one place: the real app on a copy of the demo database
 * (buildTestApp), started and closed by the hooks of the file or describe block that asks for it,
 * with accounts logged in and the consultant put into areas. Read through the returned handle
 * (`demo.admin.inject(…)`, `demo.databasePath`) inside tests and hooks. A file whose blocks start
 * the app differently makes one handle with demoApp and calls `demo.setUp(…)` in each block.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Role } from '../db/schema.ts';
import type { AppOptions } from '../server/app.ts';
import { assignArea, buildTestApp, type Client, databaseFingerprint, loginAs } from './helper.ts';

export interface DemoAppOptions {
  /** 'test' (the default): a fresh app for each test, for tests that write; 'file': one for the file or block, for reads. */
  per?: 'test' | 'file';
  /** The roles to log in, in this order (their accounts are created in it). */
  logins?: Role[];
  /** The demo areas the consultant is put into. */
  consultantAreas?: string[];
  /** Opens the next quarter (2019K1 on the demo) before the tests, so writes reach the row rules. */
  openQuarter?: boolean;
  app?: Partial<AppOptions>;
}

/** Every demo area: for tests that write anywhere in the country as a consultant. */
export const ALL_AREAS = ['Nordjylland', 'Midtjylland', 'Sydjylland', 'Fyn', 'Sjælland', 'Hovedstaden'];

export interface DemoApp {
  readonly app: FastifyInstance;
  readonly databasePath: string;
  readonly admin: Client;
  readonly consultant: Client;
  readonly viewer: Client;
  /** An anonymous GET: the status, the parsed body and the headers. */
  get(url: string): Promise<{ status: number; body: any; headers: LightMyRequestResponse['headers'] }>;
  /** An anonymous GET that must answer 200: its parsed body. */
  read(url: string): Promise<any>;
  /** Opens the next quarter as the administrator (expecting 201) and answers its code. */
  openNext(): Promise<string>;
  /** A quarter's status rows, as the administrator reads them. */
  statuses(quarter: string): Promise<any[]>;
  /** One municipality's status row in a quarter, as the administrator reads it. */
  statusOf(quarter: string, code: string): Promise<any>;
  /** Confirms every carried-over row of a quarter as it stands (expecting 200). */
  confirmAll(quarter: string): Promise<void>;
  /** Sends a request that must be refused with `status` and a message matching `message`, leaving the database as it was. */
  expectRefusal(send: () => Promise<LightMyRequestResponse>, status: number, message: RegExp): Promise<void>;
  /** Closes the app and starts another on a new database with these options, the same accounts logged in. */
  restart(app: Partial<AppOptions>): Promise<void>;
  /** Registers the hooks that start and close the app in the current file or describe block. */
  setUp(per: 'test' | 'file'): void;
}

interface Running {
  app: FastifyInstance;
  databasePath: string;
  clients: Partial<Record<Role, Client>>;
}

/** A handle whose app starts and closes with each test (or once, with `per: 'file'`) of the current block. */
export function useDemoApp(options: DemoAppOptions = {}): DemoApp {
  const demo = demoApp(options);
  demo.setUp(options.per ?? 'test');
  return demo;
}

/** A handle on the demo app that starts nothing until a block calls `setUp`. */
export function demoApp(options: Omit<DemoAppOptions, 'per'> = {}): DemoApp {
  let running: Running | undefined;
  const current = (): Running => {
    if (!running) throw new Error('the demo app runs only inside the tests and hooks of a block that set it up');
    return running;
  };
  const client = (role: Role): Client => {
    const found = current().clients[role];
    if (!found) throw new Error(`no ${role} is logged in: add '${role}' to the demo app's logins`);
    return found;
  };
  const start = async (appOptions = options.app) => {
    const { app, databasePath } = await buildTestApp(appOptions);
    const clients = await Promise.all((options.logins ?? []).map((role) => loginAs(app, role)));
    running = { app, databasePath, clients: Object.fromEntries(clients.map((c) => [c.user.role, c])) };
    for (const area of options.consultantAreas ?? []) assignArea(app, demo.consultant.user.id, area);
    if (options.openQuarter) await demo.openNext();
  };
  const stop = async () => {
    const closing = running?.app;
    running = undefined;
    await closing?.close();
  };

  const demo: DemoApp = {
    get app() {
      return current().app;
    },
    get databasePath() {
      return current().databasePath;
    },
    get admin() {
      return client('admin');
    },
    get consultant() {
      return client('consultant');
    },
    get viewer() {
      return client('viewer');
    },
    async get(url) {
      const response = await current().app.inject({ method: 'GET', url });
      return { status: response.statusCode, body: response.json(), headers: response.headers };
    },
    async read(url) {
      const { status, body } = await demo.get(url);
      expect(status, url).toBe(200);
      return body;
    },
    async openNext() {
      const opened = await client('admin').inject('POST', '/api/quarters');
      expect(opened.statusCode).toBe(201);
      return opened.json().code;
    },
    async statuses(quarter) {
      return (await client('admin').inject('GET', `/api/quarters/${quarter}/statuses`)).json();
    },
    async statusOf(quarter, code) {
      return (await demo.statuses(quarter)).find((s: { code: string }) => s.code === code);
    },
    async confirmAll(quarter) {
      const rows = await demo.statuses(quarter);
      const answer = await client('admin').inject('PUT', `/api/quarters/${quarter}/statuses`, {
        rows: rows.map((r: { code: string; category: number; version: number }) => ({ code: r.code, category: r.category, version: r.version })),
      });
      expect(answer.statusCode).toBe(200);
    },
    async expectRefusal(send, status, message) {
      const before = databaseFingerprint(demo.databasePath);
      const answer = await send();
      expect(answer.statusCode).toBe(status);
      expect(answer.json().message).toMatch(message);
      expect(databaseFingerprint(demo.databasePath)).toBe(before);
    },
    async restart(appOptions) {
      await stop();
      await start({ ...options.app, ...appOptions });
    },
    setUp(per) {
      const [before, after] = per === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
      before(() => start());
      after(stop);
    },
  };
  return demo;
}
