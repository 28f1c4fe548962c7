import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignArea, buildTestApp, type Client, loginAs } from '../../../helper.ts';

let app: FastifyInstance;
let databasePath: string;
let admin: Client;
let consultant: Client;
let viewer: Client;

beforeEach(async () => {
  ({ app, databasePath } = await buildTestApp());
  [admin, consultant, viewer] = await Promise.all([loginAs(app, 'admin'), loginAs(app, 'consultant'), loginAs(app, 'viewer')]);
  // København and its neighbours, which these tests edit, are in Hovedstaden.
  assignArea(app, consultant.user.id, 'Hovedstaden');
});
afterEach(() => app.close());

const auditCount = () => app.database.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const statusOf = async (quarter: string, code: string) =>
  (await admin.inject('GET', `/api/quarters/${quarter}/statuses`)).json().find((s: { code: string }) => s.code === code);

async function openNext(): Promise<string> {
  const opened = await admin.inject('POST', '/api/quarters');
  expect(opened.statusCode).toBe(201);
  return opened.json().code;
}


describe('the audit log', () => {
  it('gets one row per changed status, in the same transaction', async () => {
    await openNext();
    const before = auditCount();
    const rows = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json().slice(0, 3);
    await admin.inject('PUT', '/api/quarters/2019K1/statuses', {
      rows: rows.map((r: { code: string; category: number; version: number }) => ({ ...r, version: r.version, code: r.code, category: r.category })).map(
        ({ code, category, version }: { code: string; category: number; version: number }) => ({ code, category, version }),
      ),
    });
    expect(auditCount()).toBe(before + 3);
    const last = app.database.sqlite.prepare("SELECT actor, action, entity, entity_key FROM audit_log ORDER BY id DESC LIMIT 1").get();
    expect(last).toEqual({ actor: 'Test admin <admin@vv.test>', action: 'confirm', entity: 'status', entity_key: `2019K1/${rows[2].code}` });
  });

  it('rolls the status back when its audit row cannot be written', async () => {
    await openNext();
    app.database.sqlite.exec(
      "CREATE TRIGGER refuse_status_audit BEFORE INSERT ON audit_log WHEN NEW.entity = 'status' BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
    );
    const before = await statusOf('2019K1', '0101');
    const answer = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: before.category, note: 'x', version: before.version });
    expect(answer.statusCode).toBe(500);
    expect(answer.json().message).not.toContain('audit refused');
    expect(await statusOf('2019K1', '0101')).toEqual(before);
  });

  it('is readable by administrators, filtered by municipality, quarter, user and date', async () => {
    await openNext();
    const s = await statusOf('2019K1', '0101');
    await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: s.category, note: 'Notat', version: s.version });
    const today = new Date().toISOString().slice(0, 10);
    const filtered = await admin.inject('GET', `/api/audit?municipality=101&quarter=2019K1&user=${consultant.user.id}&from=${today}&to=${today}`);
    expect(filtered.statusCode).toBe(200);
    expect(filtered.json().total).toBe(1);
    expect(filtered.json().rows[0]).toMatchObject({ entityKey: '2019K1/0101', actor: 'Test consultant <consultant@vv.test>' });
    expect((await admin.inject('GET', '/api/audit?from=2030-01-01')).json().total).toBe(0);
    expect((await viewer.inject('GET', '/api/audit')).statusCode).toBe(403);
    expect((await admin.inject('GET', '/api/audit?from=yesterday')).statusCode).toBe(400);
  });
});
