/**
 * Reminders by e-mail through a real SMTP server on 127.0.0.1 (tests/mail-server.ts). The clock is
 * the app's own injectable one: a test sets the time instead of waiting for 08:00.
 * Demo data; 2019K1 is opened with the deadline Friday 29 March 2019 (winter time, UTC+1).
 */
import Sqlite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignArea, buildTestApp, loginAs, testClock, type Client } from '../../helper.ts';
import { useMailServer } from '../../mail-server.ts';
import { waitFor } from '../../wait-for.ts';

const PUBLIC_URL = 'https://vv.example.dk';
const HOVEDSTADEN = 29;

const smtp = useMailServer();

let app: FastifyInstance;
let databasePath: string;
let admin: Client;
let consultant: Client;
const clock = testClock('2019-03-01T12:00:00Z');

async function build(path?: string) {
  ({ app, databasePath } = await buildTestApp({
    databasePath: path,
    publicUrl: PUBLIC_URL,
    mail: { smtpUrl: smtp.url, from: 'VV Monitor <vv@example.dk>' },
    reminderDays: 7,
    clock: clock.now,
  }));
}

beforeEach(async () => {
  smtp.received.length = 0;
  clock.set('2019-03-01T12:00:00Z');
  await build();
  admin = await loginAs(app, 'admin', 'anne@vv.test');
  consultant = await loginAs(app, 'consultant', 'karen@vv.test');
  assignArea(app, consultant.user.id, 'Hovedstaden');
  expect((await admin.inject('POST', '/api/quarters', { deadline: '2019-03-29' })).statusCode).toBe(201);
});
afterEach(() => app.close());

/** Runs the scheduler's job at a moment, then waits until the outbox is empty. */
async function runAt(at: string): Promise<number> {
  clock.set(at);
  const queued = app.outreach.runReminders();
  await app.outreach.outbox!.deliver();
  return queued;
}

function rows(sql: string): unknown[] {
  const db = new Sqlite(databasePath, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

describe('deadline reminders to consultants', () => {
  it('sends nothing before REMINDER_DAYS before the deadline', async () => {
    expect(await runAt('2019-03-21T12:00:00Z')).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('goes out at 08:00 Copenhagen time on the first day, not a minute before', async () => {
    expect(await runAt('2019-03-22T06:59:00Z')).toBe(0);
    expect(smtp.received).toHaveLength(0);
    expect(await runAt('2019-03-22T07:00:00Z')).toBe(1);
    await waitFor(() => smtp.received.length === 1, { what: 'the reminder' });
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['karen@vv.test']);
    expect(mail.from).toBe('vv@example.dk');
    expect(mail.subject).toBe(`VV Monitor: ${HOVEDSTADEN} kommuner mangler i 1. kvt. 2019, frist fredag den 29. marts 2019`);
    expect(mail.text).toContain('Fristen for 1. kvt. 2019 er fredag den 29. marts 2019 (om 7 dage)');
    expect(mail.text).toContain(`0101 København: ${PUBLIC_URL}/quarters/2019K1?q=0101`);
    expect(mail.text.match(/^ {2}\d{4} /gm)).toHaveLength(HOVEDSTADEN);
    expect(mail.text).toContain(`${PUBLIC_URL}/account`);
  });

  it('is never sent twice for the same reason: later runs, later days and a restart send nothing more', async () => {
    expect(await runAt('2019-03-22T07:00:00Z')).toBe(1);
    expect(await runAt('2019-03-22T07:00:00Z')).toBe(0);
    expect(await runAt('2019-03-25T09:30:00Z')).toBe(0);
    await app.close();
    await build(databasePath);
    expect(await runAt('2019-03-26T08:00:00Z')).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(rows("SELECT key FROM reminders_sent")).toEqual([{ key: `deadline_soon:2019K1:2019-03-29:${consultant.user.id}` }]);
    // The key is the primary key: even a second writer cannot record the reason twice.
    const db = new Sqlite(databasePath);
    try {
      expect(() =>
        db.prepare("INSERT INTO reminders_sent (key, kind, quarter_code, user_id, at) VALUES (?, 'deadline_soon', '2019K1', ?, 'x')").run(`deadline_soon:2019K1:2019-03-29:${consultant.user.id}`, consultant.user.id),
      ).toThrow(/UNIQUE/);
    } finally {
      db.close();
    }
  });

  it('sends the second reminder on the deadline day, and nothing after it', async () => {
    await runAt('2019-03-22T07:00:00Z');
    expect(await runAt('2019-03-29T06:59:59Z')).toBe(0);
    expect(await runAt('2019-03-29T07:00:00Z')).toBe(1);
    await waitFor(() => smtp.received.length === 2);
    expect(smtp.received[1].subject).toBe(`VV Monitor: ${HOVEDSTADEN} kommuner mangler i 1. kvt. 2019, frist i dag`);
    expect(smtp.received[1].text).toContain('(i dag)');
    expect(await runAt('2019-03-30T08:00:00Z')).toBe(0);
    expect(smtp.received).toHaveLength(2);
  });

  it('keeps to 08:00 in summer time too (06:00 UTC), and reminds again when the deadline moves', async () => {
    await runAt('2019-03-22T07:00:00Z');
    expect((await admin.inject('PUT', '/api/quarters/2019K1/deadline', { deadline: '2019-06-28' })).statusCode).toBe(200);
    expect(await runAt('2019-06-21T05:59:00Z')).toBe(0);
    expect(await runAt('2019-06-21T06:00:00Z')).toBe(1);
    await waitFor(() => smtp.received.length === 2);
    expect(smtp.received[1].text).toContain('fredag den 28. juni 2019 (om 7 dage)');
  });

  it('lists only what is still unsettled, and none when the area is done', async () => {
    const statuses = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json() as { code: string; category: number; version: number }[];
    const mine = statuses.filter((s) => s.code.startsWith('01') || s.code.startsWith('02') || s.code.startsWith('03') || s.code === '0400');
    const done = await consultant.inject('PUT', '/api/quarters/2019K1/statuses', { rows: mine.slice(0, 5).map(({ code, category, version }) => ({ code, category, version })) });
    expect(done.statusCode, done.body).toBe(200);
    await runAt('2019-03-22T07:00:00Z');
    await waitFor(() => smtp.received.length === 1);
    expect(smtp.received[0].text.match(/^ {2}\d{4} /gm)).toHaveLength(HOVEDSTADEN - 5);

    const rest = (await admin.inject('GET', '/api/quarters/2019K1/progress')).json().areas.find((a: { name: string }) => a.name === 'Hovedstaden').unsettled as { code: string }[];
    const current = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json() as { code: string; category: number; version: number }[];
    const settle = current.filter((s) => rest.some((r) => r.code === s.code)).map(({ code, category, version }) => ({ code, category, version }));
    expect((await consultant.inject('PUT', '/api/quarters/2019K1/statuses', { rows: settle })).statusCode).toBe(200);
    expect(await runAt('2019-03-29T07:00:00Z')).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('is not sent to someone who turned reminders off on "Min konto"', async () => {
    const off = await consultant.inject('PATCH', '/api/auth/me', { reminders: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().reminders).toBe(false);
    expect(await runAt('2019-03-22T07:00:00Z')).toBe(0);
    expect(smtp.received).toHaveLength(0);
    expect((await consultant.inject('PATCH', '/api/auth/me', { reminders: 'nej' })).statusCode).toBe(400);
  });

  it('is recorded in the audit log, by the system, with the municipalities it listed', async () => {
    await runAt('2019-03-22T07:00:00Z');
    const audit = (await admin.inject('GET', '/api/audit?quarter=2019K1')).json();
    const row = audit.rows.find((r: { entity: string }) => r.entity === 'reminder');
    expect(row).toMatchObject({ actor: 'System', action: 'deadline_soon', entityKey: `deadline_soon:2019K1:2019-03-29:${consultant.user.id}` });
    expect(row.newValue.userId).toBe(consultant.user.id);
    expect(row.newValue.municipalities).toHaveLength(HOVEDSTADEN);
    expect(JSON.stringify(row)).not.toContain('karen@vv.test');
  });
});

describe('the summary to administrators', () => {
  it('says once, from 08:00, that a quarter is ready to finalise', async () => {
    const statuses = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json() as { code: string; category: number; version: number }[];
    const saved = await admin.inject('PUT', '/api/quarters/2019K1/statuses', { rows: statuses.map(({ code, category, version }) => ({ code, category, version })) });
    expect(saved.statusCode).toBe(200);
    expect(await runAt('2019-03-10T06:30:00Z')).toBe(0);
    expect(await runAt('2019-03-10T07:00:00Z')).toBe(1);
    await waitFor(() => smtp.received.length === 1);
    expect(smtp.received[0]).toMatchObject({ to: ['anne@vv.test'], subject: 'VV Monitor: 1. kvt. 2019 er klar til at blive afsluttet' });
    expect(smtp.received[0].text).toContain('Alle 98 kommuner er på plads i 1. kvt. 2019: vurderet 0, bekræftet 98');
    expect(smtp.received[0].text).toContain(`${PUBLIC_URL}/quarters/2019K1`);
    expect(await runAt('2019-03-11T07:00:00Z')).toBe(0);
  });
});

describe('without SMTP_URL', () => {
  it('sends nothing and queues nothing; the same reminders show in the app', async () => {
    const { app: quiet, databasePath: path } = await buildTestApp({ clock: clock.now });
    try {
      const a = await loginAs(quiet, 'admin');
      const c = await loginAs(quiet, 'consultant');
      assignArea(quiet, c.user.id, 'Hovedstaden');
      expect((await a.inject('POST', '/api/quarters', { deadline: '2019-03-29' })).statusCode).toBe(201);
      clock.set('2019-03-22T07:00:00Z');
      expect(quiet.outreach.mail).toBe(false);
      expect(quiet.outreach.runReminders()).toBe(0);
      const db = new Sqlite(path, { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM mail_outbox').get()).toEqual({ n: 0 });
      db.close();
      const shown = (await c.inject('GET', '/api/reminders')).json();
      expect(shown).toMatchObject({ delivery: 'app', enabled: true });
      expect(shown.reminders).toHaveLength(1);
      expect(shown.reminders[0]).toMatchObject({ kind: 'deadline_soon', quarter: '2019K1', deadline: '2019-03-29', daysLeft: 7 });
      expect(shown.reminders[0].municipalities).toHaveLength(HOVEDSTADEN);
    } finally {
      await quiet.close();
    }
  });
});
