import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { findUserByEmail } from '../../db/writes/users.ts';
import { assignArea, loginAs, type Client } from '../helper.ts';
import { ensureOpen2019K1, focusedId, logInAs, shoot, startSession, type Session } from './browser.ts';

const MEASURES = ['refugeesWaiting', 'volunteersMissing', 'activeMatches', 'newMatches'] as const;
type Measure = (typeof MEASURES)[number];
type Numbers = Record<Measure, number | null>;
interface Recruitment {
  rows: ({ code: string; name: string; regionCode: string } & Numbers)[];
  totals: Record<Measure | 'reporting', number>;
}

let session: Session;
let page: Page;
let admin: Client;

beforeAll(async () => {
  session = await startSession();
  page = session.page;
  admin = await loginAs(session.app, 'admin', 'api-admin@vv.test');
});
afterAll(() => session?.close());

/** Logs out whoever is logged in with the page's button, then logs in through the form. */
const as = (role: Role) => logInAs(session, role, { logOut: 'button' });

async function stored(quarter = '2019K1'): Promise<Recruitment> {
  return (await admin.inject('GET', `/api/quarters/${quarter}/recruitment`)).json() as Recruitment;
}

const storedRow = async (code: string) => (await stored()).rows.find((r) => r.code === code)!;
const numbers = (row: Numbers): Numbers => Object.fromEntries(MEASURES.map((m) => [m, row[m]])) as Numbers;
const row = (code: string) => page.locator(`tr[data-code="${code}"]`);
const input = (code: string, measure: Measure) => `#recruitment-${code}-${measure}`;
const status = () => page.textContent('[data-testid="status"]');

/** The national totals line as shown: Danish numbers ("1.234") read back as numbers. */
async function shownTotals(): Promise<Record<Measure, number>> {
  return page.$$eval('[data-testid="recruitment-totals"] [data-total]', (cells) =>
    Object.fromEntries(cells.map((c) => [c.getAttribute('data-total'), Number(c.querySelector('.value')!.textContent!.replaceAll('.', ''))])),
  );
}

/** The recruitment writes the page sends from now on; `stop` ends the watch. */
function watchWrites() {
  const sent: Request[] = [];
  const listen = (request: Request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/recruitment')) sent.push(request);
  };
  page.on('request', listen);
  return { sent, stop: () => page.off('request', listen) };
}

/** Opens a quarter in the category view and switches to the recruitment numbers with the switch. */
async function openRecruitment(code: string) {
  await page.goto(`${session.baseUrl}/quarters/${code}`);
  await page.waitForSelector('[data-testid="entry-table"] tr[data-code="0860"]');
  await page.getByRole('radio', { name: 'Rekrutteringstal' }).check();
  await page.waitForSelector('[data-testid="recruitment-table"] tr[data-code="0860"]');
}

/** Chromium logs every refused request; drops the ones a test caused on purpose, and checks how many. */
function expectRefusals(status: number, count: number) {
  const refusals = session.errors.filter((e) => e.includes(`status of ${status}`));
  expect(refusals).toHaveLength(count);
  session.errors.splice(0, session.errors.length, ...session.errors.filter((e) => !refusals.includes(e)));
}

describe('recruitment figures in the quarter page', () => {
  it('shows a final quarter’s numbers read-only, with the published 991 volunteers missing nationally', async () => {
    await as('admin');
    await openRecruitment('2018K4');
    expect(new URL(page.url()).searchParams.get('view')).toBe('recruitment');
    const api = await stored('2018K4');
    expect(api.totals.volunteersMissing).toBe(991);
    expect(await shownTotals()).toEqual({
      refugeesWaiting: api.totals.refugeesWaiting,
      volunteersMissing: 991,
      activeMatches: api.totals.activeMatches,
      newMatches: api.totals.newMatches,
    });
    expect(await page.textContent('[data-testid="recruitment-reporting"]')).toContain(`${api.totals.reporting} af 98 kommuner`);
    expect(await page.locator('[data-testid="recruitment-table"] input').count()).toBe(0);
    expect(await page.locator('[data-testid="save-recruitment"]').count()).toBe(0);
    expect(await page.locator('[data-testid="totals-unsaved"]').count()).toBe(0);

    const reported = api.rows.find((r) => r.volunteersMissing !== null && r.volunteersMissing > 0)!;
    expect(await row(reported.code).locator('td.number').nth(1).textContent()).toBe(String(reported.volunteersMissing));
    await page.focus(`tr[data-code="${reported.code}"]`);
    await page.keyboard.press('ArrowDown');
    const next = api.rows[api.rows.findIndex((r) => r.code === reported.code) + 1];
    expect(await focusedId(page)).toBe(`recruitment-${next.code}`);
    await shoot(page, 'quarter-recruitment-final');

    // A link with the view in it opens the same view, in English too.
    await page.goto(`${session.baseUrl}/quarters/2018K4?view=recruitment&lang=en`);
    await page.waitForSelector('[data-testid="recruitment-table"] tr[data-code="0860"]');
    expect(await page.locator('[data-testid="recruitment-table"] thead').textContent()).toContain('Volunteers missing');
    expect(await page.textContent('[data-testid="recruitment-reporting"]')).toContain(`${api.totals.reporting} of 98 municipalities reported`);
  });

  it('takes an administrator’s numbers for two municipalities from the keyboard and saves them in one request', async () => {
    await ensureOpen2019K1(admin);
    await as('admin');
    const before = await stored();
    await openRecruitment('2019K1');
    expect(await shownTotals()).toEqual(numbers(before.totals));

    // København: all four, moving on with Tab.
    await page.click(input('0101', 'refugeesWaiting'));
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('recruitment-0101-volunteersMissing');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('30');
    await page.keyboard.press('Tab');
    await page.keyboard.type('4');
    // Frederiksberg: down to the same column, then back with Shift+Tab; refugees waiting left empty.
    await page.keyboard.press('ArrowDown');
    expect(await focusedId(page)).toBe('recruitment-0147-newMatches');
    await page.keyboard.type('2');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('18');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedId(page)).toBe('recruitment-0147-volunteersMissing');
    await page.keyboard.type('7');

    for (const code of ['0101', '0147']) expect(await row(code).getAttribute('data-state')).toBe('unsaved');
    expect(await page.textContent('[data-testid="save-recruitment"]')).toContain('Gem rekrutteringstal (2)');
    expect(await page.locator('[data-testid="totals-unsaved"]').isVisible()).toBe(true);
    const expected = {
      refugeesWaiting: before.totals.refugeesWaiting + 12,
      volunteersMissing: before.totals.volunteersMissing + 5 + 7,
      activeMatches: before.totals.activeMatches + 30 + 18,
      newMatches: before.totals.newMatches + 4 + 2,
    };
    expect(await shownTotals()).toEqual(expected);
    expect(await page.textContent('[data-testid="recruitment-totals"] [data-total="volunteersMissing"] .was')).toBe(
      `gemt: ${before.totals.volunteersMissing}`,
    );
    expect(await page.textContent('[data-testid="recruitment-reporting"]')).toContain(`${before.totals.reporting + 2} af 98`);
    expect(await stored()).toEqual(before);
    await page.locator('[data-testid="recruitment-table"]').evaluate((table) => table.closest('.table-card')!.scrollTo(0, 0));
    await shoot(page, 'quarter-recruitment-editing');

    const writes = watchWrites();
    await page.click('[data-testid="save-recruitment"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('2 kommuner gemt'));
    writes.stop();
    expect(writes.sent).toHaveLength(1);
    expect(writes.sent[0].postDataJSON()).toEqual({
      rows: [
        { code: '0101', refugeesWaiting: 12, volunteersMissing: 5, activeMatches: 30, newMatches: 4 },
        { code: '0147', refugeesWaiting: null, volunteersMissing: 7, activeMatches: 18, newMatches: 2 },
      ],
    });

    const after = await stored();
    expect(numbers(after.rows.find((r) => r.code === '0101')!)).toEqual({ refugeesWaiting: 12, volunteersMissing: 5, activeMatches: 30, newMatches: 4 });
    expect(numbers(after.rows.find((r) => r.code === '0147')!)).toEqual({ refugeesWaiting: null, volunteersMissing: 7, activeMatches: 18, newMatches: 2 });
    expect(after.rows.filter((r) => r.code !== '0101' && r.code !== '0147')).toEqual(
      before.rows.filter((r) => r.code !== '0101' && r.code !== '0147'),
    );
    expect(after.totals).toMatchObject(expected);
    expect(await shownTotals()).toEqual(numbers(after.totals));
    expect(await page.textContent('[data-testid="recruitment-reporting"]')).toContain(`${after.totals.reporting} af 98`);
    expect(await page.locator('[data-testid="totals-unsaved"]').count()).toBe(0);
    for (const code of ['0101', '0147']) expect(await row(code).getAttribute('data-state')).toBe('reported');
  });

  it('saves one row with Enter and undoes a row with Esc', async () => {
    await ensureOpen2019K1(admin);
    await as('admin');
    await openRecruitment('2019K1');
    const before = await storedRow('0151');

    await page.click(input('0151', 'volunteersMissing'));
    await page.keyboard.type('9');
    expect(await row('0151').getAttribute('data-state')).toBe('unsaved');
    await page.keyboard.press('Escape');
    expect(await page.inputValue(input('0151', 'volunteersMissing'))).toBe(before.volunteersMissing === null ? '' : String(before.volunteersMissing));
    expect(await row('0151').getAttribute('data-state')).not.toBe('unsaved');
    expect(await status()).toContain('Ændringerne i Ballerup er fortrudt');

    await page.fill(input('0151', 'volunteersMissing'), '9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');
    await page.waitForSelector('tr[data-code="0151"][data-state="reported"]');
    expect(await focusedId(page)).toBe('recruitment-0151-activeMatches');
    expect(await status()).toContain('Rekrutteringstal for Ballerup er gemt');
    expect(numbers(await storedRow('0151'))).toEqual({ ...numbers(before), volunteersMissing: 9, activeMatches: 0 });
  });

  it('refuses a negative or broken number in the browser with a message, and sends nothing', async () => {
    await ensureOpen2019K1(admin);
    await as('admin');
    await openRecruitment('2019K1');
    const before = await stored();
    const totals = await shownTotals();
    const writes = watchWrites();

    await page.click(input('0153', 'volunteersMissing'));
    await page.keyboard.type('-3');
    await page.keyboard.press('Enter');
    const detail = page.locator('[data-detail-for="0153"]');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('Manglende frivillige: tallet kan ikke være negativt');
    expect(await row('0153').getAttribute('data-state')).toBe('error');
    expect(await page.getAttribute(input('0153', 'volunteersMissing'), 'aria-invalid')).toBe('true');
    expect(await focusedId(page)).toBe('recruitment-0153-volunteersMissing');
    expect(await status()).toContain('Intet er sendt');

    await page.fill(input('0153', 'volunteersMissing'), '2,5');
    expect(await detail.textContent()).toContain('skriv et helt tal uden komma eller punktum');
    expect(await shownTotals()).toEqual(totals);
    await page.click('[data-testid="save-recruitment"]');
    expect(await status()).toContain('Intet er sendt');
    expect(await focusedId(page)).toBe('recruitment-0153-volunteersMissing');

    // Fixed, the message goes at once; undone, the row is as stored.
    await page.fill(input('0153', 'volunteersMissing'), '3');
    expect(await detail.count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await row('0153').getAttribute('data-state')).not.toBe('unsaved');
    writes.stop();
    expect(writes.sent).toHaveLength(0);
    expect(await stored()).toEqual(before);
  });

  it('shows the server’s row errors at their rows, and keeps every draft when it refuses', async () => {
    await ensureOpen2019K1(admin);
    await as('admin');
    await openRecruitment('2019K1');
    const before = await stored();
    // The browser's checks match the server's, so the refusal is staged.
    await page.route('**/api/quarters/2019K1/recruitment', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            json: {
              statusCode: 400,
              error: 'Bad Request',
              message: '1 rows have errors; nothing was saved',
              errors: [{ row: 2, code: '0157', field: 'newMatches', message: 'Nye match kan ikke overstige aktive match' }],
            },
          })
        : route.continue(),
    );
    try {
      await page.fill(input('0155', 'volunteersMissing'), '4');
      await page.fill(input('0157', 'newMatches'), '40');
      await page.click('[data-testid="save-recruitment"]');
      const detail = page.locator('[data-detail-for="0157"]');
      await detail.waitFor();
      expect(await detail.textContent()).toContain('Nye match kan ikke overstige aktive match');
      expect(await page.getAttribute(input('0157', 'newMatches'), 'aria-invalid')).toBe('true');
      expect(await row('0157').getAttribute('data-state')).toBe('error');
      expect(await row('0155').getAttribute('data-state')).toBe('unsaved');
      expect(await page.inputValue(input('0155', 'volunteersMissing'))).toBe('4');
      expect(await status()).toContain('Intet er gemt');
    } finally {
      await page.unroute('**/api/quarters/2019K1/recruitment');
    }
    expectRefusals(400, 1);
    for (const code of ['0155', '0157']) {
      await page.focus(`tr[data-code="${code}"]`);
      await page.keyboard.press('Escape');
    }
    expect(await page.locator('[data-detail-for]').count()).toBe(0);
    expect(await stored()).toEqual(before);
  });

  it('asks before leaving with unsaved numbers, and shows them on the switch in the category view', async () => {
    await ensureOpen2019K1(admin);
    await as('admin');
    await openRecruitment('2019K1');
    await page.fill(input('0159', 'refugeesWaiting'), '6');
    await page.click('nav a[href="/"]');
    const dialog = page.locator('[data-testid="leave-dialog"]');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.textContent()).toContain('en ændring, der ikke er gemt');
    await dialog.getByRole('button', { name: 'Bliv på siden' }).click();
    expect(new URL(page.url()).pathname).toBe('/quarters/2019K1');

    await page.getByRole('radio', { name: /Kategorier/ }).check();
    await page.waitForSelector('[data-testid="entry-table"]');
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    expect(await page.textContent('[data-testid="view-switch"]')).toContain('1 ikke gemt');
    await page.getByRole('radio', { name: /Rekrutteringstal/ }).check();
    expect(await page.inputValue(input('0159', 'refugeesWaiting'))).toBe('6');
    await page.focus(input('0159', 'refugeesWaiting'));
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid="save-recruitment"]').isDisabled()).toBe(true);
  });
});

describe('a regional consultant', () => {
  it('enters numbers for Nordjylland only, and sees the other municipalities read-only', async () => {
    await ensureOpen2019K1(admin);
    await as('consultant');
    assignArea(session.app, findUserByEmail(session.app.database.db, 'consultant@vv.test')!.id, 'Nordjylland');
    // The small screen, where the card scrolls and the sums cover its last rows.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${session.baseUrl}/quarters/2019K1?view=recruitment`);
    await page.waitForSelector('[data-testid="recruitment-table"] tr[data-code="0860"] input');
    expect(new URL(page.url()).searchParams.get('mine')).toBe('1');
    expect(await page.locator('[data-testid="recruitment-table"] tr[data-code]').count()).toBe(11);
    expect(await page.locator('[data-testid="recruitment-table"] tbody input').count()).toBe(44);
    const before = await storedRow('0851');
    const othersInArea = (await stored()).rows
      .filter((r) => r.regionCode === '1081' && r.code !== '0851')
      .reduce((sum, r) => sum + (r.volunteersMissing ?? 0), 0);

    // Down the column to the last row, which comes into view above the sums at the bottom of the card.
    await page.click(input('0773', 'volunteersMissing'));
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
    expect(await focusedId(page)).toBe('recruitment-0860-volunteersMissing');
    const field = (await page.locator(input('0860', 'volunteersMissing')).boundingBox())!;
    // The cells are sticky, not the row: they show where the sums are drawn.
    const sums = (await page.locator('[data-testid="recruitment-shown"] th').boundingBox())!;
    expect(field.y + field.height).toBeLessThanOrEqual(sums.y);
    await page.keyboard.press('ArrowUp');
    expect(await focusedId(page)).toBe('recruitment-0851-volunteersMissing');
    await page.keyboard.type('14');
    expect(await page.textContent('[data-testid="recruitment-shown"]')).toContain('De viste kommuner');
    // The area's own sums, with the unsaved 14 counted in.
    expect(await page.textContent('[data-testid="recruitment-shown"] [data-total="volunteersMissing"] .value')).toBe(String(othersInArea + 14));
    await shoot(page, 'quarter-recruitment-consultant');
    await page.keyboard.press('Enter');
    await page.waitForSelector('tr[data-code="0851"][data-state="reported"]');
    expect(numbers(await storedRow('0851'))).toEqual({ ...numbers(before), volunteersMissing: 14 });

    await page.uncheck('[data-testid="filter-mine"]');
    await page.waitForSelector('[data-testid="recruitment-table"] tr[data-code="0101"]');
    expect(await page.locator('[data-testid="recruitment-table"] tr[data-code]').count()).toBe(98);
    expect(await page.locator('[data-testid="recruitment-table"] tbody input').count()).toBe(44);
    expect(await row('0101').locator('input').count()).toBe(0);
    expect(await row('0101').textContent()).toContain('andet område');
    const writes = watchWrites();
    await page.focus('tr[data-code="0101"]');
    await page.keyboard.press('Enter');
    writes.stop();
    expect(writes.sent).toHaveLength(0);
    expect(await row('0101').getAttribute('data-state')).not.toBe('unsaved');
  });
});

it('raised no errors in the page', () => {
  expect(session.errors).toEqual([]);
});
