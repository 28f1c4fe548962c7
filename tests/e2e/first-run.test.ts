/**
 * A real installation's first run in the browser: no accounts, no quarters. The login page says how
 * to create the first administrator; after logging in, the empty dashboard leads to the first
 * quarter, which the administrator chooses; the dashboard then marks it as a draft.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { recordLoginFailure } from '../../db/writes/login-failures.ts';
import { createUser, findUserByEmail } from '../../db/writes/users.ts';
import { hashPassword } from '../../server/access/passwords.ts';
import { TEST_PASSWORD } from '../helper.ts';
import { logIn, SCREENSHOTS, startSession, type Session } from './browser.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession({ width: 1366, height: 768 }, { demoData: 'off' });
});
afterAll(() => session?.close());

const shot = (name: string) => session.page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('a new installation', () => {
  it('sends a visitor to the login page, which tells the first administrator what to run', async () => {
    const { page } = session;
    await page.goto(`${session.baseUrl}/`);
    const help = page.locator('[data-testid="first-account"]');
    await help.waitFor();
    await expect(help.textContent()).resolves.toContain('npm run user:create -- --email');
    await expect(help.textContent()).resolves.toContain('--role admin');
    await shot('first-run-login');
  });

  it('leads the first administrator from the empty dashboard to the first quarter, chosen by them', async () => {
    const { page } = session;
    // As `npm run user:create` would, then through the login form.
    createUser(session.app.database.db, { email: 'admin@vv.test', name: 'Anne Admin', role: 'admin', passwordHash: await hashPassword(TEST_PASSWORD) }, SYSTEM_ACTOR);
    await logIn(session, 'admin');
    await page.goto(`${session.baseUrl}/`);
    const empty = page.locator('[data-testid="no-quarters"]');
    await empty.waitFor();
    await expect(empty.locator('a[href="/import"]').textContent()).resolves.toContain('Importér en historikfil');
    await shot('first-run-dashboard');

    await empty.locator('a[href="/quarters"]').click();
    await page.click('button:has-text("Åbn det første kvartal")');
    const dialog = page.locator('[data-testid="open-dialog"]');
    await dialog.waitFor();
    const choice = dialog.locator('[data-testid="open-first-quarter"]');
    const options = await choice.locator('option').evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
    expect(options.at(-1)).toBe('2016K2');
    await choice.selectOption('2018K4');
    await shot('first-run-open-dialog');
    await dialog.locator('[data-testid="open-confirm"]').click();
    await page.waitForURL(/\/quarters\/2018K4/);

    await page.goto(`${session.baseUrl}/?quarter=2018K4`);
    const notice = page.locator('[data-testid="draft-notice"]');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('kladde');
    await expect(page.locator('[data-testid="quarter-select"] option[value="2018K4"]').textContent()).resolves.toContain('(kladde)');
    await shot('first-run-draft-dashboard');
  });

  it('shows a viewer that nothing is final yet', async () => {
    const { page } = session;
    await session.context.clearCookies();
    await logIn(session, 'viewer');
    await page.goto(`${session.baseUrl}/`);
    const empty = page.locator('[data-testid="no-quarters"]');
    await empty.waitFor();
    await expect(empty.textContent()).resolves.toContain('ingen afsluttede kvartaler');
    expect(await page.locator('[data-testid="draft-notice"]').count()).toBe(0);
  });
});

describe('the accounts page', () => {
  it('shows a delayed login, clears it, and pseudonymises a departed person', async () => {
    const { page } = session;
    await session.context.clearCookies();
    await logIn(session, 'admin');
    for (let i = 0; i < 8; i++) recordLoginFailure(session.app.database.db, '10.1.1.1', 'viewer@vv.test');
    await page.goto(`${session.baseUrl}/users`);
    const row = page.locator('tr[data-email="viewer@vv.test"]');
    await row.locator('[data-testid="login-delayed"]').waitFor();
    await shot('accounts-login-delay');
    await row.locator('button:has-text("Nulstil loginforsøg")').click();
    await row.locator('[data-testid="login-delayed"]').waitFor({ state: 'detached' });

    await row.locator('button:has-text("Spær")').click();
    await page.locator('dialog button.danger').click();
    await row.locator('button:has-text("Pseudonymisér")').click();
    await page.locator('dialog button.danger').click();
    await page.locator(`tr[data-email$="@pseudonym.invalid"]`).waitFor();
    await expect(page.locator('tr[data-email$="@pseudonym.invalid"] th').textContent()).resolves.toMatch(/Tidligere bruger \d+/);
    expect(await page.locator('tr[data-email="viewer@vv.test"]').count()).toBe(0);
    expect(findUserByEmail(session.app.database.db, 'viewer@vv.test')).toBeUndefined();
  });
});
