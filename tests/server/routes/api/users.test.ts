import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs } from '../../../helper.ts';

let app: FastifyInstance;
beforeEach(async () => {
  ({ app } = await buildTestApp({ anonymousRead: 'off' }));
});
afterEach(() => app.close());


describe('account administration', () => {
  it('creates, lists and re-roles accounts, and audits each change without the password', async () => {
    const admin = await loginAs(app, 'admin');
    const created = await admin.inject('POST', '/api/users', {
      email: 'Mette@DRC.dk',
      name: 'Mette Jensen',
      role: 'consultant',
      password: 'a long first password',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'mette@drc.dk', role: 'consultant', disabled: false });
    const duplicate = await admin.inject('POST', '/api/users', { email: 'mette@drc.dk', name: 'M', role: 'viewer', password: 'a long first password' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().message).toMatch(/already has an account/);
    const renamed = await admin.inject('PATCH', `/api/users/${created.json().id}`, { role: 'viewer' });
    expect(renamed.json().role).toBe('viewer');
    const listed = (await admin.inject('GET', '/api/users')).json();
    expect(listed.map((u: { email: string }) => u.email)).toContain('mette@drc.dk');
    const audit = app.database.sqlite.prepare("SELECT new_value FROM audit_log WHERE entity = 'user'").pluck().all().join(' ');
    expect(audit).toContain('mette@drc.dk');
    expect(audit).not.toContain('a long first password');
    expect(audit).not.toContain('argon2');
  });

  it('will not let an administrator disable or demote themself', async () => {
    const admin = await loginAs(app, 'admin');
    const answer = await admin.inject('PATCH', `/api/users/${admin.user.id}`, { disabled: true });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toMatch(/cannot disable your own account/);
  });

  it('answers 404 for an unknown user and 400 for an empty change', async () => {
    const admin = await loginAs(app, 'admin');
    expect((await admin.inject('PATCH', '/api/users/9999', { name: 'X' })).statusCode).toBe(404);
    expect((await admin.inject('PATCH', '/api/users/1', {})).statusCode).toBe(400);
    expect((await admin.inject('PATCH', '/api/users/abc', { name: 'X' })).statusCode).toBe(400);
  });
});
