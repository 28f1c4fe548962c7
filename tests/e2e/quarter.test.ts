import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { findUserByEmail } from '../../db/writes/users.ts';
import { assignArea, loginAs, type Client } from '../helper.ts';
import { ensureOpen2019K1, focusedId, logIn, logInAs, shoot, startSession, type Session } from './browser.ts';

let session: Session;
let page: Page;
let admin: Client;
/** 2018K4's category per municipality: the "previous quarter" of 2019K1. */
let previous: Record<string, number | null>;

beforeAll(async () => {
  session = await startSession();
  page = session.page;
  admin = await loginAs(session.app, 'admin', 'api-admin@vv.test');
  const rows = (await admin.inject('GET', '/api/quarters/2018K4/statuses')).json() as { code: string; category: number | null }[];
  previous = Object.fromEntries(rows.map((r) => [r.code, r.category]));
});
afterAll(() => session?.close());

/** Logs out whoever is logged in with the page's button, then logs in through the form. */
const as = (role: Role) => logInAs(session, role, { logOut: 'button' });

async function quarterState(code: string): Promise<string | undefined> {
  const quarters = (await admin.inject('GET', '/api/quarters')).json() as { code: string; state: string }[];
  return quarters.find((q) => q.code === code)?.state;
}

async function stored(code: string) {
  const rows = (await admin.inject('GET', '/api/quarters/2019K1/statuses')).json() as {
    code: string;
    category: number | null;
    reason: string | null;
    reasonText: string | null;
    note: string | null;
    carriedOver: boolean;
    version: number;
  }[];
  return rows.find((r) => r.code === code)!;
}

const row = (code: string) => page.locator(`tr[data-code="${code}"]`);
/** A category that differs from last quarter's. */
const other = (code: string) => (previous[code] === 3 ? 2 : 3);

async function openQuarterPage(code: string) {
  await page.goto(`${session.baseUrl}/quarters/${code}`);
  await page.waitForSelector('tr[data-code="0860"]');
}

describe('an administrator enters a quarter from start to finish', () => {
  it('goes from /quarters to the newest quarter and opens the next one with the button', async () => {
    await as('admin');
    await page.goto(`${session.baseUrl}/quarters`);
    await page.waitForURL(/\/quarters\/2018K4$/);
    await page.waitForSelector('[data-testid="final-notice"]');
    expect(await page.textContent('[data-testid="quarter-state"]')).toBe('Afsluttet');
    expect(await page.locator('[data-testid="entry-table"] [data-choice]').count()).toBe(0);

    await page.click('[data-testid="open-next"]');
    const dialog = page.locator('[data-testid="open-dialog"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('4. kvt. 2018');
    await page.click('[data-testid="open-confirm"]');
    await page.waitForURL(/\/quarters\/2019K1$/);
    await page.waitForSelector('tr[data-code="0101"] [data-choice]');
    expect(await page.textContent('[data-testid="quarter-state"]')).toBe('Åbent');
    expect(await page.textContent('[data-testid="progress"]')).toBe('0 af 98 vurderet');
    expect(await page.locator('tr[data-state="carried"]').count()).toBe(98);
    expect(await quarterState('2019K1')).toBe('open');
  });

  it('sets rows from the keyboard, shows a missing reason at its row and saves the rest in one go', async () => {
    await openQuarterPage('2019K1');
    await page.click('tr[data-code="0101"] td.code');
    expect(await focusedId(page)).toBe('entry-0101');

    // 0147: a new category without a reason: Enter shows the error and moves to the reason.
    await page.keyboard.press('ArrowDown');
    expect(await focusedId(page)).toBe('entry-0147');
    await page.keyboard.press(String(other('0147')));
    expect(await row('0147').getAttribute('data-state')).toBe('unsaved');
    expect(await row('0147').getAttribute('class')).toContain('changed');
    await page.keyboard.press('Enter');
    await expect(page.textContent('[data-detail-for="0147"]')).resolves.toContain('Vælg en årsag');
    expect(await focusedId(page)).toBe('entry-0147-reason');
    expect(await row('0147').getAttribute('data-state')).toBe('error');
    await page.keyboard.press('Escape');
    expect(await focusedId(page)).toBe('entry-0147');

    // 0151: new category, reason chosen in the field Tab reaches first.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(String(other('0151')));
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('entry-0151-reason');
    await page.selectOption('#entry-0151-reason', 'too_few_volunteers');
    await page.keyboard.press('Escape');

    // 0153: not assessed, which needs an explanation.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('0');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('entry-0153-reasonText');
    await page.keyboard.type('Ingen kontakt med kommunen i kvartalet');
    await page.keyboard.press('Escape');

    // 0155: unchanged category, a note only.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    expect(await focusedId(page)).toBe('entry-0155-note');
    await page.keyboard.type('Ny kontaktperson fra 1. marts');
    await page.keyboard.press('Escape');

    // 0157: a change undone with Escape.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press(String(other('0157')));
    expect(await row('0157').getAttribute('data-state')).toBe('unsaved');
    await page.keyboard.press('Escape');
    expect(await row('0157').getAttribute('data-state')).toBe('carried');
    expect(await row('0157').locator('[aria-pressed="true"]').getAttribute('data-choice')).toBe(String(previous['0157']));

    expect(await page.textContent('[data-testid="save-all"]')).toContain('(4)');
    await page.locator('[data-testid="entry-table"]').evaluate((table) => table.closest('.table-card')!.scrollTo(0, 0));
    await shoot(page, 'quarter-entry-editing');

    await page.click('[data-testid="save-all"]');
    await expect(page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('3 kommuner gemt'))).resolves.toBeTruthy();
    expect(await page.textContent('[data-testid="status"]')).toContain('1 med fejl');
    expect(await row('0147').getAttribute('data-state')).toBe('error');
    expect(await focusedId(page)).toBe('entry-0147-reason');
    for (const code of ['0151', '0153', '0155']) expect(await row(code).getAttribute('data-state')).toBe('saved');
    expect(await stored('0151')).toMatchObject({ category: other('0151'), reason: 'too_few_volunteers', carriedOver: false });
    expect(await stored('0153')).toMatchObject({ category: null, reasonText: 'Ingen kontakt med kommunen i kvartalet' });
    expect(await stored('0155')).toMatchObject({ category: previous['0155'], note: 'Ny kontaktperson fra 1. marts', carriedOver: false });
    expect(await stored('0147')).toMatchObject({ category: previous['0147'], carriedOver: true });

    // The reason given, Enter in the field saves the row.
    await page.selectOption('#entry-0147-reason', 'activity_leader_change');
    expect(await row('0147').getAttribute('data-state')).toBe('unsaved');
    await page.focus('#entry-0147-reason');
    await page.keyboard.press('Enter');
    await page.waitForSelector('tr[data-code="0147"][data-state="saved"]');
    expect(await stored('0147')).toMatchObject({ category: other('0147'), reason: 'activity_leader_change' });
    expect(await page.textContent('[data-testid="progress"]')).toBe('4 af 98 vurderet');
  });

  it('will not finalise with unsettled rows, says how many and jumps to them', async () => {
    await openQuarterPage('2019K1');
    await page.click('[data-testid="finalise"]');
    const dialog = page.locator('[data-testid="finalise-dialog"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('94 kommuner er ikke afklaret');
    expect(await page.locator('[data-testid="finalise-confirm"]').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Vis de 94 kommuner' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.locator('tr[data-code]').count()).toBe(94);
    expect(new URL(page.url()).searchParams.get('unconfirmed')).toBe('1');
    expect(await focusedId(page)).toBe('entry-0101');
    expect(await quarterState('2019K1')).toBe('open');
  });

  it('confirms every unchanged carried-over row in one request', async () => {
    await openQuarterPage('2019K1');
    expect(await page.textContent('[data-testid="confirm-unchanged"]')).toContain('(94)');
    await page.click('[data-testid="confirm-unchanged"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('94 overførte'));
    expect(await page.textContent('[data-testid="progress"]')).toBe('98 af 98 vurderet');
    expect(await page.locator('tr[data-state="carried"]').count()).toBe(0);
    expect(await stored('0860')).toMatchObject({ category: previous['0860'], carriedOver: false });
  });

  it('finalises the quarter after a confirmation dialog, and shows it read-only', async () => {
    await openQuarterPage('2019K1');
    await page.click('[data-testid="finalise"]');
    const dialog = page.locator('[data-testid="finalise-dialog"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Alle 98 kommuner er vurderet');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Annuller');
    await shoot(page, 'quarter-finalise-dialog');

    await page.click('[data-testid="finalise-confirm"]');
    await page.waitForSelector('[data-testid="final-notice"]');
    expect(await page.textContent('[data-testid="quarter-state"]')).toBe('Afsluttet');
    expect(await quarterState('2019K1')).toBe('final');
    expect(await page.textContent('[data-testid="final-notice"]')).toContain('Test admin');
    expect(await page.locator('[data-testid="entry-table"] [data-choice]').count()).toBe(0);
    expect(await page.locator('[data-testid="save-all"]').count()).toBe(0);
    await shoot(page, 'quarter-final');
  });

  it('reopens the final quarter only with a reason', async () => {
    await openQuarterPage('2019K1');
    await page.click('[data-testid="reopen"]');
    const dialog = page.locator('[data-testid="reopen-dialog"]');
    await dialog.waitFor();
    const submit = dialog.locator('button[type="submit"]');
    expect(await submit.isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Aarhus’ kategori var forkert registreret');
    await submit.click();
    await page.waitForSelector('tr[data-code="0101"] [data-choice]');
    expect(await page.textContent('[data-testid="quarter-state"]')).toBe('Åbent');
    expect(await quarterState('2019K1')).toBe('open');
  });
});

describe('working beside someone else', () => {
  it('shows a conflict at the row, and both "Take theirs" and "Keep mine" resolve it', async () => {
    await ensureOpen2019K1(admin);
    await as('admin');
    await openQuarterPage('2019K1');
    const consultant = await loginAs(session.app, 'consultant', 'other-consultant@vv.test');
    assignArea(session.app, consultant.user.id, 'Hovedstaden');

    // Take theirs: my unsaved note gives way to the stored row.
    await page.focus('#entry-0101-note');
    await page.fill('#entry-0101-note', 'Min note');
    const before = await stored('0101');
    const theirs = await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0101', {
      category: before.category,
      reason: before.reason,
      reasonText: before.reasonText,
      note: 'Deres note',
      version: before.version,
    });
    expect(theirs.statusCode).toBe(200);
    await page.keyboard.press('Enter');
    const conflict = page.locator('[data-detail-for="0101"] [data-testid="conflict"]');
    await conflict.waitFor();
    expect(await row('0101').getAttribute('data-state')).toBe('conflict');
    expect(await conflict.textContent()).toContain('Test consultant');
    expect(await conflict.textContent()).toContain('Deres note');
    expect(await conflict.textContent()).toContain('Min note');
    expect((await stored('0101')).note).toBe('Deres note');
    await conflict.getByRole('button', { name: 'Tag deres' }).click();
    expect(await page.inputValue('#entry-0101-note')).toBe('Deres note');
    expect(await row('0101').getAttribute('data-state')).toBe('saved');

    // Keep mine: resent on top of their newer version.
    await page.fill('#entry-0101-note', 'Min anden note');
    const current = await stored('0101');
    await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0101', {
      category: current.category,
      reason: current.reason,
      reasonText: current.reasonText,
      note: 'Deres anden note',
      version: current.version,
    });
    await page.click('[data-testid="save-all"]');
    await conflict.waitFor();
    expect(await page.textContent('[data-testid="status"]')).toContain('ændret af en anden');
    await conflict.getByRole('button', { name: 'Behold min' }).click();
    await page.waitForSelector('tr[data-code="0101"][data-state="saved"]');
    expect((await stored('0101')).note).toBe('Min anden note');

    // Chromium logs every refused request; these two 409s were the point of the test.
    const refusals = session.errors.filter((e) => e.includes('status of 409'));
    expect(refusals).toHaveLength(2);
    session.errors.splice(0, session.errors.length, ...session.errors.filter((e) => !refusals.includes(e)));
  });

  it('shows the server’s refusal at the row when the previous quarter changed meanwhile', async () => {
    await ensureOpen2019K1(admin);
    await as('admin');
    await openQuarterPage('2019K1');
    const mine = await stored('0101');

    // Someone corrects 2018K4 after this page loaded: 0101's unchanged category now needs a reason.
    expect((await admin.inject('POST', '/api/quarters/2018K4/reopen', { reason: 'rettelse' })).statusCode).toBe(200);
    const corrected = await admin.inject('PUT', '/api/quarters/2018K4/statuses/0101', {
      category: mine.category === 3 ? 2 : 3,
      reason: 'other',
      reasonText: 'rettelse',
      version: (await admin.inject('GET', '/api/quarters/2018K4/statuses')).json()[0].version,
    });
    expect(corrected.statusCode).toBe(200);
    expect((await admin.inject('POST', '/api/quarters/2018K4/finalise')).statusCode).toBe(200);

    await page.fill('#entry-0101-note', 'Kun en note');
    await page.keyboard.press('Enter');
    await page.waitForSelector('tr[data-code="0101"][data-state="error"]');
    expect(await page.textContent('[data-detail-for="0101"]')).toMatch(/choose a reason|vælg en årsag/);
    expect(await page.textContent('[data-testid="status"]')).toContain('Intet er gemt');
    await page.selectOption('#entry-0101-reason', 'municipal_staff_change');
    await page.focus('#entry-0101-reason');
    await page.keyboard.press('Enter');
    await page.waitForSelector('tr[data-code="0101"][data-state="saved"]');
    expect(await stored('0101')).toMatchObject({ reason: 'municipal_staff_change', note: 'Kun en note' });

    const refusals = session.errors.filter((e) => e.includes('status of 400'));
    expect(refusals).toHaveLength(1);
    session.errors.splice(0, session.errors.length, ...session.errors.filter((e) => !refusals.includes(e)));
  });

  it('asks before leaving with unsaved edits, and keeps them when the user stays', async () => {
    await ensureOpen2019K1(admin);
    await as('admin');
    // Arrive through the menu, so the back button stays inside the app.
    await page.goto(`${session.baseUrl}/`);
    await page.click('nav a[href="/quarters"]');
    await page.waitForURL(/\/quarters\/2019K1$/);
    await page.waitForSelector('tr[data-code="0265"] [data-choice]');
    await page.click('tr[data-code="0265"] td.code');
    await page.keyboard.press(String(other('0265')));
    await page.click('nav a[href="/"]');
    const dialog = page.locator('[data-testid="leave-dialog"]');
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Bliv på siden' }).click();
    expect(new URL(page.url()).pathname).toBe('/quarters/2019K1');
    expect(await row('0265').getAttribute('data-state')).toBe('unsaved');

    await page.evaluate(() => history.back());
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Bliv på siden' }).click();
    expect(new URL(page.url()).pathname).toBe('/quarters/2019K1');
    expect(await row('0265').getAttribute('data-state')).toBe('unsaved');

    const prompt = new Promise<string>((resolve) =>
      page.once('dialog', (browserDialog) => {
        resolve(browserDialog.type());
        void browserDialog.dismiss();
      }),
    );
    await page.evaluate(() => window.location.reload());
    expect(await prompt).toBe('beforeunload');
    expect(await row('0265').getAttribute('data-state')).toBe('unsaved');

    await page.selectOption('[data-testid="quarter-picker"]', '2018K4');
    await dialog.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.inputValue('[data-testid="quarter-picker"]')).toBe('2019K1');
    expect(await row('0265').getAttribute('data-state')).toBe('unsaved');

    await page.evaluate(() => history.back());
    await dialog.waitFor({ state: 'visible' });
    await dialog.getByRole('button', { name: 'Forlad uden at gemme' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.waitForSelector('nav a[href="/"][aria-current="page"]');
    expect(await page.locator('[data-testid="entry-table"]').count()).toBe(0);
  });

  it('keeps the filters in the link', async () => {
    await ensureOpen2019K1(admin);
    await as('admin');
    await page.goto(`${session.baseUrl}/quarters/2019K1?region=1081`);
    await page.waitForSelector('tr[data-code]');
    expect(await page.locator('tr[data-code]').count()).toBe(11);
    await page.fill('[data-testid="filter-search"]', 'aal');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'aal');
    expect(await page.locator('tr[data-code]').allTextContents()).toEqual([expect.stringContaining('Aalborg')]);
  });
});

describe('a regional consultant', () => {
  it('enters statuses in their own area, sees the rest read-only, and neither finalises nor opens quarters', async () => {
    await ensureOpen2019K1(admin);
    await as('consultant');
    assignArea(session.app, findUserByEmail(session.app.database.db, 'consultant@vv.test')!.id, 'Nordjylland');
    await page.goto(`${session.baseUrl}/quarters/2019K1`);
    await page.waitForSelector('tr[data-code="0860"] [data-choice]');
    expect(await page.locator('tr[data-code]').count()).toBe(11);
    expect(new URL(page.url()).searchParams.get('mine')).toBe('1');

    await page.click('tr[data-code="0860"] td.code');
    await page.keyboard.press('ArrowUp');
    const code = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(code).toBe('0851');
    await page.keyboard.press('n');
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('entry-0851-reasonText');
    await page.keyboard.type('Konsulenten har ikke nået kommunen');
    await page.keyboard.press('Enter');
    await page.waitForSelector('tr[data-code="0851"][data-state="saved"]');
    expect(await stored('0851')).toMatchObject({ category: null, reasonText: 'Konsulenten har ikke nået kommunen' });
    expect(await page.locator('[data-testid="finalise"], [data-testid="open-next"]').count()).toBe(0);

    await page.uncheck('[data-testid="filter-mine"]');
    await page.waitForSelector('tr[data-code="0101"]');
    expect(await page.locator('tr[data-code]').count()).toBe(98);
    expect(await row('0101').locator('[data-choice]').count()).toBe(0);
    await page.focus('#entry-0101');
    await page.keyboard.press(String(other('0101')));
    expect(await row('0101').getAttribute('data-state')).not.toBe('unsaved');
  });
});

describe('a viewer', () => {
  it('has no quarter link, is refused the page, and the API refuses the write', async () => {
    await as('viewer');
    expect(await page.locator('nav a', { hasText: 'Kvartal' }).count()).toBe(0);
    await page.goto(`${session.baseUrl}/quarters/2019K1`);
    await page.waitForSelector('.message[role="alert"]');
    expect(await page.textContent('.message[role="alert"]')).toContain('Din rolle giver ikke adgang');
    expect(await page.locator('[data-testid="entry-table"]').count()).toBe(0);

    const viewer = await loginAs(session.app, 'viewer', 'api-viewer@vv.test');
    const refused = await viewer.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: 1, version: 1 });
    expect(refused.statusCode).toBe(403);
  });
});

describe('an empty database', () => {
  it('offers an administrator to open the first quarter, where every municipality is still missing', async () => {
    const empty = await startSession({ width: 1366, height: 768 }, { demoData: 'off' });
    try {
      await logIn(empty, 'admin');
      await empty.page.goto(`${empty.baseUrl}/quarters`);
      await empty.page.getByRole('button', { name: 'Åbn det første kvartal' }).click();
      // The administrator chooses where monitoring starts: here, at the programme's beginning.
      await empty.page.locator('[data-testid="open-first-quarter"]').selectOption('2016K2');
      await empty.page.locator('[data-testid="open-dialog"]').getByRole('button', { name: 'Åbn 2. kvt. 2016' }).click();
      await empty.page.waitForURL(/\/quarters\/2016K2$/);
      await empty.page.waitForSelector('tr[data-code="0860"] [data-choice]');
      expect(await empty.page.locator('tr[data-state="missing"]').count()).toBe(98);
      expect(await empty.page.textContent('tr[data-code="0101"] td:nth-child(3)')).toContain('Intet');
      expect(await empty.page.locator('[aria-pressed="true"]').count()).toBe(0);
      expect(empty.errors).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

it('raised no errors in the page', () => {
  expect(session.errors).toEqual([]);
});
