import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';

// København and its neighbours, which these tests edit, are in Hovedstaden.
const demo = useDemoApp({ logins: ['admin', 'consultant', 'viewer'], consultantAreas: ['Hovedstaden'] });

const auditCount = () => demo.app.database.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('the audit log', () => {
  it('gets one row per changed status, in the same transaction', async () => {
    await demo.openNext();
    const before = auditCount();
    const rows = (await demo.admin.inject('GET', '/api/quarters/2019K1/statuses')).json().slice(0, 3);
    await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses', {
      rows: rows.map((r: { code: string; category: number; version: number }) => ({ ...r, version: r.version, code: r.code, category: r.category })).map(
        ({ code, category, version }: { code: string; category: number; version: number }) => ({ code, category, version }),
      ),
    });
    expect(auditCount()).toBe(before + 3);
    const last = demo.app.database.sqlite.prepare("SELECT actor, action, entity, entity_key FROM audit_log ORDER BY id DESC LIMIT 1").get();
    expect(last).toEqual({ actor: 'Test admin <admin@vv.test>', action: 'confirm', entity: 'status', entity_key: `2019K1/${rows[2].code}` });
  });

  it('rolls the status back when its audit row cannot be written', async () => {
    await demo.openNext();
    demo.app.database.sqlite.exec(
      "CREATE TRIGGER refuse_status_audit BEFORE INSERT ON audit_log WHEN NEW.entity = 'status' BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
    );
    const before = await demo.statusOf('2019K1', '0101');
    const answer = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: before.category, note: 'x', version: before.version });
    expect(answer.statusCode).toBe(500);
    expect(answer.json().message).not.toContain('audit refused');
    expect(await demo.statusOf('2019K1', '0101')).toEqual(before);
  });

  it('is readable by administrators, filtered by municipality, quarter, user and date', async () => {
    await demo.openNext();
    const s = await demo.statusOf('2019K1', '0101');
    await demo.consultant.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: s.category, note: 'Notat', version: s.version });
    const today = new Date().toISOString().slice(0, 10);
    const filtered = await demo.admin.inject('GET', `/api/audit?municipality=101&quarter=2019K1&user=${demo.consultant.user.id}&from=${today}&to=${today}`);
    expect(filtered.statusCode).toBe(200);
    expect(filtered.json().total).toBe(1);
    expect(filtered.json().rows[0]).toMatchObject({ entityKey: '2019K1/0101', actor: 'Test consultant <consultant@vv.test>' });
    expect((await demo.admin.inject('GET', '/api/audit?from=2030-01-01')).json().total).toBe(0);
    expect((await demo.viewer.inject('GET', '/api/audit')).statusCode).toBe(403);
    expect((await demo.admin.inject('GET', '/api/audit?from=yesterday')).statusCode).toBe(400);
  });
});
