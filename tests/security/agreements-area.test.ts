/**
 * Consultants register and edit agreements only in their own area, like statuses, and no edit
 * moves an agreement to another municipality.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignArea, buildTestApp, databaseFingerprint, loginAs, type Client } from '../helper.ts';

let app: FastifyInstance;
let databasePath: string;
let admin: Client;
let consultant: Client;
/** An agreement in Nordjylland (Hjørring) and one in Hovedstaden (København). */
let north: { id: number };
let capital: { id: number };

beforeAll(async () => {
  ({ app, databasePath } = await buildTestApp());
  admin = await loginAs(app, 'admin');
  consultant = await loginAs(app, 'consultant');
  assignArea(app, consultant.user.id, 'Nordjylland');
  const active = (await admin.inject('GET', '/api/agreements?activeOn=2018-12-31')).json();
  north = active.find((a: { municipalityCode: string }) => a.municipalityCode === '0860') ?? (await admin.inject('POST', '/api/agreements', { municipalityCode: '0860', organisation: 'RK', signedOn: '2019-01-02' })).json();
  capital = active.find((a: { municipalityCode: string }) => a.municipalityCode === '0101');
  expect(capital).toBeTruthy();
});

describe('a consultant', () => {
  it('registers and edits agreements in their own area', async () => {
    const created = await consultant.inject('POST', '/api/agreements', { municipalityCode: '0851', organisation: 'DFH', signedOn: '2019-01-03' });
    expect(created.statusCode, created.body).toBe(201);
    expect((await consultant.inject('PATCH', `/api/agreements/${north.id}`, { note: 'fornyet' })).statusCode).toBe(200);
  });

  it('may not register or edit one elsewhere, and nothing changes', async () => {
    const before = databaseFingerprint(databasePath);
    const created = await consultant.inject('POST', '/api/agreements', { municipalityCode: '0101', organisation: 'RK', signedOn: '2019-01-03' });
    expect(created.statusCode).toBe(403);
    expect(created.json().message).toMatch(/own area/);
    expect((await consultant.inject('PATCH', `/api/agreements/${capital.id}`, { endedOn: '2019-01-31' })).statusCode).toBe(403);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });
});

describe('an edit', () => {
  it('cannot move an agreement to another municipality, not even by an administrator', async () => {
    const before = databaseFingerprint(databasePath);
    for (const who of [consultant, admin]) {
      const moved = await who.inject('PATCH', `/api/agreements/${north.id}`, { municipalityCode: '0101' });
      expect(moved.statusCode).toBe(400);
      expect(moved.json().message).toMatch(/municipalityCode: is not a known field/);
    }
    expect(databaseFingerprint(databasePath)).toBe(before);
  });
});
