/**
 * A quarter's deadline (set when opened or later, by an administrator), its progress nationally
 * and per consultant area, and the reminders the app shows (no SMTP here).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';
import { databaseFingerprint, testClock, type Client } from '../../../helper.ts';

const clock = testClock('2019-03-20T12:00:00Z');
beforeEach(() => clock.set('2019-03-20T12:00:00Z'));
const demo = useDemoApp({ logins: ['admin', 'consultant', 'viewer'], consultantAreas: ['Hovedstaden'], app: { clock: clock.now } });

type Row = { code: string; category: number | null; version: number };
const statuses = async (): Promise<Row[]> => (await demo.admin.inject('GET', '/api/quarters/2019K1/statuses')).json();

describe('the deadline', () => {
  it('is set when the quarter is opened, shown in the quarter list, and audited', async () => {
    const opened = await demo.admin.inject('POST', '/api/quarters', { deadline: '2019-03-29' });
    expect(opened.statusCode).toBe(201);
    const quarter = (await demo.admin.inject('GET', '/api/quarters')).json().at(-1);
    expect(quarter).toMatchObject({ code: '2019K1', state: 'open', deadline: '2019-03-29', publishedAt: null });
    const audit = (await demo.admin.inject('GET', '/api/audit?quarter=2019K1')).json();
    expect(audit.rows.find((r: { action: string }) => r.action === 'open').newValue.deadline).toBe('2019-03-29');
  });

  it('is set, moved and cleared later by an administrator only', async () => {
    await demo.admin.inject('POST', '/api/quarters');
    const set = await demo.admin.inject('PUT', '/api/quarters/2019K1/deadline', { deadline: '2019-04-05' });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ code: '2019K1', deadline: '2019-04-05' });
    expect((await demo.consultant.inject('PUT', '/api/quarters/2019K1/deadline', { deadline: '2019-04-06' })).statusCode).toBe(403);
    expect((await demo.admin.inject('PUT', '/api/quarters/2019K1/deadline', { deadline: null })).json().deadline).toBeNull();
    const audit = (await demo.admin.inject('GET', '/api/audit?quarter=2019K1')).json();
    expect(audit.rows.filter((r: { action: string }) => r.action === 'deadline').map((r: { newValue: unknown }) => r.newValue)).toEqual([{ deadline: null }, { deadline: '2019-04-05' }]);
  });

  it('refuses an impossible or early date naming the field, and a final quarter; nothing changes', async () => {
    await demo.admin.inject('POST', '/api/quarters');
    const before = databaseFingerprint(demo.databasePath);
    for (const deadline of ['2019-02-30', '29-03-2019', '2018-12-31', 5]) {
      const refused = await demo.admin.inject('PUT', '/api/quarters/2019K1/deadline', { deadline });
      expect(refused.statusCode, String(deadline)).toBe(400);
      expect(refused.json().field).toBe('deadline');
    }
    expect((await demo.admin.inject('PUT', '/api/quarters/2019K1/deadline', {})).statusCode).toBe(400);
    expect((await demo.admin.inject('PUT', '/api/quarters/2018K4/deadline', { deadline: '2019-01-10' })).statusCode).toBe(409);
    expect((await demo.admin.inject('PUT', '/api/quarters/2030K1/deadline', { deadline: '2030-01-10' })).statusCode).toBe(404);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
    expect((await demo.admin.inject('POST', '/api/quarters', { deadline: '2019-13-01' })).json().field).toBe('deadline');
  });
});

describe('progress', () => {
  beforeEach(async () => {
    expect((await demo.admin.inject('POST', '/api/quarters', { deadline: '2019-03-29' })).statusCode).toBe(201);
  });

  it('counts assessed, confirmed, not assessed and remaining, nationally and per area, with the days left', async () => {
    const rows = await statuses();
    const [kbh, frb, dragoer] = ['0101', '0147', '0155'].map((code) => rows.find((r) => r.code === code)!);
    const saved = await demo.consultant.inject('PUT', '/api/quarters/2019K1/statuses', {
      rows: [
        { code: '0101', category: kbh.category, version: kbh.version },
        { code: '0147', category: frb.category === 3 ? 2 : 3, reason: 'too_few_volunteers', version: frb.version },
        { code: '0155', category: null, reasonText: 'Ingen kontakt i kvartalet', version: dragoer.version },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const progress = await demo.admin.inject('GET', '/api/quarters/2019K1/progress');
    expect(progress.statusCode).toBe(200);
    const body = progress.json();
    expect(body).toMatchObject({ quarter: '2019K1', state: 'open', deadline: '2019-03-29', daysLeft: 9 });
    expect(body.national).toEqual({ total: 98, assessed: 1, confirmed: 1, notAssessed: 1, remaining: 95 });
    const area = body.areas.find((a: { name: string }) => a.name === 'Hovedstaden');
    expect(area).toMatchObject({ total: 29, assessed: 1, confirmed: 1, notAssessed: 1, remaining: 26 });
    expect(area.unsettled).toHaveLength(26);
    expect(area.unsettled.map((m: { code: string }) => m.code)).not.toContain('0101');
    expect(body.areas.reduce((sum: number, a: { total: number }) => sum + a.total, 0)).toBe(98);
  });

  it('counts the days in Copenhagen: on the deadline 0, after it negative', async () => {
    clock.set('2019-03-28T23:30:00Z'); // already the 29th in Copenhagen
    expect((await demo.admin.inject('GET', '/api/quarters/2019K1/progress')).json().daysLeft).toBe(0);
    clock.set('2019-03-31T10:00:00Z');
    expect((await demo.admin.inject('GET', '/api/quarters/2019K1/progress')).json().daysLeft).toBe(-2);
  });

  it('is for drafts only to those who enter them; a final quarter shows to viewers, all settled', async () => {
    expect((await demo.viewer.inject('GET', '/api/quarters/2019K1/progress')).statusCode).toBe(404);
    const final = await demo.viewer.inject('GET', '/api/quarters/2018K4/progress');
    expect(final.statusCode).toBe(200);
    expect(final.json()).toMatchObject({ state: 'final', deadline: null, daysLeft: null, national: { total: 98, remaining: 0 } });
    expect((await demo.app.inject('/api/quarters/2018K4/progress')).statusCode).toBe(401);
    expect((await demo.admin.inject('GET', '/api/quarters/2018X4/progress')).json().field).toBe('quarter');
  });
});

describe('reminders in the app', () => {
  beforeEach(async () => {
    expect((await demo.admin.inject('POST', '/api/quarters', { deadline: '2019-03-29' })).statusCode).toBe(201);
  });
  const mine = async (client: Client) => (await client.inject('GET', '/api/reminders')).json();

  it('shows a consultant their municipalities from REMINDER_DAYS before the deadline, and overdue after it', async () => {
    clock.set('2019-03-21T12:00:00Z');
    expect((await mine(demo.consultant)).reminders).toEqual([]);
    clock.set('2019-03-22T05:00:00Z');
    const soon = await mine(demo.consultant);
    expect(soon).toMatchObject({ delivery: 'app', enabled: true });
    expect(soon.reminders[0]).toMatchObject({ kind: 'deadline_soon', daysLeft: 7 });
    expect(soon.reminders[0].municipalities).toHaveLength(29);
    clock.set('2019-03-29T12:00:00Z');
    expect((await mine(demo.consultant)).reminders[0].kind).toBe('deadline_today');
    clock.set('2019-04-02T12:00:00Z');
    expect((await mine(demo.consultant)).reminders[0]).toMatchObject({ kind: 'overdue', daysLeft: -4 });
    expect((await mine(demo.admin)).reminders).toEqual([]);
    expect((await mine(demo.viewer)).reminders).toEqual([]);
    expect((await demo.app.inject('/api/reminders')).statusCode).toBe(401);
  });

  it('tells administrators when the quarter is ready to finalise', async () => {
    const rows = await statuses();
    expect((await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses', { rows: rows.map(({ code, category, version }) => ({ code, category, version })) })).statusCode).toBe(200);
    const shown = await mine(demo.admin);
    expect(shown.reminders).toEqual([expect.objectContaining({ kind: 'ready_to_finalise', quarter: '2019K1', municipalities: [] })]);
    expect(shown.reminders[0].national).toEqual({ total: 98, assessed: 0, confirmed: 98, notAssessed: 0, remaining: 0 });
  });

  it('shows nothing to someone who turned reminders off, and says so', async () => {
    clock.set('2019-03-25T12:00:00Z');
    expect((await demo.consultant.inject('PATCH', '/api/auth/me', { reminders: false })).json().reminders).toBe(false);
    expect(await mine(demo.consultant)).toEqual({ delivery: 'app', enabled: false, reminders: [] });
    expect((await demo.consultant.inject('GET', '/api/auth/session')).json().user.reminders).toBe(false);
    expect((await demo.consultant.inject('PATCH', '/api/auth/me', { reminders: true })).statusCode).toBe(200);
    expect((await mine(demo.consultant)).reminders).toHaveLength(1);
  });
});
