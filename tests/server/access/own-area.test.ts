import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignArea, buildTestApp, type Client, databaseFingerprint, loginAs } from '../../helper.ts';

let app: FastifyInstance;
let databasePath: string;
let admin: Client;
let consultant: Client;

beforeEach(async () => {
  ({ app, databasePath } = await buildTestApp());
  [admin, consultant] = await Promise.all([loginAs(app, 'admin'), loginAs(app, 'consultant')]);
  assignArea(app, consultant.user.id, 'Nordjylland');
});
afterEach(() => app.close());

const openNext = async () => expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
const statusOf = async (quarter: string, code: string) =>
  (await admin.inject('GET', `/api/quarters/${quarter}/statuses`)).json().find((s: { code: string }) => s.code === code);

describe('a consultant’s own area', () => {
  it('may change statuses there but not elsewhere', async () => {
    await openNext();
    const aalborg = await statusOf('2019K1', '0851');
    const inside = await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0851', { category: aalborg.category, note: 'Set', version: aalborg.version });
    expect(inside.statusCode).toBe(200);
    const before = databaseFingerprint(databasePath);
    const outside = await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: 1, version: 1 });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toBe('you may only change municipalities in your own area; not 0101 København');
    const mixed = await consultant.inject('PUT', '/api/quarters/2019K1/statuses', {
      rows: [
        { code: '0851', category: aalborg.category, version: 2 },
        { code: '0751', category: 1, version: 1 },
      ],
    });
    expect(mixed.statusCode).toBe(403);
    expect(mixed.json().message).toMatch(/0751 Aarhus/);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });

  it('means nothing may be changed until an administrator assigns one', async () => {
    await openNext();
    const newcomer = await loginAs(app, 'consultant', 'new.consultant@vv.test');
    const answer = await newcomer.inject('PUT', '/api/quarters/2019K1/statuses/0851', { category: 1, version: 1 });
    expect(answer.statusCode).toBe(403);
    expect(answer.json().message).toMatch(/you have no area yet/);
  });

  it('does not limit administrators', async () => {
    await openNext();
    const s = await statusOf('2019K1', '0101');
    expect((await admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: s.category, version: s.version })).statusCode).toBe(200);
  });
});
