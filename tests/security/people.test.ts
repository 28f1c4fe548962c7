/**
 * People's data: who sees names, e-mail addresses and free text (db/domain/audience.ts), and an
 * administrator pseudonymising a departed person everywhere, the audit log included.
 */
import Sqlite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignArea, buildTestApp, loginAs, type Client } from '../helper.ts';

let app: FastifyInstance;
let databasePath: string;
let admin: Client;
let consultant: Client;
let viewer: Client;
const CONSULTANT_EMAIL = 'karen.kirk@rodekors.dk';

beforeAll(async () => {
  ({ app, databasePath } = await buildTestApp({ anonymousRead: 'on' }));
  admin = await loginAs(app, 'admin');
  viewer = await loginAs(app, 'viewer');
  consultant = await loginAs(app, 'consultant', CONSULTANT_EMAIL);
  expect((await admin.inject('PATCH', `/api/users/${consultant.user.id}`, { name: 'Karen Kirk' })).statusCode).toBe(200);
  consultant = await loginAs(app, 'consultant', CONSULTANT_EMAIL);
  assignArea(app, consultant.user.id, 'Hovedstaden');
  expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
  const row = (await consultant.inject('GET', '/api/quarters/2019K1/statuses')).json().find((s: { code: string }) => s.code === '0101');
  const saved = await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: 2, reason: 'too_few_volunteers', note: 'Karen Kirk ringede', version: row.version });
  expect(saved.statusCode, saved.body).toBe(200);
  expect((await consultant.inject('POST', '/api/activities', { municipalityCode: '0101', kind: 'dialogue_meeting', happenedOn: '2019-01-10', note: 'møde' })).statusCode).toBe(201);
  expect((await consultant.inject('PUT', '/api/quarters/2019K1/recruitment', { rows: [{ code: '0101', volunteersMissing: 4 }] })).statusCode).toBe(200);
});

const anonymousGet = (url: string) => app.inject(url);

describe('who sees what', () => {
  it('anonymous readers see no person’s name or address, and no free text', async () => {
    const areas = (await anonymousGet('/api/areas')).json();
    expect(JSON.stringify(areas)).not.toContain('@');
    expect(areas.every((a: { consultants: unknown[] }) => a.consultants.length === 0)).toBe(true);
    const statuses = (await anonymousGet('/api/quarters/2018K4/statuses')).json();
    expect(statuses.every((s: { updatedBy: unknown; note: unknown; reasonText: unknown }) => s.updatedBy === null && s.note === null && s.reasonText === null)).toBe(true);
    const history = (await anonymousGet('/api/municipalities/0101/history')).json();
    expect(history.quarters.every((q: { updatedBy: unknown; note: unknown }) => q.updatedBy === null && q.note === null)).toBe(true);
    const matrix = (await anonymousGet('/api/statuses')).json();
    expect(matrix.municipalities.flatMap((m: { changes: { note: unknown; reasonText: unknown }[] }) => m.changes).every((c: { note: unknown; reasonText: unknown }) => c.note === null && c.reasonText === null)).toBe(true);
    const activities = (await anonymousGet('/api/activities')).json();
    expect(activities.every((a: { createdBy: unknown; note: unknown }) => a.createdBy === null && a.note === null)).toBe(true);
    const csv = (await anonymousGet('/api/exports/statuses.csv?from=2018K4')).body.split('\r\n');
    const changedBy = csv[0].split(';').indexOf('ændret_af');
    expect(csv.slice(1).filter(Boolean).every((line) => line.split(';')[changedBy] === '')).toBe(true);
  });

  it('viewers see notes and consultants’ names, but no e-mail address and no editor', async () => {
    const areas = (await viewer.inject('GET', '/api/areas')).json();
    expect(JSON.stringify(areas)).not.toContain('@');
    expect(areas.find((a: { name: string }) => a.name === 'Hovedstaden').consultants.map((c: { name: string }) => c.name)).toContain('Karen Kirk');
    const statuses = (await viewer.inject('GET', '/api/quarters/2018K4/statuses')).json();
    expect(statuses.some((s: { note: string | null }) => s.note)).toBe(true);
    expect(statuses.every((s: { updatedBy: unknown }) => s.updatedBy === null)).toBe(true);
    const csv = (await viewer.inject('GET', '/api/exports/statuses.csv?from=2018K4')).body;
    expect(csv).not.toContain('Demodata;');
  });

  it('consultants and administrators see who changed what, and consultants’ addresses', async () => {
    const areas = (await consultant.inject('GET', '/api/areas')).json();
    expect(JSON.stringify(areas)).toContain(CONSULTANT_EMAIL);
    const row = (await consultant.inject('GET', '/api/quarters/2019K1/statuses')).json().find((s: { code: string }) => s.code === '0101');
    expect(row.updatedBy).toBe('Karen Kirk');
  });
});

/** The tables where any row holds the text, read through a second connection. */
function tablesHolding(path: string, text: string): string[] {
  const sqlite = new Sqlite(path, { readonly: true });
  try {
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    return tables.filter((table) => JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}"`).all()).includes(text));
  } finally {
    sqlite.close();
  }
}

describe('pseudonymising a departed person', () => {
  it('replaces their name and address everywhere, the audit log included, and ends their access', async () => {
    expect(tablesHolding(databasePath, 'Karen Kirk')).toEqual(expect.arrayContaining(['users', 'statuses', 'audit_log']));
    const answer = await admin.inject('POST', `/api/users/${consultant.user.id}/pseudonymise`);
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ name: `Tidligere bruger ${consultant.user.id}`, disabled: true });
    expect(tablesHolding(databasePath, 'Karen Kirk')).toEqual([]);
    expect(tablesHolding(databasePath, CONSULTANT_EMAIL)).toEqual([]);
    // What they did stays, under the pseudonym.
    const row = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json().find((s: { code: string }) => s.code === '0101');
    expect(row).toMatchObject({ category: 2, updatedBy: `Tidligere bruger ${consultant.user.id}` });
    const audit = (await admin.inject('GET', `/api/audit?user=${consultant.user.id}`)).json();
    expect(audit.total).toBeGreaterThan(0);
    expect(audit.rows.every((r: { actor: string }) => r.actor.startsWith(`Tidligere bruger ${consultant.user.id}`))).toBe(true);
    // Their session is gone and their password no longer works.
    expect((await consultant.inject('GET', '/api/auth/session')).json().user).toBeNull();
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: CONSULTANT_EMAIL, password: 'correct horse battery staple' } })).statusCode).toBe(401);
  });

  it('is for administrators only, and not for one’s own account', async () => {
    expect((await viewer.inject('POST', `/api/users/${admin.user.id}/pseudonymise`)).statusCode).toBe(403);
    expect((await admin.inject('POST', `/api/users/${admin.user.id}/pseudonymise`)).statusCode).toBe(400);
    expect((await admin.inject('POST', '/api/users/9999/pseudonymise')).statusCode).toBe(404);
  });

  it('keeps the audit log append-only afterwards', () => {
    const sqlite = new Sqlite(databasePath);
    try {
      expect(() => sqlite.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    } finally {
      sqlite.close();
    }
  });
});

describe('the audit log', () => {
  it('names the actor as the account is now, read at read time', async () => {
    const renamed = await loginAs(app, 'consultant', 'ole@dfh.dk');
    await renamed.inject('POST', '/api/auth/password', { currentPassword: 'correct horse battery staple', newPassword: 'another long password' });
    expect((await admin.inject('PATCH', `/api/users/${renamed.user.id}`, { name: 'Ole Nyt Navn' })).statusCode).toBe(200);
    const audit = (await admin.inject('GET', `/api/audit?user=${renamed.user.id}`)).json();
    expect(audit.rows.length).toBeGreaterThan(0);
    expect(audit.rows.every((r: { actor: string }) => r.actor === 'Ole Nyt Navn <ole@dfh.dk>')).toBe(true);
  });
});
