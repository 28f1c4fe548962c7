/**
 * The setup most API tests share, in one place: the real app on a copy of the demo database
 * (buildTestApp), started and closed by the hooks of the file or describe block that asks for it,
 * with accounts logged in and the consultant put into areas. Read through the returned handle
 * (`demo.admin.inject(…)`, `demo.databasePath`) inside tests and hooks.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Role } from '../db/schema.ts';
import type { AppOptions } from '../server/app.ts';
import { assignArea, buildTestApp, type Client, loginAs } from './helper.ts';

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
  /** Opens the next quarter as the administrator (expecting 201) and answers its code. */
  openNext(): Promise<string>;
  /** One municipality's status row in a quarter, as the administrator reads it. */
  statusOf(quarter: string, code: string): Promise<any>;
}

interface Running {
  app: FastifyInstance;
  databasePath: string;
  clients: Partial<Record<Role, Client>>;
}

export function useDemoApp(options: DemoAppOptions = {}): DemoApp {
  let running: Running | undefined;
  const current = (): Running => {
    if (!running) throw new Error('the demo app runs only inside the tests and hooks of the block that set it up');
    return running;
  };
  const client = (role: Role): Client => {
    const found = current().clients[role];
    if (!found) throw new Error(`no ${role} is logged in: add '${role}' to useDemoApp's logins`);
    return found;
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
    async openNext() {
      const opened = await client('admin').inject('POST', '/api/quarters');
      expect(opened.statusCode).toBe(201);
      return opened.json().code;
    },
    async statusOf(quarter, code) {
      const rows = (await client('admin').inject('GET', `/api/quarters/${quarter}/statuses`)).json();
      return rows.find((s: { code: string }) => s.code === code);
    },
  };

  const [setUp, tearDown] = options.per === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  setUp(async () => {
    const { app, databasePath } = await buildTestApp(options.app);
    const clients = await Promise.all((options.logins ?? []).map((role) => loginAs(app, role)));
    running = { app, databasePath, clients: Object.fromEntries(clients.map((c) => [c.user.role, c])) };
    for (const area of options.consultantAreas ?? []) assignArea(app, demo.consultant.user.id, area);
    if (options.openQuarter) await demo.openNext();
  });
  tearDown(async () => {
    const closing = running?.app;
    running = undefined;
    await closing?.close();
  });
  return demo;
}
