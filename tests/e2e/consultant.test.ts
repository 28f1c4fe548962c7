import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOfDate } from '../../db/domain/quarter.ts';
import { assignArea, loginAs } from '../helper.ts';
import { adminApi, downloaded, logInAs, openPage, shoot, startSession, type Session } from './browser.ts';

const CONSULTANT = 'morgen@vv.test';

interface Area {
  id: number;
  name: string;
  municipalityCodes: string[];
  consultants: { id: number; name: string }[];
}
interface PriorityRow {
  code: string;
  name: string;
  score: number;
  reasons: { rule: string; points: number; detail?: Record<string, number> }[];
}
interface Activity {
  id: number;
  municipalityCode: string;
  kind: string;
  happenedOn: string;
  participants: number | null;
  note: string | null;
  createdBy: string;
}

let session: Session;
let north: Area;
let consultantId: number;

beforeAll(async () => {
  session = await startSession();
  // The account exists (and has its area) before the person logs in through the form.
  consultantId = (await loginAs(session.app, 'consultant', CONSULTANT)).user.id;
  assignArea(session.app, consultantId, 'Nordjylland');
  north = (await adminApi<Area[]>(session, '/api/areas')).find((a) => a.name === 'Nordjylland')!;
});
afterAll(() => session?.close());

function daysAgo(days: number): string {
  const day = new Date(Date.now() - days * 86_400_000);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

const listRows = () => session.page.locator('[data-testid="priority-list"] tbody tr');

describe('a regional consultant’s Monday morning', () => {
  it('logs in and lands on their own area: Nordjylland, the map zoomed to it', async () => {
    const { page } = session;
    await logInAs(session, 'consultant', { email: CONSULTANT });
    await page.waitForURL((url) => url.pathname === '/area');
    await page.waitForSelector('[data-testid="priority-list"]');
    await expect(page.textContent('h1')).resolves.toMatch(/Mit område:\s*Nordjylland/);
    await expect(page.textContent('nav a[aria-current="page"]')).resolves.toBe('Mit område');
    // One area of their own: nothing to choose.
    expect(await page.locator('[data-testid="area-select"]').count()).toBe(0);

    const viewBox = (await page.getAttribute('[data-map]', 'viewBox'))!.split(' ').map(Number);
    const boxes = await page.$$eval('path.municipality[data-code]', (paths) =>
      Object.fromEntries(
        paths.map((p) => {
          const b = (p as SVGGraphicsElement).getBBox();
          return [p.getAttribute('data-code'), [b.x, b.y, b.x + b.width, b.y + b.height]];
        }),
      ),
    );
    const [vx0, vy0, vw, vh] = viewBox;
    const inside = ([x0, y0, x1, y1]: number[]) => x0 >= vx0 && y0 >= vy0 && x1 <= vx0 + vw && y1 <= vy0 + vh;
    const disjoint = ([x0, y0, x1, y1]: number[]) => x1 < vx0 || x0 > vx0 + vw || y1 < vy0 || y0 > vy0 + vh;
    for (const code of north.municipalityCodes) expect(inside(boxes[code]), `${code} on the map`).toBe(true);
    expect(inside(boxes['0851'])).toBe(true);
    expect(disjoint(boxes['0101']), 'København is off the map').toBe(true);
    expect(disjoint(boxes['0751']), 'Aarhus is off the map').toBe(true);
    // The view is Nordjylland's own bounding box with a small margin, not more.
    const northBoxes = north.municipalityCodes.map((code) => boxes[code]);
    const width = Math.max(...northBoxes.map((b) => b[2])) - Math.min(...northBoxes.map((b) => b[0]));
    expect(vw).toBeLessThan(width * 1.2);
    // Municipalities outside the area are pale context, not categories.
    expect(await page.getAttribute('path.municipality[data-code="0791"]', 'data-value')).toBe('outside');
  });

  it('lists its 11 municipalities ranked by score, each with its reasons in words', async () => {
    const { page } = session;
    const expected = await adminApi<PriorityRow[]>(session, `/api/priorities?area=${north.id}`);
    expect(await listRows().count()).toBe(11);
    const shown = await listRows().evaluateAll((rows) => rows.map((r) => ({ code: r.getAttribute('data-code'), score: Number(r.getAttribute('data-score')) })));
    expect(shown.map((r) => r.code)).toEqual(expected.map((r) => r.code));
    expect(new Set(shown.map((r) => r.code))).toEqual(new Set(north.municipalityCodes));
    for (let i = 1; i < shown.length; i++) expect(shown[i - 1].score).toBeGreaterThanOrEqual(shown[i].score);

    const top = expected[0];
    const topText = (await listRows().first().textContent())!;
    expect(topText).toContain(top.name);
    const words: Record<string, RegExp> = {
      red: /Rød: intet samarbejde/,
      downgraded: /Nedgraderet i kvartalet eller kvartalet før/,
      unstable: /Ustabil: \d+ skift på et år/,
      longYellow: /Gul \d+ kvartaler i træk/,
      noAgreement: /Ingen aktiv samarbejdsaftale/,
      volunteersMissing: /Mangler \d+ frivillige?/,
      noSupport: /Ingen støtteaktivitet i to kvartaler/,
      notAssessed: /Ikke vurderet i kvartalet/,
    };
    for (const row of expected) {
      const text = (await page.textContent(`[data-testid="priority-list"] tr[data-code="${row.code}"]`))!;
      for (const reason of row.reasons) expect(text).toMatch(words[reason.rule]);
      expect(text).not.toMatch(/longYellow|noSupport|volunteersMissing|noAgreement/);
    }
    const volunteers = top.reasons.find((r) => r.rule === 'volunteersMissing')?.detail?.volunteers;
    if (volunteers) expect(topText).toContain(`Mangler ${volunteers} frivillige`);

    // The rules are explained, with their points and the tie order.
    await page.click('[data-testid="priority-rules"] summary');
    const rules = (await page.textContent('[data-testid="priority-rules"]'))!;
    expect(rules).toMatch(/Rød \(kategori 3, intet samarbejde\) i kvartalet\s*40/);
    expect(rules).toContain('flest regler');
    // Seven rules and "not assessed", which needs attention as much as a fall.
    expect(await page.locator('[data-testid="priority-rules"] tbody tr').count()).toBe(8);
    expect(rules).toMatch(/Ikke vurderet i kvartalet[^\d]*30/);

    // The top five are marked on the map and in the list; the toggle takes the marks away.
    expect(await page.locator('[data-testid="priority-list"] tr.marked').count()).toBe(5);
    await page.uncheck('[data-testid="highlight-toggle"]');
    expect(await page.locator('[data-testid="priority-list"] tr.marked').count()).toBe(0);
    await page.check('[data-testid="highlight-toggle"]');
    await page.click('[data-testid="priority-rules"] summary');

    // Key figures for the area: its categories, the volunteers missing and this quarter's support.
    const recruitment = await adminApi<{ rows: { code: string; volunteersMissing: number | null }[] }>(session, '/api/quarters/2018K4/recruitment');
    const missing = recruitment.rows.filter((r) => north.municipalityCodes.includes(r.code)).reduce((sum, r) => sum + (r.volunteersMissing ?? 0), 0);
    await expect(page.textContent('[data-figure="volunteers"]')).resolves.toBe(String(missing));
    const counts = await page.$$eval('[data-testid="area-figures"] [data-category]', (items) =>
      items.reduce((sum, li) => sum + Number(li.querySelector('[data-count]')!.textContent), 0),
    );
    expect(counts).toBe(11);
    const activities = await adminApi<Activity[]>(session, '/api/activities?quarter=2018K4');
    const inNorth = activities.filter((a) => north.municipalityCodes.includes(a.municipalityCode)).length;
    await expect(page.textContent('[data-figure="activities"]')).resolves.toBe(String(inNorth));
  });

  it('exports the list as CSV for Danish Excel: BOM, a header and 11 rows', async () => {
    const { page } = session;
    const { name, bytes } = await downloaded(page, () => page.click('[data-testid="export-csv"]'));
    expect(name).toBe('vv-monitor-prioritering-nordjylland-2018K4-demodata.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((line) => line !== '');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toMatch(/^rang;kommunekode;kommune;område;kategori/);
    const top = (await adminApi<PriorityRow[]>(session, `/api/priorities?area=${north.id}`))[0];
    expect(lines[1]).toMatch(new RegExp(`^1;${top.code};${top.name};Nordjylland;`));
  });

  it('opens the top municipality and records last week’s dialogue meeting', async () => {
    const { page } = session;
    await shoot(session.page, 'area-consultant', { noSidewaysScroll: true });
    const top = (await adminApi<PriorityRow[]>(session, `/api/priorities?area=${north.id}`))[0];
    await listRows().first().locator('a').click();
    await page.waitForURL((url) => url.pathname === `/municipalities/${top.code}`);
    const log = page.locator('[data-testid="support-log"]');
    await log.waitFor();

    await log.getByRole('button', { name: 'Registrer aktivitet' }).click();
    const form = page.locator('[data-testid="activity-form"]');
    expect(await form.getByLabel('Dato').inputValue()).toBe(daysAgo(0));
    await form.getByLabel('Aktivitet', { exact: true }).selectOption({ label: 'Dialogmøde' });
    const lastWeek = daysAgo(7);
    await form.getByLabel('Dato').fill(lastWeek);
    await form.getByLabel('Deltagere (valgfri)').fill('5');
    await form.getByLabel('Note (valgfri)').fill('Dialogmøde med jobcentret om flere frivillige.');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });

    const first = log.locator('[data-testid="activity-list"] > li').first();
    expect(await first.getAttribute('data-kind')).toBe('dialogue_meeting');
    await expect(first.textContent()).resolves.toMatch(/Dialogmøde[\s\S]*5 deltagere[\s\S]*jobcentret om flere frivillige[\s\S]*Registreret af Test consultant/);
    await expect(log.locator('[role="status"]').textContent()).resolves.toContain('er registreret');
    expect(await log.locator(`[data-testid="activity-counts"] li[data-quarter="${quarterOfDate(lastWeek)}"]`).getAttribute('data-count')).toBe('1');

    const saved = await adminApi<Activity[]>(session, `/api/activities?municipality=${top.code}`);
    expect(saved[0]).toMatchObject({
      municipalityCode: top.code,
      kind: 'dialogue_meeting',
      happenedOn: lastWeek,
      participants: 5,
      note: 'Dialogmøde med jobcentret om flere frivillige.',
      createdBy: 'Test consultant',
    });
    await log.scrollIntoViewIfNeeded();
    await shoot(session.page, 'municipality-support-log', { noSidewaysScroll: true });
    await log.getByRole('button', { name: 'Registrer aktivitet' }).click();
    await log.scrollIntoViewIfNeeded();
    await shoot(session.page, 'municipality-support-form', { noSidewaysScroll: true });
    await log.getByRole('button', { name: 'Annuller' }).click();
    await form.waitFor({ state: 'detached' });
    // Focus returns to the button that opened the form.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Registrer aktivitet');
  });

  it('takes “no support” away from a municipality once an activity is logged in that quarter', async () => {
    // The demo ends with 2018K4, so last week's quarter has no priority list; the rule is checked
    // where it can be: a municipality without support in 2018K4 gets a follow-up call in December.
    const { page } = session;
    const before = await adminApi<PriorityRow[]>(session, `/api/priorities?area=${north.id}&quarter=2018K4`);
    const unsupported = before.find((r) => r.reasons.some((x) => x.rule === 'noSupport'))!;
    expect(unsupported).toBeDefined();
    await openPage(session, `/area?quarter=2018K4`, `[data-testid="priority-list"] tr[data-code="${unsupported.code}"]`);
    await expect(page.textContent(`tr[data-code="${unsupported.code}"]`)).resolves.toContain('Ingen støtteaktivitet i to kvartaler');

    await openPage(session, `/municipalities/${unsupported.code}`, '[data-testid="support-log"] button');
    await page.click('[data-testid="support-log"] button:has-text("Registrer aktivitet")');
    const form = page.locator('[data-testid="activity-form"]');
    await form.getByLabel('Aktivitet', { exact: true }).selectOption('follow_up_call');
    await form.getByLabel('Dato').fill('2018-12-10');
    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });

    await openPage(session, `/area?quarter=2018K4`, '[data-testid="priority-list"]');
    expect(new URL(page.url()).searchParams.get('quarter')).toBe('2018K4');
    expect(await page.inputValue('[data-testid="quarter-select"]')).toBe('2018K4');
    const row = page.locator(`tr[data-code="${unsupported.code}"]`);
    expect(await row.getAttribute('data-rules')).not.toContain('noSupport');
    expect(Number(await row.getAttribute('data-score'))).toBe(unsupported.score - 10);
    await expect(row.textContent()).resolves.not.toContain('Ingen støtteaktivitet');
  });

  it('shows the server’s refusal at the form, and no form outside the own area', async () => {
    const { page } = session;
    await openPage(session, '/municipalities/0851', '[data-testid="support-log"] button');
    await page.route('**/api/activities', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 403,
            contentType: 'application/json',
            body: JSON.stringify({ statusCode: 403, error: 'Forbidden', message: 'you may only change municipalities in your own area; not 0851 Aalborg' }),
          })
        : route.continue(),
    );
    await page.click('[data-testid="support-log"] button:has-text("Registrer aktivitet")');
    const form = page.locator('[data-testid="activity-form"]');
    await form.locator('button[type="submit"]').click();
    await expect(form.locator('[role="alert"]').textContent()).resolves.toContain('you may only change municipalities in your own area');
    await page.unroute('**/api/activities');

    // A date in the future never reaches the server.
    await form.getByLabel('Dato').fill('2099-01-01');
    await form.locator('button[type="submit"]').click();
    await expect(form.locator('[id$="-date-error"]').textContent()).resolves.toContain('fremtiden');
    await page.keyboard.press('Escape');

    await openPage(session, '/municipalities/0727', '[data-testid="activity-list"] li');
    expect(await page.locator('[data-testid="support-log"] button').count()).toBe(0);
    await expect(page.textContent('[data-testid="support-log"]')).resolves.toContain('dit eget område');
  });

  it('lets a consultant with two areas choose between them, and only them', async () => {
    const { page } = session;
    assignArea(session.app, consultantId, 'Fyn');
    await openPage(session, '/area', '[data-testid="priority-list"]');
    const options = await page.$$eval('[data-testid="area-select"] option', (list) => list.map((o) => o.textContent));
    expect(options).toEqual(['Fyn', 'Nordjylland']);
    await page.selectOption('[data-testid="area-select"]', { label: 'Nordjylland' });
    await page.waitForSelector(`[data-testid="area-page"][data-area="${north.id}"]`);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="priority-list"] tbody tr').length === 11);
    expect(new URL(page.url()).searchParams.get('area')).toBe(String(north.id));
    // Another area's id in the URL falls back to the consultant's own.
    const other = (await adminApi<Area[]>(session, '/api/areas')).find((a) => a.name === 'Sjælland')!;
    await openPage(session, `/area?area=${other.id}`, '[data-testid="priority-list"]');
    await expect(page.textContent('[data-testid="area-name"]')).resolves.toBe('Fyn');
  });

  it('tells a consultant without an area that an administrator must assign one', async () => {
    const { page } = session;
    await logInAs(session, 'consultant', { email: 'ny.konsulent@vv.test' });
    await page.waitForURL((url) => url.pathname === '/area');
    await expect(page.textContent('[data-testid="no-area"]')).resolves.toContain('En administrator skal tildele dig et område');
  });
});

describe('an administrator', () => {
  it('creates an area on /areas: municipalities move from their old area', async () => {
    const { page } = session;
    await logInAs(session, 'admin');
    await openPage(session, '/areas', '[data-testid="areas-table"]');
    expect(await page.locator('[data-testid="areas-table"] tbody tr').count()).toBe(6);
    await expect(page.textContent('tr[data-name="Nordjylland"]')).resolves.toContain('Test consultant');

    await shoot(session.page, 'areas', { noSidewaysScroll: true });
    await page.click('[data-testid="area-create"]');
    const form = page.locator('[data-testid="area-form"]');
    await form.getByLabel('Navn', { exact: true }).fill('Trekantområdet');
    for (const [code, name] of [
      ['0607', 'Fredericia'],
      ['0621', 'Kolding'],
      ['0630', 'Vejle'],
    ]) {
      await form.getByLabel('Find kommune').fill(name);
      await form.locator(`input[value="${code}"]`).check();
    }
    await form.getByLabel('Find kommune').fill('');
    await expect(form.locator('[data-testid="chosen-count"]').textContent()).resolves.toBe('3 valgt');
    await expect(form.locator('[data-testid="area-moves"]').textContent()).resolves.toMatch(/3 kommuner flyttes[\s\S]*Sydjylland: Fredericia, Kolding, Vejle/);
    await form.locator(`.consultants input[value="${consultantId}"]`).check();
    await form.locator('.body').evaluate((body) => body.scrollTo(0, 0));
    await shoot(session.page, 'areas-form', { noSidewaysScroll: true });

    await form.locator('button[type="submit"]').click();
    await form.waitFor({ state: 'detached' });
    await expect(page.textContent('[role="status"]')).resolves.toContain('Området Trekantområdet er oprettet');
    const row = page.locator('tr[data-name="Trekantområdet"]');
    await expect(row.locator('[data-count]').textContent()).resolves.toBe('3');
    await expect(row.textContent()).resolves.toContain('Test consultant');
    await expect(page.textContent('tr[data-name="Sydjylland"] [data-count]')).resolves.toBe('9');

    const created = (await adminApi<Area[]>(session, '/api/areas')).find((a) => a.name === 'Trekantområdet')!;
    expect(created.municipalityCodes.sort()).toEqual(['0607', '0621', '0630']);
    expect(created.consultants.map((c) => c.id)).toEqual([consultantId]);
  });

  it('shows the server’s refusal at the field it concerns', async () => {
    const { page } = session;
    await page.click('tr[data-name="Fyn"] button');
    const form = page.locator('[data-testid="area-form"]');
    await form.getByLabel('Navn', { exact: true }).fill('Nordjylland');
    await form.locator('button[type="submit"]').click();
    await expect(form.locator('[id$="-name-error"]').textContent()).resolves.toMatch(
      /already an area called Nordjylland|der findes allerede et område, der hedder Nordjylland/,
    );
    expect(await form.getByLabel('Navn', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    await expect(page.textContent('tr[data-name="Fyn"] [data-count]')).resolves.toBe('10');
  });

  it('sees the priorities of the whole country and of any area chosen', async () => {
    const { page } = session;
    await openPage(session, '/area', '[data-testid="priority-list"]');
    await expect(page.textContent('h1')).resolves.toMatch(/Prioritering:\s*Hele landet/);
    expect(await listRows().count()).toBe(98);
    await shoot(session.page, 'area-admin', { noSidewaysScroll: true });
    await page.selectOption('[data-testid="area-select"]', { label: 'Nordjylland' });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="priority-list"] tbody tr').length === 11);
    expect(new URL(page.url()).searchParams.get('area')).toBe(String(north.id));
    await page.selectOption('[data-testid="quarter-select"]', '2017K4');
    await page.waitForSelector('[data-testid="area-page"][data-quarter="2017K4"] [data-testid="priority-list"]');
    expect(new URL(page.url()).searchParams.get('quarter')).toBe('2017K4');
    const expected = await adminApi<PriorityRow[]>(session, `/api/priorities?area=${north.id}&quarter=2017K4`);
    await page.waitForFunction(
      (code) => document.querySelector('[data-testid="priority-list"] tbody tr')?.getAttribute('data-code') === code,
      expected[0].code,
    );
  });
});

describe('a viewer', () => {
  it('sees the priority page, and the support log without a form', async () => {
    const { page } = session;
    await logInAs(session, 'viewer');
    await openPage(session, '/area', '[data-testid="priority-list"]');
    await expect(page.textContent('nav a[aria-current="page"]')).resolves.toBe('Prioritering');
    await openPage(session, '/municipalities/0810', '[data-testid="activity-list"] li');
    expect(await page.locator('[data-testid="support-log"] button, [data-testid="activity-form"]').count()).toBe(0);
    // Who recorded an activity is for editors only (db/domain/audience.ts): no "Registreret af {who}" here.
    await expect(page.textContent('[data-testid="support-log"]')).resolves.not.toMatch(/Registreret af/);
  });

  it('reads the priorities and the support log in English', async () => {
    const { page } = session;
    await openPage(session, `/area?area=${north.id}&quarter=2018K4&lang=en`, '[data-testid="priority-list"]');
    await expect(page.textContent('h1')).resolves.toMatch(/Priorities:\s*Nordjylland/);
    await expect(page.textContent('[data-testid="priority-list"]')).resolves.toMatch(/Yellow \d+ quarters in a row/);
    await openPage(session, '/municipalities/0810?lang=en', '[data-testid="activity-list"] li');
    await expect(page.textContent('[data-testid="support-log"]')).resolves.toMatch(/Support log[\s\S]*Follow-up call/);
  });

  it('raised no errors in the page', () => {
    // The refusal test answers one request with 403 on purpose.
    const provoked = /^Failed to load resource: the server responded with a status of (400|403) /;
    expect(session.errors.filter((error) => !provoked.test(error))).toEqual([]);
  });
});
