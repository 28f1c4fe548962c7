/**
 * Issue #9: logging in from /login?next=/%5Cevil.example/ led off-site. In Chromium, a hostile
 * `next` now lands on the app's own start page and the "continue" link stays on the site; a good
 * `next` is still followed. (The many hostile forms are checked in tests/security/open-redirect.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { createUser } from '../../db/writes/users.ts';
import { hashPassword } from '../../server/access/passwords.ts';
import { TEST_PASSWORD } from '../helper.ts';
import { logInAs, startSession, type Session } from './browser.ts';

let session: Session;
let origin: string;

beforeAll(async () => {
  session = await startSession();
  origin = new URL(session.baseUrl).origin;
  createUser(session.app.database.db, { email: 'viewer@vv.test', name: 'Test viewer', role: 'viewer', passwordHash: await hashPassword(TEST_PASSWORD) }, SYSTEM_ACTOR);
  // Requests that would leave the site are stopped, so the test can never reach another host.
  await session.context.route((url) => url.origin !== origin, (route) => route.abort());
});
afterAll(() => session?.close());

const logInFrom = (path: string) => logInAs(session, 'viewer', { from: path });

describe('logging in with a hostile next', () => {
  it.each(['/login?next=/%5Cevil.example/', '/login?next=%2F%2Fevil.example', '/login?next=/%09/evil.example'])('from %s lands on the app', async (path) => {
    await logInFrom(path);
    await session.page.waitForURL((url) => url.pathname === '/');
    expect(new URL(session.page.url()).origin).toBe(origin);
    expect(session.errors).toEqual([]);
  });

  it('offers a "continue" link on the site to someone already logged in', async () => {
    await session.page.goto(`${session.baseUrl}/login?next=/%5Cevil.example/`);
    // The link appears once the page has asked the server who is logged in.
    await session.page.waitForSelector('section.login a');
    const href = await session.page.$eval('section.login a', (a) => (a as HTMLAnchorElement).href);
    expect(href).toBe(`${origin}/`);
  });
});

it('logging in with a next on the site goes there', async () => {
  await logInFrom('/login?next=%2Fagreements');
  await session.page.waitForURL((url) => url.pathname === '/agreements');
  expect(new URL(session.page.url()).origin).toBe(origin);
});
