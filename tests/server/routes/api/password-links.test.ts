/**
 * "Glemt adgangskode" and invitations: single-use, expiring links sent through a real SMTP server
 * (tests/mail-server.ts), stored only as hashes; asking never reveals whether an address has an
 * account; a dead SMTP server is logged and retried, never blocking a request.
 */
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import Sqlite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, TEST_PASSWORD, testClock, type Client } from '../../../helper.ts';
import { deadPort, startMailServer, useMailServer, type MailServer, type ReceivedMail } from '../../../mail-server.ts';
import { waitFor } from '../../../wait-for.ts';

const PUBLIC_URL = 'https://vv.example.dk';
const NEW_PASSWORD = 'a new and long password';

const smtp = useMailServer();

let app: FastifyInstance;
let databasePath: string;
let admin: Client;
let viewer: Client;
const clock = testClock('2026-01-10T10:00:00Z');

beforeEach(async () => {
  smtp.received.length = 0;
  clock.set('2026-01-10T10:00:00Z');
  ({ app, databasePath } = await buildTestApp({ publicUrl: PUBLIC_URL, mail: { smtpUrl: smtp.url, from: 'VV Monitor <vv@example.dk>' }, clock: clock.now }));
  admin = await loginAs(app, 'admin');
  viewer = await loginAs(app, 'viewer', 'vera@vv.test');
});
afterEach(() => app.close());

const post = (url: string, payload: object) => app.inject({ method: 'POST', url, payload });

/** The token of the link in a mail. */
function tokenIn(mail: ReceivedMail): string {
  const link = new RegExp(`${PUBLIC_URL}/password#token=([A-Za-z0-9_-]+)`).exec(mail.text);
  expect(link, mail.text).not.toBeNull();
  return link![1];
}

async function mailsSettled(count: number): Promise<ReceivedMail[]> {
  await waitFor(() => smtp.received.length >= count, { what: `${count} mails` });
  await app.outreach.outbox!.deliver();
  expect(smtp.received).toHaveLength(count);
  return smtp.received;
}

function tables(): Record<string, unknown[]> {
  const db = new Sqlite(databasePath, { readonly: true });
  try {
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return Object.fromEntries(names.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

describe('Glemt adgangskode', () => {
  it('answers alike for an address with and without an account, and mails only the account', async () => {
    const known = await post('/api/auth/forgot', { email: 'Vera@VV.test' });
    const unknown = await post('/api/auth/forgot', { email: 'nobody@vv.test' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    const [mail] = await mailsSettled(1);
    expect(mail.to).toEqual(['vera@vv.test']);
    expect(mail.subject).toBe('Ny adgangskode til VV Monitor');
    expect(mail.text).toContain('udløber om 1 time');
  });

  it('stores only the hash of the token, and the link sets the password once, ending the old sessions', async () => {
    await post('/api/auth/forgot', { email: 'vera@vv.test' });
    const token = tokenIn((await mailsSettled(1))[0]);
    const stored = tables();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.account_tokens).toEqual([expect.objectContaining({ token_hash: createHash('sha256').update(token).digest('hex'), purpose: 'reset', user_id: viewer.user.id })]);

    expect((await post('/api/auth/token', { token })).json()).toMatchObject({ purpose: 'reset', email: 'vera@vv.test', name: 'Test viewer' });
    const weak = await post('/api/auth/token/password', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe('password');

    const done = await post('/api/auth/token/password', { token, password: NEW_PASSWORD });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.email).toBe('vera@vv.test');
    expect(done.cookies.find((c) => c.name === 'vv_session')).toBeDefined();
    expect((await viewer.inject('GET', '/api/auth/session')).json().user).toBeNull();
    expect((await post('/api/auth/login', { email: 'vera@vv.test', password: TEST_PASSWORD })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { email: 'vera@vv.test', password: NEW_PASSWORD })).statusCode).toBe(200);

    const again = await post('/api/auth/token/password', { token, password: 'yet another long password' });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ field: 'token', message: 'token: the link is invalid or has expired; ask for a new one' });
    expect(again.body).not.toContain(token);
  });

  it('expires after an hour', async () => {
    await post('/api/auth/forgot', { email: 'vera@vv.test' });
    const token = tokenIn((await mailsSettled(1))[0]);
    clock.advance(60 * 60 * 1000 + 1);
    expect((await post('/api/auth/token', { token })).statusCode).toBe(400);
    expect((await post('/api/auth/token/password', { token, password: NEW_PASSWORD })).statusCode).toBe(400);
  });

  it('sends at most three links an hour to one account, and none to a disabled one', async () => {
    for (let i = 0; i < 4; i++) expect((await post('/api/auth/forgot', { email: 'vera@vv.test' })).statusCode).toBe(202);
    await mailsSettled(3);
    clock.advance(61 * 60 * 1000);
    await post('/api/auth/forgot', { email: 'vera@vv.test' });
    await mailsSettled(4);
    expect((await admin.inject('PATCH', `/api/users/${viewer.user.id}`, { disabled: true })).statusCode).toBe(200);
    clock.advance(61 * 60 * 1000);
    await post('/api/auth/forgot', { email: 'vera@vv.test' });
    await new Promise((resolve) => setImmediate(resolve));
    await mailsSettled(4);
  });

  it('refuses a link that is not one, and a malformed request, naming the field', async () => {
    expect((await post('/api/auth/token', { token: 'x'.repeat(43) })).statusCode).toBe(400);
    expect((await post('/api/auth/token', { token: 'short' })).json().field).toBe('token');
    expect((await post('/api/auth/forgot', { email: '' })).json().field).toBe('email');
  });

  it('a password set another way spends the link', async () => {
    await post('/api/auth/forgot', { email: 'vera@vv.test' });
    const token = tokenIn((await mailsSettled(1))[0]);
    expect((await viewer.inject('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await post('/api/auth/token', { token })).statusCode).toBe(400);
  });
});

describe('invitations', () => {
  it('creates an account without a password and mails its person a link to choose one', async () => {
    const created = await admin.inject('POST', '/api/users', { email: 'ole@dfh.dk', name: 'Ole Olsen', role: 'consultant' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email: 'ole@dfh.dk', invitationPending: true });
    const [mail] = await mailsSettled(1);
    expect(mail).toMatchObject({ to: ['ole@dfh.dk'], subject: 'Invitation til VV Monitor' });
    expect(mail.text).toContain('udløber om 7 dage');
    const token = tokenIn(mail);
    expect((await post('/api/auth/token', { token })).json()).toMatchObject({ purpose: 'invite', name: 'Ole Olsen' });

    const accepted = await post('/api/auth/token/password', { token, password: NEW_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({ email: 'ole@dfh.dk', role: 'consultant', invitationPending: false });
    const list = (await admin.inject('GET', '/api/users')).json();
    expect(list.find((u: { email: string }) => u.email === 'ole@dfh.dk').invitationPending).toBe(false);
    const audit = (await admin.inject('GET', `/api/audit?user=${created.json().id}`)).json();
    expect(audit.rows.map((r: { action: string }) => r.action)).toContain('accept_invitation');
  });

  it('can be sent again; the earlier invitation stops working', async () => {
    const created = (await admin.inject('POST', '/api/users', { email: 'ole@dfh.dk', name: 'Ole Olsen', role: 'viewer' })).json();
    const first = tokenIn((await mailsSettled(1))[0]);
    const again = await admin.inject('POST', `/api/users/${created.id}/invite`);
    expect(again.statusCode).toBe(202);
    const second = tokenIn((await mailsSettled(2))[1]);
    expect((await post('/api/auth/token', { token: first })).statusCode).toBe(400);
    expect((await post('/api/auth/token', { token: second })).statusCode).toBe(200);
    expect((await viewer.inject('POST', `/api/users/${created.id}/invite`)).statusCode).toBe(403);
    expect((await admin.inject('POST', '/api/users/9999/invite')).statusCode).toBe(404);
  });
});

describe('a departed person', () => {
  it('leaves no link and no mail behind when pseudonymised', async () => {
    const created = (await admin.inject('POST', '/api/users', { email: 'ole@dfh.dk', name: 'Ole Olsen', role: 'viewer' })).json();
    const token = tokenIn((await mailsSettled(1))[0]);
    expect(tables().mail_outbox).toHaveLength(1);
    expect((await admin.inject('PATCH', `/api/users/${created.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await admin.inject('POST', `/api/users/${created.id}/pseudonymise`)).statusCode).toBe(200);
    const after = tables();
    expect(after.account_tokens).toEqual([]);
    expect(after.mail_outbox).toEqual([]);
    expect(JSON.stringify(after)).not.toContain('ole@dfh.dk');
    expect((await post('/api/auth/token', { token })).statusCode).toBe(400);
  });
});

describe('without SMTP_URL', () => {
  it('says so instead of pretending, and a new account needs a password', async () => {
    const { app: quiet } = await buildTestApp();
    try {
      expect((await quiet.inject('/api/auth/session')).json().mail).toBe(false);
      const forgot = await quiet.inject({ method: 'POST', url: '/api/auth/forgot', payload: { email: 'a@vv.test' } });
      expect(forgot.statusCode).toBe(409);
      const a = await loginAs(quiet, 'admin');
      const created = await a.inject('POST', '/api/users', { email: 'ole@dfh.dk', name: 'Ole', role: 'viewer' });
      expect(created.statusCode).toBe(400);
      expect(created.json().field).toBe('password');
    } finally {
      await quiet.close();
    }
  });
});

describe('a dead SMTP server', () => {
  it('does not hold up the request; the failure is logged and the mail sent when the server is back', async () => {
    const port = await deadPort();
    const lines: string[] = [];
    const log = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const { app: lonely, databasePath: path } = await buildTestApp(
      { publicUrl: PUBLIC_URL, mail: { smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: 'vv@example.dk' }, clock: clock.now },
      { level: 'info', stream: log },
    );
    let revived: MailServer | null = null;
    try {
      await loginAs(lonely, 'viewer', 'vera@vv.test');
      const started = Date.now();
      expect((await lonely.inject({ method: 'POST', url: '/api/auth/forgot', payload: { email: 'vera@vv.test' } })).statusCode).toBe(202);
      expect(Date.now() - started).toBeLessThan(1000);
      const failure = (await waitFor(() => lines.find((line) => line.includes('mail not sent; trying again later')), { what: 'the logged failure' }))!;
      expect(JSON.parse(failure)).toMatchObject({ attempts: 1, retryAt: '2026-01-10T10:01:00.000Z' });
      expect(failure).toMatch(/ECONNREFUSED/);
      const db = new Sqlite(path, { readonly: true });
      expect(db.prepare('SELECT attempts, sent_at, failed_at, next_attempt_at FROM mail_outbox').all()).toEqual([
        { attempts: 1, sent_at: null, failed_at: null, next_attempt_at: '2026-01-10T10:01:00.000Z' },
      ]);

      // Not yet due: nothing is tried.
      expect(await lonely.outreach.outbox!.deliver()).toEqual({ sent: 0, failed: 0 });
      revived = await startMailServer(port);
      clock.advance(60_000);
      expect(await lonely.outreach.outbox!.deliver()).toEqual({ sent: 1, failed: 0 });
      expect(revived.received).toHaveLength(1);
      expect(db.prepare('SELECT attempts, sent_at IS NOT NULL AS sent FROM mail_outbox').get()).toEqual({ attempts: 1, sent: 1 });
      db.close();
      // The link survived the wait (in memory) and works.
      const token = tokenIn(revived.received[0]);
      expect((await lonely.inject({ method: 'POST', url: '/api/auth/token', payload: { token } })).statusCode).toBe(200);
      expect(lines.join('')).not.toContain(token);
    } finally {
      await lonely.close();
      await revived?.close();
    }
  });
});
