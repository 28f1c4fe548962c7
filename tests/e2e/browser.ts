/**
 * End-to-end fixtures: the real app on a temporary database, listening on 127.0.0.1, and Debian's
 * Chromium driven by playwright-core. Screenshots go to test-output/e2e/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_GEO_ROOT, DEFAULT_WEB_ROOT } from '../../server/app.ts';
import type { Role } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { createUser, findUserByEmail } from '../../db/writes/users.ts';
import { buildTestApp, hashTestPassword, loginAs, tempDir, TEST_PASSWORD } from '../helper.ts';

export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/e2e/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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
  const context = await chromium.launchPersistentContext(tempDir('vv-chromium-'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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

/** Creates an account (if needed) and logs in through the login form, as a person would. */
export async function logIn(session: Session, role: Role, email = `${role}@vv.test`): Promise<void> {
  if (!findUserByEmail(session.app.database.db, email)) {
    createUser(
      session.app.database.db,
      { email, name: `Test ${role}`, role, passwordHash: await hashTestPassword() },
      SYSTEM_ACTOR,
    );
  }
  const { page } = session;
  await page.goto(`${session.baseUrl}/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForSelector('button.logout');
}
