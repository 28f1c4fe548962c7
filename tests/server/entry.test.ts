import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignArea, buildTestApp, databaseFingerprint, loginAs, type Client } from '../helper.ts';

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

/** Confirms every carried-over row of a quarter as it stands. */
async function confirmAll(quarter: string) {
  const rows = (await admin.inject('GET', `/api/quarters/${quarter}/statuses`)).json();
  const answer = await admin.inject('PUT', `/api/quarters/${quarter}/statuses`, {
    rows: rows.map((r: { code: string; category: number; version: number }) => ({ code: r.code, category: r.category, version: r.version })),
  });
  expect(answer.statusCode).toBe(200);
}

describe('opening the next quarter', () => {
  it('copies the previous quarter’s categories as a carried-over draft', async () => {
    expect(await openNext()).toBe('2019K1');
    const rows = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json();
    const previous = (await admin.inject('GET', '/api/quarters/2018K4/statuses')).json();
    expect(rows.map((r: { category: number }) => r.category)).toEqual(previous.map((r: { category: number }) => r.category));
    expect(rows.every((r: { carriedOver: boolean }) => r.carriedOver)).toBe(true);
    const quarter = (await admin.inject('GET', '/api/quarters')).json().at(-1);
    expect(quarter).toMatchObject({ code: '2019K1', state: 'open', definitionsVersion: 1 });
  });

  it('refuses a second draft while the newest quarter is open', async () => {
    await openNext();
    const again = await admin.inject('POST', '/api/quarters');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/2019K1 is still open/);
  });
});

describe('PUT /api/quarters/:quarter/statuses/:code', () => {
  it('saves a change of category with its reason and note, and bumps the version', async () => {
    await openNext();
    const before = await statusOf('2019K1', '0101');
    const category = before.category === 1 ? 2 : 1;
    const answer = await consultant.inject('PUT', '/api/quarters/2019K1/statuses/101', {
      category,
      reason: 'too_few_volunteers',
      note: 'Tre frivillige er stoppet',
      version: before.version,
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      code: '0101',
      category,
      reason: 'too_few_volunteers',
      note: 'Tre frivillige er stoppet',
      carriedOver: false,
      version: before.version + 1,
      updatedBy: 'Test consultant',
    });
  });

  it('requires a reason when the category differs from the previous quarter', async () => {
    await openNext();
    const before = await statusOf('2019K1', '0101');
    const fingerprint = databaseFingerprint(databasePath);
    const answer = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', {
      category: before.category === 3 ? 2 : 3,
      version: before.version,
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([
      expect.objectContaining({ row: 1, code: '0101', field: 'reason', message: expect.stringMatching(/choose a reason/) }),
    ]);
    expect(databaseFingerprint(databasePath)).toBe(fingerprint);
  });

  it('requires a text for reason "other" and for "not assessed"', async () => {
    await openNext();
    const before = await statusOf('2019K1', '0147');
    const other = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0147', {
      category: before.category === 1 ? 2 : 1,
      reason: 'other',
      version: before.version,
    });
    expect(other.json().errors[0]).toMatchObject({ field: 'reasonText' });
    const notAssessed = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0147', { category: null, version: before.version });
    expect(notAssessed.json().errors[0]).toMatchObject({ field: 'reasonText', message: expect.stringMatching(/not assessed/) });
    const explained = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0147', {
      category: null,
      reasonText: 'Kommunen svarede ikke i kvartalet',
      version: before.version,
    });
    expect(explained.statusCode).toBe(200);
    expect(explained.json()).toMatchObject({ category: null, reasonText: 'Kommunen svarede ikke i kvartalet' });
  });

  it('answers 409 with the current row when the version is stale, and keeps the other person’s write', async () => {
    await openNext();
    const start = await statusOf('2019K1', '0151');
    const other = start.category === 1 ? 2 : 1;
    const first = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0151', {
      category: other,
      reason: 'municipal_staff_change',
      version: start.version,
    });
    expect(first.statusCode).toBe(200);
    const stale = await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0151', {
      category: start.category,
      note: 'Min version',
      version: start.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().conflicts[0]).toMatchObject({ code: '0151', yourVersion: start.version, current: first.json() });
    expect(await statusOf('2019K1', '0151')).toEqual(first.json());
  });

  it('refuses writes to a final quarter with an explanation', async () => {
    const before = databaseFingerprint(databasePath);
    const answer = await admin.inject('PUT', '/api/quarters/2018K4/statuses/0101', { category: 1, version: 1 });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().message).toMatch(/2018K4 is final; an administrator must reopen it/);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });

  it('answers 400 naming the field for a malformed body', async () => {
    await openNext();
    for (const [payload, field] of [
      [{ category: 4, version: 1 }, 'body.category'],
      [{ category: 1 }, 'body.version'],
      [{ category: 1, version: -1 }, 'body.version'],
      [{ category: 1, version: 1, reason: 'bored' }, 'body.reason'],
      [{ category: 1, version: 1, colour: 'green' }, 'body.colour'],
      [{ category: '1', version: 1 }, 'body.category'],
    ] as const) {
      const answer = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json().message).toContain(field);
    }
  });
});

describe('PUT /api/quarters/:quarter/statuses (bulk)', () => {
  it('saves every row in one go and confirms carried-over rows', async () => {
    await openNext();
    await confirmAll('2019K1');
    const rows = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json();
    expect(rows.every((r: { carriedOver: boolean }) => !r.carriedOver)).toBe(true);
  });

  it('writes nothing when one row is invalid, and reports every bad row', async () => {
    await openNext();
    const rows = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json();
    const before = databaseFingerprint(databasePath);
    const answer = await admin.inject('PUT', '/api/quarters/2019K1/statuses', {
      rows: [
        { code: rows[0].code, category: rows[0].category, version: rows[0].version },
        { code: '0411', category: 1, version: 0 },
        { code: rows[2].code, category: rows[2].category === 1 ? 3 : 1, version: rows[2].version },
        { code: rows[0].code, category: rows[0].category, version: rows[0].version },
      ],
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'code'],
      [3, 'reason'],
      [4, 'code'],
    ]);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });

  it('writes nothing when one row is stale', async () => {
    await openNext();
    const rows = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json();
    const before = databaseFingerprint(databasePath);
    const answer = await admin.inject('PUT', '/api/quarters/2019K1/statuses', {
      rows: [
        { code: rows[0].code, category: rows[0].category, version: rows[0].version },
        { code: rows[1].code, category: rows[1].category, version: rows[1].version + 5 },
      ],
    });
    expect(answer.statusCode).toBe(409);
    expect(answer.json().conflicts).toHaveLength(1);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });
});

describe('finalising and reopening', () => {
  it('refuses to finalise while municipalities are unsettled, naming them', async () => {
    await openNext();
    const answer = await admin.inject('POST', '/api/quarters/2019K1/finalise');
    expect(answer.statusCode).toBe(409);
    expect(answer.json().message).toMatch(/98 municipalities are not settled/);
    expect(answer.json().unsettled[0]).toEqual({ code: '0101', name: 'København', problem: 'carried over, not confirmed' });
  });

  it('finalises when every municipality is settled; then writes are refused until reopened with a reason', async () => {
    await openNext();
    await confirmAll('2019K1');
    const finalised = await admin.inject('POST', '/api/quarters/2019K1/finalise');
    expect(finalised.statusCode).toBe(200);
    expect(finalised.json()).toMatchObject({ code: '2019K1', state: 'final' });
    const refused = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: 1, version: 2 });
    expect(refused.statusCode).toBe(409);

    const noReason = await admin.inject('POST', '/api/quarters/2019K1/reopen', { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/^body.reason/);
    const reopened = await admin.inject('POST', '/api/quarters/2019K1/reopen', { reason: 'Fejl i Københavns kategori' });
    expect(reopened.json()).toMatchObject({ state: 'open' });
    const audit = app.database.sqlite.prepare("SELECT reason FROM audit_log WHERE action = 'reopen'").pluck().all();
    expect(audit).toEqual(['Fejl i Københavns kategori']);
  });
});

describe('roles', () => {
  const writes: [string, 'POST' | 'PUT', string, unknown, ('admin' | 'consultant')[]][] = [
    ['open next quarter', 'POST', '/api/quarters', undefined, ['admin']],
    ['set one status', 'PUT', '/api/quarters/2018K4/statuses/0101', { category: 1, version: 1 }, ['admin', 'consultant']],
    ['set many statuses', 'PUT', '/api/quarters/2018K4/statuses', { rows: [{ code: '0101', category: 1, version: 1 }] }, ['admin', 'consultant']],
    ['finalise', 'POST', '/api/quarters/2018K4/finalise', undefined, ['admin']],
    ['reopen', 'POST', '/api/quarters/2018K4/reopen', { reason: 'test' }, ['admin']],
    ['register agreement', 'POST', '/api/agreements', { municipalityCode: '0101', organisation: 'RK', signedOn: '2030-01-01' }, ['admin', 'consultant']],
    // Agreement 11 of the demo is København's, in the consultant's area.
    ['edit agreement', 'PATCH', '/api/agreements/11', { note: 'x' }, ['admin', 'consultant']],
    ['set quotas', 'PUT', '/api/quotas/2019', { rows: [{ code: '0101', quota: 0, zeroQuota: true }] }, ['admin']],
    ['create user', 'POST', '/api/users', { email: 'new@vv.test', name: 'New', role: 'viewer', password: 'long enough password' }, ['admin']],
    ['edit user', 'PATCH', '/api/users/1', { name: 'Renamed' }, ['admin']],
    ['reset password', 'POST', '/api/users/1/password', { password: 'long enough password' }, ['admin']],
  ] as never;

  it.each(writes)('%s: 401 without a session, 403 for the wrong role, and nothing changes', async (_, method, url, payload, allowed) => {
    const before = databaseFingerprint(databasePath);
    const anonymous = await app.inject({ method, url, payload: payload as object });
    expect(anonymous.statusCode).toBe(401);
    for (const client of [admin, consultant, viewer].filter((c) => !allowed.includes(c.user.role as never))) {
      const refused = await client.inject(method, url, payload);
      expect(refused.statusCode, client.user.role).toBe(403);
      expect(refused.json().message).toMatch(new RegExp(`your role \\(${client.user.role}\\) may not do this`));
    }
    expect(databaseFingerprint(databasePath)).toBe(before);
    for (const client of [admin, consultant].filter((c) => allowed.includes(c.user.role as never))) {
      const answer = await client.inject(method, url, payload);
      expect([401, 403], `${client.user.role}: ${answer.body}`).not.toContain(answer.statusCode);
    }
  });

  it('lets every role read the dashboard', async () => {
    for (const client of [admin, consultant, viewer]) {
      expect((await client.inject('GET', '/api/summary?quarter=2018K4')).statusCode).toBe(200);
    }
  });
});

describe('cross-site request forgery', () => {
  it('refuses a write without the CSRF token, with a wrong one, or from another origin', async () => {
    await openNext();
    const before = databaseFingerprint(databasePath);
    const payload = { rows: [{ code: '0101', category: 1, version: 1 }] };
    const url = '/api/quarters/2019K1/statuses';
    const attempts = [
      { cookie: admin.cookie },
      { cookie: admin.cookie, 'x-csrf-token': 'guessed' },
      { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, origin: 'https://evil.example' },
      { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) {
      const answer = await app.inject({ method: 'PUT', url, payload, headers });
      expect(answer.statusCode, JSON.stringify(headers)).toBe(403);
    }
    expect(databaseFingerprint(databasePath)).toBe(before);
    const same = await app.inject({
      method: 'PUT',
      url,
      payload,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, origin: 'http://localhost:80' },
    });
    expect(same.statusCode).not.toBe(403);
  });
});

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
