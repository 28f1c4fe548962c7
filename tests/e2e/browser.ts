/**
 * End-to-end fixtures: the real app on a temporary database, listening on 127.0.0.1, and Debian's
 * Chromium driven by playwright-core. Screenshots go to test-output/e2e/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { DEFAULT_GEO_ROOT, DEFAULT_WEB_ROOT } from '../../server/app.ts';
import type { Role } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { createUser, findUserByEmail } from '../../db/writes/users.ts';
import { buildTestApp, hashTestPassword, loginAs, tempDir, TEST_PASSWORD, type Client } from '../helper.ts';

export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/e2e/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_OPTIONS = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** The two screen sizes every page is checked at; pages are left at the first. */
export const SCREEN_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];

export interface Session {
  app: FastifyInstance;
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  /** Errors the page threw or logged: a clean run has none. */
  errors: string[];
  close(): Promise<void>;
}

export async function startSession(
  viewport = { width: 1920, height: 1080 },
  options: Parameters<typeof buildTestApp>[0] = {},
): Promise<Session> {
  const built = join(DEFAULT_WEB_ROOT, 'index.html');
  if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` before the end-to-end tests`);
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
  }
  const { app } = await buildTestApp({ webRoot: DEFAULT_WEB_ROOT, geoRoot: DEFAULT_GEO_ROOT, ...options });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const context = await chromium.launchPersistentContext(tempDir('vv-chromium-'), { ...CHROMIUM_OPTIONS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    app,
    baseUrl: address,
    context,
    page,
    errors,
    async close() {
      await context.close();
      await app.close();
    },
  };
}

/** The category of every drawn municipality, by code ("1", "2", "3" or "none"). */
export async function mapCategories(page: Page): Promise<Record<string, string>> {
  return page.$$eval('path.municipality[data-code]', (paths) =>
    Object.fromEntries(paths.map((p) => [p.getAttribute('data-code'), p.getAttribute('data-value')])),
  );
}

export async function legendCounts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-count]', (cells) =>
    Object.fromEntries(cells.map((c) => [c.getAttribute('data-count'), Number(c.textContent)])),
  );
}

/**
 * What the API answers an administrator: the figures a page is checked against. Reading needs a
 * session once any account exists, so this logs in an account of its own.
 */
export async function adminApi<T>(session: Session, url: string): Promise<T> {
  const admin = await loginAs(session.app, 'admin', 'api-reader@vv.test');
  const answer = await admin.inject('GET', url);
  if (answer.statusCode !== 200) throw new Error(`GET ${url}: ${answer.statusCode} ${answer.body}`);
  return answer.json() as T;
}

/**
 * Creates an account (if needed) and logs in through the login form, as a person would; `from` is
 * the page the form is opened at (a login link with a `next`, say).
 */
export async function logIn(session: Session, role: Role, email = `${role}@vv.test`, from = '/login'): Promise<void> {
  if (!findUserByEmail(session.app.database.db, email)) {
    createUser(
      session.app.database.db,
      { email, name: `Test ${role}`, role, passwordHash: await hashTestPassword() },
      SYSTEM_ACTOR,
    );
  }
  const { page } = session;
  await page.goto(`${session.baseUrl}${from}`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForSelector('button.logout');
}

export interface LogInAsOptions {
  email?: string;
  /**
   * How whoever is logged in leaves first: `cookies` forgets the session in this browser only;
   * `button` clicks the page's logout button when it shows one, as a person would.
   */
  logOut?: 'cookies' | 'button';
  from?: string;
}

/** Logs whoever is logged in out, then logs `role` in through the form. */
export async function logInAs(session: Session, role: Role, { email, logOut = 'cookies', from }: LogInAsOptions = {}): Promise<void> {
  const { page } = session;
  if (logOut === 'cookies') {
    // Off the app first: a page still loading would send its last requests without a session,
    // and their refusals (401) would count as page errors.
    await page.goto('about:blank');
    await session.context.clearCookies();
  } else if (await page.locator('button.logout').count()) {
    await page.click('button.logout');
    await page.waitForSelector('a.login, input[name="email"]');
  }
  await logIn(session, role, email, from);
}

/** Opens a path of the app and waits for each `ready` selector in turn. */
export async function openPage(session: Session, path: string, ...ready: string[]): Promise<void> {
  await session.page.goto(`${session.baseUrl}${path}`);
  for (const selector of ready) await session.page.waitForSelector(selector);
}

/** Opens the dashboard with a query (`?quarter=2018K4`) and waits for the map, then for `ready`. */
export async function openMap(session: Session, search = '', ...ready: string[]): Promise<void> {
  await openPage(session, `/${search}`, 'path.municipality[data-code]', ...ready);
}

export interface ShootOptions {
  /** Also fails the test when the page scrolls sideways at a size. */
  noSidewaysScroll?: boolean;
  /** The width at which the whole page is taken, not only the screen. */
  fullPageAt?: number;
}

/** Screenshots `name-<width>.png` at both screen sizes; the page is left at 1920 × 1080. */
export async function shoot(page: Page, name: string, { noSidewaysScroll = false, fullPageAt }: ShootOptions = {}): Promise<void> {
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: size.width === fullPageAt });
    if (noSidewaysScroll) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} scrolls sideways at ${size.width}`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize(SCREEN_SIZES[0]);
}

/** The file that `click` makes the page download: the name it suggests and its bytes. */
export async function downloaded(page: Page, click: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

/** The map or comparison as the export menu downloads it. */
export async function exportMap(page: Page, format: 'png' | 'svg' | 'csv'): Promise<{ name: string; bytes: Buffer }> {
  await page.click('[data-testid="export-menu"]');
  return downloaded(page, () => page.click(`[data-export="${format}"]`));
}

/**
 * Waits until no CSS transition is running (map colours, fades): contrast checks and screenshots
 * should see the final paint. Two frames first, so that a change just made has started its
 * transition; endless animations (a spinner) are not waited for.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getComputedTiming().iterations === Infinity),
  );
}

/** A second Chromium of its own (no shared cookies), for a second person at the same time. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM_OPTIONS);
}

/** The id of the element that has the focus ('' for none). */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/**
 * Opens 2019K1 (the quarter after the demo's last) through the API unless it is open already, so
 * a test can start from an open quarter whatever the tests before it did.
 */
export async function ensureOpen2019K1(admin: Client): Promise<void> {
  const quarters = (await admin.inject('GET', '/api/quarters')).json() as { code: string; state: string }[];
  const q = quarters.find((x) => x.code === '2019K1');
  if (!q) expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
  else if (q.state === 'final') expect((await admin.inject('POST', '/api/quarters/2019K1/reopen', { reason: 'test' })).statusCode).toBe(200);
}
