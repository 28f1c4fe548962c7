import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../db/schema.ts';
import { findUserByEmail } from '../../db/writes/users.ts';
import { assignArea, loginAs } from '../helper.ts';
import { adminApi, logInAs, openPage, shoot, startSession, type Session } from './browser.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

/** Logs out whoever is logged in, then logs in with the role; a consultant covers every area. */
async function as(role: Role) {
  await logInAs(session, role);
  if (role === 'consultant') {
    const { id } = findUserByEmail(session.app.database.db, 'consultant@vv.test')!;
    for (const area of ['Nordjylland', 'Midtjylland', 'Sydjylland', 'Fyn', 'Sjælland', 'Hovedstaden']) assignArea(session.app, id, area);
  }
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

describe('the municipality page', () => {
  it('shows 0101 (also reached as 101) with a cell for each of the 11 demo quarters and its agreement', async () => {
    await openPage(session, '/municipalities/101', '[data-testid="category-strip"]');
    const { page } = session;
    await page.waitForURL(/\/municipalities\/0101$/);
    await expect(page.textContent('[data-testid="municipality-name"]')).resolves.toBe('København');
    await expect(page.textContent('.head')).resolves.toContain('Region Hovedstaden');
    const cells = page.locator('[data-testid="category-strip"] a[data-quarter]');
    expect(await cells.count()).toBe(11);
    expect(await cells.first().getAttribute('href')).toBe('/?quarter=2016K2&municipality=0101');
    const agreements = page.locator('[data-testid="municipality-agreements"] li[data-agreement]');
    expect(await agreements.count()).toBe(1);
    await expect(agreements.first().textContent()).resolves.toMatch(/Dansk Flygtningehjælp[\s\S]*Aktiv/);
    await expect(page.textContent('[data-testid="municipality-quotas"]')).resolves.toMatch(/2018\s*15/);
  });

  it('tells the story of a municipality with many changes, newest first, with Danish reasons', async () => {
    await openPage(session, '/municipalities/0340', '[data-testid="timeline"]');
    const items = session.page.locator('[data-testid="timeline"] > li');
    const quarters = await items.evaluateAll((list) => list.map((li) => li.getAttribute('data-quarter')));
    expect(quarters[0]).toBe('2018K3');
    expect([...quarters].sort().reverse()).toEqual(quarters);
    const k1 = await session.page.textContent('[data-testid="timeline"] > li[data-quarter="2018K1"]');
    expect(k1).toMatch(/Grøn\s*→\s*(fra\s*)?.*Rød|Grøn.*→.*Rød/s);
    expect(k1).toContain('For få frivillige');
    expect(k1).toContain('Flere frivillige er stoppet');
    await expect(session.page.textContent('[data-testid="timeline"] > li[data-quarter="2017K1"]')).resolves.toContain(
      'Andet: Aktiviteten er gået i stå hen over sommeren',
    );
    await expect(session.page.textContent('[data-testid="timeline"] > li:last-child')).resolves.toContain('Første vurdering');
  });

  it('opens the dashboard on the quarter whose cell is clicked', async () => {
    await openPage(session, '/municipalities/0340', '[data-testid="category-strip"]');
    await session.page.click('[data-testid="category-strip"] a[data-quarter="2017K1"]');
    await session.page.waitForSelector('[data-testid="municipality-panel"]');
    const url = new URL(session.page.url());
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('quarter')).toBe('2017K1');
    expect(url.searchParams.get('municipality')).toBe('0340');
  });

  it('answers an unknown code with a friendly message and a way back', async () => {
    await openPage(session, '/municipalities/9999', '[data-testid="municipality-missing"]');
    const text = await session.page.textContent('[data-testid="municipality-missing"]');
    expect(text).toContain('Kommunen findes ikke');
    expect(text).toContain('9999');
    await session.page.click('[data-testid="municipality-missing"] a[href="/"]');
    await session.page.waitForURL((url) => url.pathname === '/');
  });
});

describe('agreements, registered by a consultant', () => {
  it('registers an agreement for a municipality without one; the page, the list and the summary follow', async () => {
    await as('consultant');
    const { page } = session;
    const before = await adminApi<{ agreements: { active: number; municipalitiesWithAgreement: number } }>(session, '/api/summary?quarter=2018K4');
    await openPage(session, '/municipalities/0240', '[data-testid="municipality-agreements"]');
    await expect(page.textContent('[data-testid="municipality-agreements"]')).resolves.toContain('ingen registrerede aftaler');

    await page.click('[data-testid="municipality-agreements"] button:has-text("Registrer aftale")');
    const form = page.locator('[data-testid="agreement-form"]');
    await form.getByLabel('Røde Kors').check();
    await form.getByLabel('Indgået').fill('2018-06-01');
    await form.getByLabel('Note (valgfri)').fill('Aftale indgået på dialogmøde.');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });

    const item = page.locator('[data-testid="municipality-agreements"] li[data-organisation="RK"]');
    await expect(item.textContent()).resolves.toMatch(/Røde Kors[\s\S]*Aktiv[\s\S]*1\. jun\. 2018[\s\S]*dialogmøde/);
    await expect(page.textContent('[role="status"]')).resolves.toContain('er registreret');

    const after = await adminApi<{ agreements: { active: number; municipalitiesWithAgreement: number } }>(session, '/api/summary?quarter=2018K4');
    expect(after.agreements.active).toBe(before.agreements.active + 1);
    expect(after.agreements.municipalitiesWithAgreement).toBe(before.agreements.municipalitiesWithAgreement + 1);

    await openPage(session, '/agreements', '[data-testid="agreements-table"]');
    const counts = page.locator('[data-testid="agreement-counts"]');
    await expect(counts.textContent()).resolves.toContain('78 aktive aftaler i 73 kommuner, heraf 5 med begge organisationer');
    await page.fill('[data-testid="filter-search"]', 'Egedal');
    const row = page.locator('tr[data-municipality="0240"]');
    expect(await row.count()).toBe(1);
    await expect(row.textContent()).resolves.toContain('Aktiv');
    expect(await row.locator('a').getAttribute('href')).toBe('/municipalities/0240');
  });

  it('ends the agreement from the list; it moves to “ophørt”', async () => {
    const { page } = session;
    await openPage(session, '/agreements?q=Egedal', 'tr[data-municipality="0240"]');
    await page.click('tr[data-municipality="0240"] button[aria-label^="Afslut"]');
    const form = page.locator('[data-testid="agreement-form"]');
    expect(await form.getByLabel('Ophørt', { exact: true }).inputValue()).toBe(today());
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
    await expect(page.textContent('[role="status"]')).resolves.toContain('er afsluttet');
    await page.waitForSelector('tr[data-municipality="0240"]', { state: 'detached' });
    await expect(page.textContent('[data-testid="agreement-counts"]')).resolves.toContain('0 aktive aftaler');

    await page.check('[data-testid="filter-show-ended"]');
    const row = page.locator('tr[data-municipality="0240"]');
    expect(await row.getAttribute('data-status')).toBe('ended');
    await expect(row.textContent()).resolves.toContain('Ophørt');

    await openPage(session, '/municipalities/0240', '[data-testid="municipality-agreements"] li[data-organisation="RK"]');
    const item = page.locator('[data-testid="municipality-agreements"] li[data-organisation="RK"]');
    expect(await item.getAttribute('data-status')).toBe('ended');
    expect(await item.locator('button:has-text("Afslut")').count()).toBe(0);
  });

  it('shows the server’s refusal of an overlapping agreement at the form', async () => {
    const { page } = session;
    await openPage(session, '/municipalities/0101', '[data-testid="municipality-agreements"] li');
    await page.click('[data-testid="municipality-agreements"] button:has-text("Registrer aftale")');
    const form = page.locator('[data-testid="agreement-form"]');
    await form.getByLabel('Dansk Flygtningehjælp').check();
    await form.getByLabel('Indgået').fill('2019-01-01');
    await form.locator('button[type="submit"]').click();
    const error = form.locator('[id$="-signed-error"]');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain('har allerede en aftale med DFH fra 2016-04-06');
    expect(await form.getByLabel('Indgået').getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="municipality-agreements"] li[data-agreement]').count()).toBe(1);
  });

  it('filters the list by organisation, region and date, and sorts it', async () => {
    const { page } = session;
    await openPage(session, '/agreements', '[data-testid="agreements-table"]');
    await page.selectOption('[data-testid="filter-organisation"]', 'RK');
    const organisations = await page.$$eval('tbody tr .organisation', (cells) => cells.map((c) => c.textContent));
    expect(new Set(organisations)).toEqual(new Set(['RK']));
    await expect(page.textContent('[data-testid="agreement-counts"]')).resolves.not.toContain('begge');
    await page.selectOption('[data-testid="filter-organisation"]', '');
    await page.fill('[data-testid="filter-active-on"]', '2016-06-30');
    const early = Number(await page.getAttribute('[data-testid="agreement-counts"]', 'data-active'));
    expect(early).toBe(53);
    await page.selectOption('[data-testid="filter-region"]', '1081');
    const inNorth = await page.$$eval('tbody tr', (rows) => rows.length);
    expect(inNorth).toBeGreaterThan(0);
    expect(inNorth).toBeLessThan(early);
    expect(new URL(page.url()).searchParams.get('region')).toBe('1081');
    await page.click('button:has-text("Nulstil filtre")');
    await page.click('th button:has-text("Indgået")');
    await page.click('th button:has-text("Indgået")');
    const signed = await page.$$eval('tbody tr', (rows) => rows.map((r) => r.getAttribute('data-agreement')));
    expect(await page.getAttribute('th:has(button:has-text("Indgået"))', 'aria-sort')).toBe('descending');
    expect(signed.length).toBeGreaterThan(50);
  });

  it('screenshots: a rich history with the agreement form open, and the agreements list', async () => {
    await as('admin');
    const { page } = session;
    await openPage(session, '/municipalities/0340', '[data-testid="timeline"]');
    await shoot(session.page, 'municipality-0340');
    await page.click('[data-testid="municipality-agreements"] button:has-text("Registrer aftale")');
    await page.locator('[data-testid="agreement-form"]').waitFor();
    await shoot(session.page, 'municipality-0340-form');
    await page.keyboard.press('Escape');
    await openPage(session, '/agreements', '[data-testid="agreements-table"]');
    await shoot(session.page, 'agreements');
  });
});

describe('quotas', () => {
  it('opens on the newest year with data, with totals', async () => {
    await openPage(session, '/quotas', '[data-testid="quota-table"]');
    const { page } = session;
    expect(await page.inputValue('[data-testid="quota-year"]')).toBe('2018');
    expect(await page.locator('[data-testid="quota-table"] tbody tr').count()).toBe(98);
    await expect(page.textContent('[data-figure="zero"]')).resolves.toBe('12');
    await page.check('[data-testid="quota-only-zero"]');
    expect(await page.locator('[data-testid="quota-table"] tbody tr').count()).toBe(12);
    await expect(page.textContent('[data-total="zero"]')).resolves.toContain('12');
  });

  it('lets an admin set a zero quota for 2019 in one request, and the API returns it', async () => {
    const { page } = session;
    await openPage(session, '/quotas?year=2019', '[data-testid="quota-table"]');
    expect(await page.inputValue('[data-testid="quota-year"]')).toBe('2019');
    await page.click('button:has-text("Rediger kvoter")');
    await page.fill('tr[data-code="0101"] input[inputmode="numeric"]', '40');
    await page.check('tr[data-code="0147"] input[type="checkbox"]');
    expect(await page.inputValue('tr[data-code="0147"] input[inputmode="numeric"]')).toBe('0');
    await page.fill('tr[data-code="0151"] input[inputmode="numeric"]', 'tolv');

    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT') requests.push(request.postData() ?? '');
    });
    await page.click('[data-testid="quota-save"]');
    await expect(page.textContent('tr[data-code="0151"] .row-error')).resolves.toContain('helt tal');
    expect(requests).toEqual([]);
    await shoot(session.page, 'quotas-edit');

    await page.fill('tr[data-code="0151"] input[inputmode="numeric"]', '12');
    await page.click('[data-testid="quota-save"]');
    await page.waitForSelector('text=3 kommuner er gemt for 2019.');
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]).rows).toHaveLength(3);

    const saved = await adminApi<{ code: string; quota: number | null; zeroQuota: boolean }[]>(session, '/api/quotas/2019');
    expect(saved.find((r) => r.code === '0147')).toMatchObject({ quota: 0, zeroQuota: true });
    expect(saved.find((r) => r.code === '0101')).toMatchObject({ quota: 40, zeroQuota: false });
    await expect(page.textContent('tr[data-code="0147"] [data-zero-quota]')).resolves.toContain('0-kvote');
  });

  it('shows the server’s row errors at their rows', async () => {
    const { page } = session;
    await openPage(session, '/quotas?year=2019', '[data-testid="quota-table"]');
    await page.route('**/api/quotas/2019', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: JSON.stringify({
              statusCode: 400,
              error: 'Bad Request',
              message: '1 rows have errors; nothing was saved',
              errors: [{ row: 2, field: 'quota', message: 'must be a whole number from 0 to 100000, or empty' }],
            }),
          })
        : route.continue(),
    );
    await page.click('button:has-text("Rediger kvoter")');
    await page.fill('tr[data-code="0153"] input[inputmode="numeric"]', '5');
    await page.fill('tr[data-code="0155"] input[inputmode="numeric"]', '6');
    await page.click('[data-testid="quota-save"]');
    await expect(page.textContent('tr[data-code="0155"] .row-error')).resolves.toContain('must be a whole number');
    expect(await page.locator('tr.has-error').count()).toBe(1);
    await expect(page.textContent('[data-testid="quota-errors"]')).resolves.toContain('Intet blev gemt');
    await page.unroute('**/api/quotas/2019');
  });

  it('asks before leaving with unsaved edits', async () => {
    const { page } = session;
    await openPage(session, '/quotas?year=2019', '[data-testid="quota-table"]');
    await page.click('button:has-text("Rediger kvoter")');
    await page.fill('tr[data-code="0153"] input[inputmode="numeric"]', '7');
    const dialog = page.locator('[data-testid="leave-dialog"]');
    await page.click('nav a[href="/agreements"]');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.textContent()).toContain('ikke er gemt');
    await dialog.getByRole('button', { name: 'Bliv på siden' }).click();
    expect(new URL(page.url()).pathname).toBe('/quotas');
    await page.click('nav a[href="/agreements"]');
    await dialog.getByRole('button', { name: 'Forlad uden at gemme' }).click();
    await page.waitForSelector('[data-testid="agreements-table"]');
  });
});

describe('a viewer', () => {
  it('sees no edit controls on the municipality, agreements and quotas pages', async () => {
    await as('viewer');
    const { page } = session;
    await openPage(session, '/municipalities/0101', '[data-testid="municipality-agreements"] li');
    expect(await page.locator('main button, .page button').count()).toBe(0);
    await openPage(session, '/agreements', '[data-testid="agreements-table"]');
    expect(await page.locator('button:has-text("Registrer aftale"), td.actions').count()).toBe(0);
    await openPage(session, '/quotas', '[data-testid="quota-table"]');
    expect(await page.locator('button:has-text("Rediger kvoter"), [data-testid="quota-table"] input').count()).toBe(0);
  });

  it('reads in English too', async () => {
    const { page } = session;
    await openPage(session, '/agreements?lang=en', '[data-testid="agreements-table"]');
    await expect(page.textContent('[data-testid="agreement-counts"]')).resolves.toMatch(/\d+ active agreements in \d+ municipalities, \d+ of them with both organisations/);
    await openPage(session, '/municipalities/0340?lang=en', '[data-testid="timeline"]');
    await expect(page.textContent('[data-testid="timeline"] > li[data-quarter="2018K1"]')).resolves.toContain('Too few volunteers');
    expect(await page.getAttribute('[data-testid="category-strip"] a[data-quarter="2018K1"]', 'aria-label')).toBe('3: Category in Q1 2018: Red');
  });
});

describe('an open quarter', () => {
  it('shows the open quarter and its carried-over row in the strip and the header', async () => {
    // Drafts are for the people who enter them: the page is read as an administrator.
    await as('admin');
    const admin = await loginAs(session.app, 'admin', 'opener@vv.test');
    expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
    await openPage(session, '/municipalities/0101', '[data-testid="category-strip"]');
    const cells = session.page.locator('[data-testid="category-strip"] a[data-quarter]');
    expect(await cells.count()).toBe(12);
    const newest = cells.last();
    expect(await newest.getAttribute('data-quarter')).toBe('2019K1');
    expect(await newest.getAttribute('data-state')).toBe('open');
    expect(await newest.getAttribute('class')).toContain('carried');
    await expect(session.page.textContent('[data-testid="current-category"]')).resolves.toMatch(/åbent kvartal[\s\S]*overført/);
    await expect(session.page.textContent('.legend')).resolves.toContain('Overført fra forrige kvartal');
    await shoot(session.page, 'municipality-0101-open-quarter');
  });

  it('raised no errors in the page', () => {
    // Chromium logs every refused request; these tests provoke a 404 (unknown code) and 400s on purpose.
    const provoked = /^Failed to load resource: the server responded with a status of (400|404) /;
    expect(session.errors.filter((error) => !provoked.test(error))).toEqual([]);
  });
});
