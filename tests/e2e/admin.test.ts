import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Client } from '../helper.ts';
import { downloaded, launchBrowser, logIn, SCREEN_SIZES, SCREENSHOTS, shoot, startSession, type Session } from './browser.ts';

const CONSULTANT = { name: 'Karen Konsulent', email: 'karen@vv.test' };
const NEW_PASSWORD = 'fyrretræ-og-grankogle';

let session: Session;
let admin: Client;
/** A second browser, so the consultant has a session of their own while the admin works. */
let otherBrowser: Browser;

beforeAll(async () => {
  session = await startSession();
  admin = await loginAs(session.app, 'admin');
  // The demo data ends with the final 2018K4; the imports need an open quarter.
  const opened = await admin.inject('POST', '/api/quarters');
  if (opened.statusCode !== 201) throw new Error(`could not open 2019K1: ${opened.body}`);
  await logIn(session, 'admin');
  otherBrowser = await launchBrowser();
});
afterAll(async () => {
  await otherBrowser?.close();
  await session?.close();
});

async function statuses(quarter: string): Promise<{ code: string; category: number | null; reason: string | null; note: string | null }[]> {
  return (await admin.inject('GET', `/api/quarters/${quarter}/statuses`)).json();
}

/** Chromium logs every refused request as a console error; the ones these tests provoke are expected. */
function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|401|409)/.test(e));
}

describe('accounts: create, change own password, disable', () => {
  let password = '';
  let consultantPage: Page;
  const consultantErrors: string[] = [];

  it('lets the admin create a consultant with a generated password', async () => {
    const { page } = session;
    await page.goto(`${session.baseUrl}/users`);
    await page.waitForSelector('[data-testid="accounts"] tbody tr');
    await page.fill('#new-name', CONSULTANT.name);
    await page.fill('#new-email', CONSULTANT.email);
    await page.selectOption('#new-role', 'consultant');
    await page.getByRole('button', { name: 'Lav en stærk adgangskode' }).click();
    password = (await page.textContent('[data-testid="generated-password"]'))!.trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(await page.inputValue('#new-password')).toBe(password);
    await page.click('[data-testid="create-account"] button[type="submit"]');

    const row = page.locator(`tr[data-email="${CONSULTANT.email}"]`);
    await row.waitFor();
    await expect(row.locator('select').inputValue()).resolves.toBe('consultant');
    await expect(row.textContent()).resolves.toContain('Aktiv');
    await expect(page.textContent('[data-testid="create-account"] + div')).resolves.toContain('Kontoen for Karen Konsulent er oprettet');
    // The password is shown once: after creating, the box is gone and the field is empty.
    expect(await page.locator('[data-testid="generated-password"]').count()).toBe(0);
    expect(await page.inputValue('#new-password')).toBe('');
    await shoot(page, 'users', { fullPageAt: 1366 });
  });

  it('refuses a too short first password in the browser', async () => {
    const { page } = session;
    await page.fill('#new-name', 'Kort Kode');
    await page.fill('#new-email', 'kort@vv.test');
    await page.fill('#new-password', 'kort');
    await page.click('[data-testid="create-account"] button[type="submit"]');
    await expect(page.textContent('#new-password-error')).resolves.toContain('mindst 10 tegn');
    const users = (await admin.inject('GET', '/api/users')).json() as { email: string }[];
    expect(users.map((u) => u.email)).not.toContain('kort@vv.test');
  });

  it('shows the server’s refusal when the admin tries to disable themself', async () => {
    const { page } = session;
    await page.locator('tr[data-email="admin@vv.test"]').getByRole('button', { name: 'Spær' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Spær kontoen' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('du kan ikke spærre din egen konto');
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await expect(dialog.count()).resolves.toBe(0);
    const me = ((await admin.inject('GET', '/api/users')).json() as { email: string; disabled: boolean }[]).find((u) => u.email === 'admin@vv.test');
    expect(me?.disabled).toBe(false);
  });

  it('lets the consultant log in elsewhere and change their password', async () => {
    const context = await otherBrowser.newContext({ viewport: SCREEN_SIZES[0] });
    consultantPage = await context.newPage();
    consultantPage.on('pageerror', (error) => consultantErrors.push(String(error)));
    consultantPage.on('console', (message) => message.type() === 'error' && consultantErrors.push(message.text()));
    await consultantPage.goto(`${session.baseUrl}/login`);
    await consultantPage.fill('input[name="email"]', CONSULTANT.email);
    await consultantPage.fill('input[name="password"]', password);
    await consultantPage.click('button[type="submit"]');
    await consultantPage.waitForSelector('button.logout');

    await consultantPage.click('a.user');
    await expect(consultantPage.textContent('[data-testid="account-name"]')).resolves.toBe(CONSULTANT.name);
    await expect(consultantPage.textContent('.page dl')).resolves.toContain('Regional konsulent');

    // A wrong current password: the server's message is shown and the password stays the same.
    await consultantPage.fill('#current-password', 'not the password');
    await consultantPage.fill('#new-password', NEW_PASSWORD);
    await consultantPage.fill('#repeat-password', NEW_PASSWORD);
    await consultantPage.click('[data-testid="change-password"] button[type="submit"]');
    await expect(consultantPage.getByRole('alert').textContent()).resolves.toContain('er ikke din nuværende adgangskode');

    // A repeat that differs is caught in the browser.
    await consultantPage.fill('#current-password', password);
    await consultantPage.fill('#repeat-password', `${NEW_PASSWORD}x`);
    await expect(consultantPage.textContent('#repeat-problem')).resolves.toContain('ikke ens');
    await consultantPage.fill('#repeat-password', NEW_PASSWORD);
    // Editing clears the server's earlier refusal.
    expect(await consultantPage.getByRole('alert').count()).toBe(0);
    await consultantPage.click('[data-testid="change-password"] button[type="submit"]');
    await consultantPage.getByRole('status').filter({ hasText: 'adgangskode er skiftet' }).waitFor();
    expect(await consultantPage.inputValue('#current-password')).toBe('');
    await shoot(consultantPage, 'account', { fullPageAt: 1366 });

    const login = await session.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: CONSULTANT.email, password: NEW_PASSWORD } });
    expect(login.statusCode).toBe(200);
  });

  it('logs the consultant out when the admin disables the account', async () => {
    const { page } = session;
    await page.goto(`${session.baseUrl}/users`);
    const row = page.locator(`tr[data-email="${CONSULTANT.email}"]`);
    await row.getByRole('button', { name: 'Spær' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.textContent()).resolves.toContain('Spær Karen Konsulent?');
    await page.screenshot({ path: join(SCREENSHOTS, 'users-disable-dialog-1920.png') });
    await dialog.getByRole('button', { name: 'Spær kontoen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(row.textContent()).resolves.toContain('Spærret');

    // The consultant's next request answers 401, and the page turns into the login form.
    await consultantPage.fill('#current-password', NEW_PASSWORD);
    await consultantPage.fill('#new-password', `${NEW_PASSWORD}-2`);
    await consultantPage.fill('#repeat-password', `${NEW_PASSWORD}-2`);
    const answer = consultantPage.waitForResponse('**/api/auth/password');
    await consultantPage.click('[data-testid="change-password"] button[type="submit"]');
    expect((await answer).status()).toBe(401);
    await consultantPage.waitForSelector('input[name="email"]');
    expect(await consultantPage.locator('button.logout').count()).toBe(0);
    expect(unexpected(consultantErrors)).toEqual([]);
    await consultantPage.context().close();
  });

  it('lists those changes in the log, and narrows them by user through the URL', async () => {
    const { page } = session;
    await page.goto(`${session.baseUrl}/audit`);
    const log = page.locator('[data-testid="audit-log"]');
    await log.locator('tbody tr').first().waitFor();
    const text = await log.textContent();
    expect(text).toContain('Bruger Karen Konsulent (karen@vv.test) oprettet som Regional konsulent');
    expect(text).toContain('Karen Konsulent (karen@vv.test) skiftede sin adgangskode');
    expect(text).toContain('Bruger Karen Konsulent (karen@vv.test) spærret');
    expect(text).toContain('Kvartal 2019K1 åbnet med 98 kategorier overført fra 2018K4');
    const allRows = await log.locator('tbody tr[data-id]').count();

    // Newest first: the disabling comes before the creation.
    const sentences = await log.locator('tbody tr[data-id] .what').allTextContents();
    const created = sentences.findIndex((s) => s.includes('oprettet som Regional konsulent'));
    const disabled = sentences.findIndex((s) => s.includes('spærret'));
    expect(disabled).toBeLessThan(created);

    // The disabling's detail shows the old and new value.
    const disableRow = log.locator('tbody tr[data-id]', { hasText: 'spærret' });
    await disableRow.getByRole('button', { name: /Vis ændring/ }).click();
    const detail = log.locator('.detail-row');
    await expect(detail.textContent()).resolves.toMatch(/Spærret\s*Nej\s*Ja/);
    await shoot(page, 'audit', { fullPageAt: 1366 });

    const users = (await admin.inject('GET', '/api/users')).json() as { id: number; email: string }[];
    const karen = users.find((u) => u.email === CONSULTANT.email)!;
    await page.selectOption('#filter-user', String(karen.id));
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('user') === String(id), karen.id);
    await page.waitForFunction(() => !document.querySelector('[data-testid="audit-log"].stale, section[aria-busy="true"]'));
    const narrowed = await log.locator('tbody tr[data-id] .what').allTextContents();
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThan(allRows);
    expect(narrowed.every((s) => s.includes('skiftede sin adgangskode'))).toBe(true);

    // The link reopens the same view.
    await page.goto(page.url());
    await log.locator('tbody tr[data-id]').first().waitFor();
    expect(await page.inputValue('#filter-user')).toBe(String(karen.id));
    expect(await log.locator('tbody tr[data-id]').count()).toBe(narrowed.length);
  });
});

describe('import and export', () => {
  async function openImport() {
    await session.page.goto(`${session.baseUrl}/import`);
    await session.page.waitForSelector('[data-testid="import-quarter"] option[value="2019K1"]', { state: 'attached' });
  }

  async function upload(name: string, csv: string, quarter: string | null) {
    const { page } = session;
    if (quarter) {
      await page.check('input[name="quarter-mode"][value="chosen"]');
      await page.selectOption('[data-testid="import-quarter"]', quarter);
    }
    await page.setInputFiles('#import-file', { name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Se ændringerne' }).click();
  }

  it('previews a CSV for the open quarter, saves it on confirmation, and the API has the values', async () => {
    const { page } = session;
    const before = new Map((await statuses('2019K1')).map((s) => [s.code, s]));
    const copenhagen = before.get('0101')!.category === 1 ? 2 : 1;
    const aarhus = before.get('0751')!.category!;
    const csv = [
      'kommunekode;kommune;kategori;årsag;note',
      `0101;København;${copenhagen};Nyt samarbejde etableret;Ny aftale med forvaltningen`,
      `751;Aarhus;${aarhus};;Ny aktivitetsleder fra marts`,
    ].join('\r\n');

    await openImport();
    await upload('kvartal-2019K1.csv', csv, '2019K1');
    const preview = page.locator('[data-testid="import-preview"]');
    await preview.waitFor();
    await expect(page.textContent('[data-testid="count-changed"]')).resolves.toBe('2');
    const copenhagenRow = preview.locator('tr[data-code="0101"]');
    await expect(copenhagenRow.textContent()).resolves.toContain('Nyt samarbejde etableret');
    await expect(copenhagenRow.locator('.swatch').count()).resolves.toBe(2);
    await expect(preview.locator('tr[data-code="0751"]').textContent()).resolves.toContain('Ny aktivitetsleder fra marts');
    await shoot(page, 'import-preview', { fullPageAt: 1366 });

    // Nothing is written before the confirmation.
    expect((await statuses('2019K1')).find((s) => s.code === '0101')!.category).toBe(before.get('0101')!.category);

    await page.click('[data-testid="import-commit"]');
    await page.locator('[data-testid="import-done"]').waitFor();
    await expect(page.textContent('[data-testid="import-done"]')).resolves.toContain('2 vurderinger gemt');
    await page.screenshot({ path: join(SCREENSHOTS, 'import-done-1920.png') });

    const after = new Map((await statuses('2019K1')).map((s) => [s.code, s]));
    expect(after.get('0101')).toMatchObject({ category: copenhagen, reason: 'new_cooperation', note: 'Ny aftale med forvaltningen' });
    expect(after.get('0751')).toMatchObject({ category: aarhus, note: 'Ny aktivitetsleder fra marts' });
    expect(after.get('0147')).toEqual(before.get('0147'));
  });

  it('shows every error of a bad CSV at its line, and writes nothing', async () => {
    const { page } = session;
    const before = await statuses('2019K1');
    const csv = ['kommunekode;kategori;note', '0101;1;', '9999;1;', '0147;lilla;', '0153;gul;'].join('\n');
    await openImport();
    await upload('forkert.csv', csv, '2019K1');
    const rejected = page.locator('[data-testid="import-rejected"]');
    await rejected.waitFor();
    await expect(rejected.textContent()).resolves.toContain('Intet er gemt');
    const errors = page.locator('[data-testid="import-errors"] tbody tr');
    await expect(errors.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line')))).resolves.toEqual(
      expect.arrayContaining(['3', '4']),
    );
    await expect(page.locator('[data-testid="import-errors"] tr[data-line="3"]').textContent()).resolves.toContain('9999');
    await expect(page.locator('[data-testid="import-errors"] tr[data-line="4"]').textContent()).resolves.toContain('kategori');
    await shoot(page, 'import-errors', { fullPageAt: 1366 });
    expect(await statuses('2019K1')).toEqual(before);
  });

  it('offers a new preview when the data changed between preview and confirmation', async () => {
    const { page } = session;
    const current = (await statuses('2019K1')).find((s) => s.code === '0153')!;
    const next = current.category === 1 ? 2 : 1;
    await openImport();
    await upload('kvartal.csv', `kommunekode;kategori;årsag\n0153;${next};For få frivillige\n`, '2019K1');
    await page.locator('[data-testid="import-preview"]').waitFor();

    const version = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json().find((s: { code: string }) => s.code === '0153').version;
    const write = await admin.inject('PUT', '/api/quarters/2019K1/statuses/0153', { category: current.category, note: 'samtidig ændring', version });
    expect(write.statusCode).toBe(200);

    await page.click('[data-testid="import-commit"]');
    const conflict = page.locator('[data-testid="import-conflict"]');
    await conflict.waitFor();
    expect((await statuses('2019K1')).find((s) => s.code === '0153')!.category).toBe(current.category);
    await conflict.getByRole('button', { name: 'Se ændringerne igen' }).click();
    await page.locator('[data-testid="import-preview"]').waitFor();
    await page.click('[data-testid="import-commit"]');
    await page.locator('[data-testid="import-done"]').waitFor();
    expect((await statuses('2019K1')).find((s) => s.code === '0153')).toMatchObject({ category: next, note: 'samtidig ændring' });
  });

  it('downloads a CSV export that begins with the UTF-8 byte order mark', async () => {
    const { page } = session;
    await openImport();
    await shoot(page, 'import', { fullPageAt: 1366 });
    await page.selectOption('#export-from', '2018K3');
    await page.selectOption('#export-to', '2019K1');
    const { name, bytes } = await downloaded(page, () => page.click('[data-testid="export-csv"]'));
    expect(name).toBe('vv-monitor-2018K3-2019K1-demodata.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^kvartal;kommunekode;kommune/);
    expect(lines).toHaveLength(1 + 3 * 98);
  });

  it('tells the imported changes in words in the log', async () => {
    const { page } = session;
    await page.goto(`${session.baseUrl}/audit?municipality=0101&quarter=2019K1`);
    const log = page.locator('[data-testid="audit-log"]');
    await log.locator('tbody tr[data-id]').first().waitFor();
    const sentences = await log.locator('tbody tr[data-id] .what').allTextContents();
    expect(sentences.some((s) => /Kategori for København \(0101\) i 1\. kvt\. 2019:\s*(Grøn\s*→\s*Gul|Gul\s*→\s*Grøn)/.test(s))).toBe(true);
    expect(await page.inputValue('#filter-municipality')).toBe('0101');
    expect(await page.inputValue('#filter-quarter')).toBe('2019K1');
    await expect(log.textContent()).resolves.toContain('Nyt samarbejde etableret');

    await page.goto(`${session.baseUrl}/audit`);
    await log.locator('tbody tr[data-id]').first().waitFor();
    await expect(log.textContent()).resolves.toContain('Filen kvartal-2019K1.csv importeret: 2 af 2 rækker gav en ændring');
    await log.locator('tbody tr[data-id]', { hasText: 'København (0101)' }).first().getByRole('button', { name: /Vis ændring/ }).click();
    await shoot(page, 'audit-import', { fullPageAt: 1366 });
  });
});

describe('the log with many entries', () => {
  it('pages through them, and keeps the page in the link', async () => {
    type Row = { code: string; category: number | null; reason: string | null; reasonText: string | null; version: number };
    const current = ((await admin.inject('GET', '/api/quarters/2019K1/statuses')).json() as Row[]).slice(0, 60);
    const write = await admin.inject('PUT', '/api/quarters/2019K1/statuses', {
      rows: current.map(({ code, category, reason, reasonText, version }) => ({ code, category, reason, reasonText, note: 'Gennemgået på regionsmøde', version })),
    });
    expect(write.statusCode, write.body).toBe(200);

    const { page } = session;
    await page.goto(`${session.baseUrl}/audit?quarter=2019K1`);
    const log = page.locator('[data-testid="audit-log"]');
    await log.locator('tbody tr[data-id]').first().waitFor();
    expect(await log.locator('tbody tr[data-id]').count()).toBe(50);
    const total = Number((await page.textContent('[data-testid="audit-range"]'))!.match(/af ([\d.]+)/)![1].replace('.', ''));
    expect(total).toBeGreaterThan(60);
    const firstPage = await log.locator('tbody tr[data-id]').first().getAttribute('data-id');

    await page.getByRole('navigation', { name: 'Sider i loggen' }).getByRole('button', { name: /Ældre/ }).click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === '2');
    await expect(page.locator('[data-testid="audit-range"]', { hasText: 'Viser 51–' }).count()).resolves.toBe(1);
    expect(await log.locator('tbody tr[data-id]').count()).toBe(Math.min(50, total - 50));
    expect(await log.locator('tbody tr[data-id]').first().getAttribute('data-id')).not.toBe(firstPage);
    expect(new URL(page.url()).searchParams.get('quarter')).toBe('2019K1');
  });
});

describe('the admin pages', () => {
  it('raised no errors in the page', () => {
    expect(unexpected(session.errors)).toEqual([]);
  });
});
