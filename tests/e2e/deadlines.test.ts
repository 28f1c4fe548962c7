/**
 * Deadlines, progress and reminders in the app (no SMTP_URL), publishing and the "Indlejr"
 * dialog, in Chromium on the real app with the app's clock set to a day in March 2019.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../db/writes/users.ts';
import { assignArea, loginAs, testClock, type Client } from '../helper.ts';
import { logInAs, openMap, openPage, SCREENSHOTS, startSession, type Session } from './browser.ts';

const PUBLIC_URL = 'https://vv.example.dk';
const clock = testClock('2019-03-22T09:00:00Z');
let session: Session;
let page: Page;
let admin: Client;

/**
 * Screenshots at the two sizes of issue #15's pages, a laptop and a phone; the page is left at the
 * laptop's. `part` is this change's own box on the page: it must not run out sideways at either.
 */
async function shootBoth(name: string, part: string): Promise<void> {
  for (const size of [{ width: 390, height: 844 }, { width: 1366, height: 768 }]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`) });
    const box = await page.locator(part).first().boundingBox();
    expect(box, `${part} at ${size.width}`).not.toBeNull();
    expect(box!.x + box!.width, `${part} runs out sideways at ${size.width}`).toBeLessThanOrEqual(size.width + 1);
  }
}

beforeAll(async () => {
  session = await startSession({ width: 1366, height: 768 }, { publicUrl: PUBLIC_URL, clock: clock.now, reminderDays: 7 });
  page = session.page;
  admin = await loginAs(session.app, 'admin', 'api-admin@vv.test');
});
afterAll(() => session?.close());

describe('the quarter page', () => {
  it('opens the next quarter with a deadline and shows the days left and the progress per area', async () => {
    await logInAs(session, 'admin');
    await openPage(session, '/quarters', '[data-testid="open-next"]');
    await page.click('[data-testid="open-next"]');
    await page.fill('[data-testid="open-deadline"]', '2019-03-29');
    await page.click('[data-testid="open-confirm"]');
    await page.waitForURL(/\/quarters\/2019K1/);
    const deadline = page.locator('[data-testid="quarter-progress"] [data-testid="deadline"]');
    await expect.poll(() => deadline.textContent()).toMatch(/Frist 29\. mar\.? 2019/);
    expect(await page.getAttribute('[data-testid="days-left"]', 'data-days')).toBe('7');
    expect(await page.textContent('[data-testid="days-left"]')).toContain('7 dage tilbage');
    expect(await page.textContent('[data-testid="progress-summary"]')).toContain('0 af 98 på plads, 98 mangler');

    await page.click('[data-testid="quarter-progress"] summary');
    const national = page.locator('[data-testid="progress-table"] tr[data-area="national"]');
    expect(await national.locator('td[data-key="remaining"]').textContent()).toBe('98');
    expect(await page.locator('[data-testid="progress-table"] tbody tr[data-area]').count()).toBeGreaterThan(1);
    expect(session.errors).toEqual([]);
    await shootBoth('quarter-progress', '[data-testid="quarter-progress"]');
  });

  it('moves the deadline from the quarter page, and the progress follows a confirmed row', async () => {
    await page.click('[data-testid="deadline-edit"]');
    await page.fill('#deadline-date', '2019-04-05');
    await page.click('[data-testid="deadline-save"]');
    await page.waitForSelector('[data-testid="deadline-dialog"]', { state: 'detached' });
    await expect.poll(() => page.getAttribute('[data-testid="days-left"]', 'data-days')).toBe('14');
    expect((await admin.inject('GET', '/api/quarters/2019K1/progress')).json().deadline).toBe('2019-04-05');

    // Aarhus keeps its category: the row is confirmed, and the counts move by one.
    const statuses = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json() as { code: string; category: number | null }[];
    const aarhus = statuses.find((s) => s.code === '0751')!;
    await page.click('tr[data-code="0751"] td.code');
    await page.keyboard.press(String(aarhus.category ?? 0));
    await page.keyboard.press('Enter');
    const national = page.locator('tr[data-area="national"]');
    await expect.poll(() => national.locator('td[data-key="remaining"]').textContent()).toBe('97');
    expect(await national.locator('td[data-key="confirmed"]').textContent()).toBe('1');
    expect((await admin.inject('GET', '/api/quarters/2019K1/progress')).json().national).toMatchObject({ confirmed: 1, remaining: 97 });
  });

  it('is refused for a date that is no date, and says why', async () => {
    const refused = await admin.inject('PUT', '/api/quarters/2019K1/deadline', { deadline: '2019-02-30' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toMatch(/deadline/);
  });
});

describe('a consultant’s start page', () => {
  let karen: Client;

  beforeAll(async () => {
    // A new quarter, nothing settled, due in a week: every municipality of Hovedstaden is remaining.
    karen = await loginAs(session.app, 'consultant', 'karen@vv.test');
    assignArea(session.app, karen.user.id, 'Hovedstaden');
    expect((await admin.inject('PUT', '/api/quarters/2019K1/deadline', { deadline: '2019-03-29' })).statusCode).toBe(200);
  });

  it('shows the reminder the mail would give, and the area’s progress with the days left', async () => {
    await logInAs(session, 'consultant', { email: 'karen@vv.test' });
    await page.waitForURL(/\/area/);
    await page.waitForSelector('[data-testid="reminders"] [data-kind="deadline_soon"]');
    const reminder = page.locator('[data-kind="deadline_soon"]');
    expect(await reminder.textContent()).toMatch(/Fristen for 1\. kvt\. 2019 er 29\. mar\.? 2019 \(om 7 dage\)/);
    const { reminders } = (await karen.inject('GET', '/api/reminders')).json();
    expect(await reminder.locator('li a').count()).toBe(Math.min(8, reminders[0].municipalities.length));
    expect(await reminder.locator('li a').first().getAttribute('href')).toBe(`/quarters/2019K1?q=${reminders[0].municipalities[0].code}`);

    const progress = page.locator('[data-testid="area-progress"]');
    await progress.waitFor();
    expect(await progress.locator('[data-testid="days-left"]').getAttribute('data-days')).toBe('7');
    const rows = await progress.locator('tbody tr[data-area] th').allTextContents();
    expect(rows).toEqual(['Hovedstaden']);
    expect(await progress.locator('tr[data-area="national"] td[data-key="remaining"]').count()).toBe(1);
    expect(session.errors).toEqual([]);
    await shootBoth('consultant-start', '[data-testid="area-progress"]');
  });

  it('shows the same reminder on the dashboard', async () => {
    await openMap(session, '', '[data-testid="reminders"]');
    expect(await page.locator('[data-testid="reminders"] [data-kind="deadline_soon"]').count()).toBe(1);
  });

  it('turns reminders off on "Min konto", and the start page shows none', async () => {
    await openPage(session, '/account', '[data-testid="reminders-switch"]');
    expect(await page.isChecked('[data-testid="reminders-switch"]')).toBe(true);
    await page.click('[data-testid="reminders-switch"]');
    await page.waitForSelector('[data-testid="reminder-settings"] [role="status"]');
    expect(findUserByEmail(session.app.database.db, 'karen@vv.test')?.reminders).toBe(false);
    await shootBoth('account-reminders', '[data-testid="reminder-settings"]');

    await openPage(session, '/area', '[data-testid="area-progress"]');
    expect(await page.locator('[data-testid="reminders"]').count()).toBe(0);
    expect((await karen.inject('GET', '/api/reminders')).json().reminders).toEqual([]);
  });
});

describe('the "Indlejr" dialog', () => {
  it('publishes a final quarter, gives the iframe code with PUBLIC_URL, and withdraws it', async () => {
    await logInAs(session, 'admin');
    await openMap(session, '?quarter=2018K4', '[data-testid="embed-button"]');
    await page.click('[data-testid="embed-button"]');
    const dialog = page.locator('[data-testid="embed-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('li[data-quarter="2018K4"]').getAttribute('data-published')).toBe('no');
    expect(await dialog.locator('[data-testid="embed-code"]').count()).toBe(0);

    await dialog.locator('[data-testid="publish"]').click();
    await dialog.locator('li[data-quarter="2018K4"][data-published="yes"]').waitFor();
    const code = await dialog.locator('[data-testid="embed-code"]').inputValue();
    expect(code).toBe(
      `<iframe src="${PUBLIC_URL}/embed/map/2018K4" title="Venner Viser Vej: Kortet over 4. kvt. 2018" style="width:100%;border:0" height="620" loading="lazy"></iframe>`,
    );
    expect((await session.app.inject({ method: 'GET', url: '/api/published/2018K4' })).statusCode).toBe(200);
    expect(session.errors).toEqual([]);
    await shootBoth('embed-dialog', '[data-testid="embed-dialog"]');

    await dialog.locator('[data-testid="withdraw"]').click();
    await dialog.locator('li[data-quarter="2018K4"][data-published="no"]').waitFor();
    expect(await dialog.locator('[data-testid="embed-code"]').count()).toBe(0);
    expect((await session.app.inject({ method: 'GET', url: '/api/published/2018K4' })).statusCode).toBe(404);
  });

  it('offers no publishing to a draft quarter, and no code for it', async () => {
    await page.keyboard.press('Escape');
    await openMap(session, '?quarter=2019K1', '[data-testid="embed-button"]');
    await page.click('[data-testid="embed-button"]');
    const dialog = page.locator('[data-testid="embed-dialog"]');
    await dialog.waitFor();
    expect(await dialog.locator('li[data-quarter="2019K1"]').textContent()).toContain('kun et afsluttet kvartal kan offentliggøres');
    expect(await dialog.locator('[data-testid="publish"]').count()).toBe(0);
    expect(await dialog.locator('[data-testid="embed-code"]').count()).toBe(0);
  });
});
