/**
 * Mail through a real SMTP server started in the test (smtp-server on 127.0.0.1): an invitation
 * from the users page and "Glemt adgangskode" from the login page, each link opened in Chromium to
 * choose a password, and a deadline reminder from the scheduler's job.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignArea, loginAs, testClock } from '../helper.ts';
import { startMailServer, type MailServer, type ReceivedMail } from '../mail-server.ts';
import { waitFor } from '../wait-for.ts';
import { logInAs, openPage, SCREENSHOTS, startSession, type Session } from './browser.ts';

const PUBLIC_URL = 'https://vv.example.dk';
const NEW_PASSWORD = 'a brand new pass phrase';
const clock = testClock('2019-03-22T09:00:00Z');
let smtp: MailServer;
let session: Session;
let page: Page;

beforeAll(async () => {
  smtp = await startMailServer();
  session = await startSession({ width: 1366, height: 768 }, { publicUrl: PUBLIC_URL, mail: { smtpUrl: smtp.url, from: 'VV Monitor <vv@example.dk>' }, clock: clock.now });
  page = session.page;
});
afterAll(async () => {
  await session?.close();
  await smtp?.close();
});

/** The mail to an address, once it has arrived. */
const mailTo = (address: string) =>
  waitFor(() => smtp.received.find((mail) => mail.to.includes(address)), { what: `mail to ${address}` }) as Promise<ReceivedMail>;

/** The token of the link a mail carries, opened on this test's server instead of PUBLIC_URL. */
function linkIn(text: string): string {
  const link = new RegExp(`${PUBLIC_URL}(/password#token=[A-Za-z0-9_-]+)`).exec(text);
  expect(link, text).not.toBeNull();
  return `${session.baseUrl}${link![1]}`;
}

async function choosePassword(link: string, screenshot?: string): Promise<void> {
  await page.goto('about:blank');
  await session.context.clearCookies();
  await page.goto(link);
  await page.waitForSelector('#link-password');
  expect(new URL(page.url()).hash).toBe('');
  if (screenshot) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, `${screenshot}-390.png`) });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(SCREENSHOTS, `${screenshot}-1366.png`) });
  }
  await page.fill('#link-password', NEW_PASSWORD);
  await page.fill('#link-repeat', NEW_PASSWORD);
  await page.click('[data-testid="password-page"] button[type="submit"]');
  await page.waitForSelector('button.logout');
}

describe('an invitation instead of a password handed over', () => {
  it('creates the account from the users page, mails the link, and the person chooses a password and is logged in', async () => {
    await logInAs(session, 'admin');
    await openPage(session, '/users', '[data-testid="create-account"]');
    expect(await page.isChecked('[data-testid="how-invite"]')).toBe(true);
    expect(await page.locator('#new-password').count()).toBe(0);
    await page.fill('#new-name', 'Vera Viser');
    await page.fill('#new-email', 'vera@vv.test');
    await page.selectOption('#new-role', 'viewer');
    await page.click('[data-testid="create-account"] button[type="submit"]');
    await page.waitForSelector('text=en invitation er sendt til vera@vv.test');
    await page.waitForSelector('tr[data-email="vera@vv.test"] [data-testid="invitation-pending"]');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, 'users-invite-390.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(SCREENSHOTS, 'users-invite-1366.png') });

    const invitation = await mailTo('vera@vv.test');
    expect(invitation.subject).toBe('Invitation til VV Monitor');
    await choosePassword(linkIn(invitation.text), 'password-invite');
    expect(await page.textContent('a.user')).toContain('Vera Viser');

    // The link is spent.
    await page.goto('about:blank');
    await page.goto(linkIn(invitation.text));
    await page.waitForSelector('[data-testid="bad-link"]');
    // The server's refusal of the spent link (400) is this check's point, not a page error.
    expect(session.errors).toEqual([expect.stringContaining('400')]);
    session.errors.length = 0;
  });
});

describe('"Glemt adgangskode"', () => {
  it('answers alike for an unknown address and sends nothing there', async () => {
    await page.goto('about:blank');
    await session.context.clearCookies();
    await openPage(session, '/login', '[data-testid="forgot-open"]');
    await page.click('[data-testid="forgot-open"]');
    await page.fill('#forgot-email', 'nobody@vv.test');
    await page.click('[data-testid="forgot-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="forgot-sent"]');
    expect(await page.textContent('[data-testid="forgot-sent"]')).toContain('Hvis adressen har en konto');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, 'login-forgot-390.png') });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: join(SCREENSHOTS, 'login-forgot-1366.png') });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.filter((mail) => mail.to.includes('nobody@vv.test'))).toEqual([]);
  });

  it('mails a link to a known address; the link sets a new password that logs in', async () => {
    await openPage(session, '/login', '[data-testid="forgot-open"]');
    await page.fill('input[name="email"]', 'vera@vv.test');
    await page.click('[data-testid="forgot-open"]');
    expect(await page.inputValue('#forgot-email')).toBe('vera@vv.test');
    smtp.received.length = 0;
    await page.click('[data-testid="forgot-form"] button[type="submit"]');
    await page.waitForSelector('[data-testid="forgot-sent"]');
    const reset = await mailTo('vera@vv.test');
    expect(reset.subject).toBe('Ny adgangskode til VV Monitor');
    await choosePassword(linkIn(reset.text));
    const login = await session.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'vera@vv.test', password: NEW_PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(session.errors).toEqual([]);
  });

  it('is not offered when the server sends no mail', async () => {
    const quiet = await startSession({ width: 1366, height: 768 });
    try {
      await openPage(quiet, '/login', 'input[name="email"]');
      expect(await quiet.page.locator('[data-testid="forgot-open"]').count()).toBe(0);
    } finally {
      await quiet.close();
    }
  });
});

describe('a deadline reminder by mail', () => {
  it('reaches the consultant through the SMTP server, and its link opens the municipality on the quarter page', async () => {
    const admin = await loginAs(session.app, 'admin', 'api-admin@vv.test');
    const karen = await loginAs(session.app, 'consultant', 'karen@vv.test');
    assignArea(session.app, karen.user.id, 'Fyn');
    expect((await admin.inject('POST', '/api/quarters', { deadline: '2019-03-29' })).statusCode).toBe(201);
    smtp.received.length = 0;
    expect(session.app.outreach.runReminders()).toBeGreaterThan(0);
    const reminder = await mailTo('karen@vv.test');
    expect(reminder.subject).toMatch(/^VV Monitor: 10 kommuner mangler i 1\. kvt\. 2019, frist /);
    const link = new RegExp(`${PUBLIC_URL}(/quarters/2019K1\\?q=(\\d{4}))`).exec(reminder.text);
    expect(link, reminder.text).not.toBeNull();

    await logInAs(session, 'consultant', { email: 'karen@vv.test' });
    await openPage(session, link![1], `tr[data-code="${link![2]}"]`);
    expect(await page.locator('tbody tr[data-code]').count()).toBe(1);
  });
});
