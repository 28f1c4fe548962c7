/**
 * Every page checked with axe-core: every rule it has, best practices and experimental rules
 * included (landmarks, one <h1>, a visible label inside the accessible name), with zero violations
 * of any impact. Logged in as an administrator (who sees the most), and as a viewer where a page
 * differs for readers.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helper.ts';
import { ensureOpen2019K1, logIn, logInAs, openPage, settled, startSession, type Session } from './browser.ts';
import { ADMIN_PAGES, DASHBOARD, type PageCheck, READER_PAGES } from './pages.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: Session;
beforeAll(async () => {
  session = await startSession();
  // An open quarter, so the entry grid shows its category buttons.
  const admin = await loginAs(session.app, 'admin', 'opener@vv.test');
  // Published quarters, so the embed pages have something to show.
  for (const quarter of ['2016K2', '2018K4']) expect((await admin.inject('POST', `/api/quarters/${quarter}/publish`)).statusCode).toBe(200);
  await ensureOpen2019K1(admin);
});
afterAll(() => session?.close());

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/** Violations on the page at `path` once `ready` shows, after `open` (a dialog, a panel) if given. */
async function violations(path: string, ready: string, open?: () => Promise<void>): Promise<string[]> {
  await openPage(session, path, ready);
  await open?.();
  // Transitions (map colours, fades) finished: axe measures contrast on what is painted.
  await settled(session.page);
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses injected scripts.
  await session.page.evaluate(AXE_SOURCE);
  const found = (await session.page.evaluate(async () => {
    interface Axe {
      getRules: (tags: string[]) => { ruleId: string }[];
      run: (context: Document, options: object) => Promise<{ violations: unknown[] }>;
    }
    const axe = (window as unknown as { axe: Axe }).axe;
    // Experimental rules are off unless named: label-content-name-mismatch is one of them.
    const experimental = Object.fromEntries(axe.getRules(['experimental']).map((rule) => [rule.ruleId, { enabled: true }]));
    const result = await axe.run(document, { rules: experimental });
    return result.violations;
  })) as Violation[];
  return found.map(
    (v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

let viewerLoggedIn = false;

describe('axe-core, every rule', () => {
  // Tests run in order: the login page first, then every page as an administrator, then as a viewer.
  it('the login page has no violations', async () => {
    expect(await violations('/login', 'form')).toEqual([]);
  });

  it.each([
    ['the embedded map', '/embed/map/2018K4', 'path.municipality[data-code]'],
    ['the embedded comparison', '/embed/compare/2016K2/2018K4', 'path.municipality[data-code]'],
    ['the embedded trend', '/embed/trend', '[data-quarter="2018K4"]'],
    ['the password link page', '/password#not-a-token', '[data-testid="password-page"]'],
  ])('%s has none, without a session', async (_, path, ready) => {
    expect(await violations(path, ready)).toEqual([]);
  });

  it('the Indlejr dialog has none', async () => {
    await logIn(session, 'admin');
    const open = async () => {
      await session.page.click('[data-testid="embed-button"]');
      await session.page.waitForSelector('[data-testid="publish"], [data-testid="withdraw"]');
    };
    expect(await violations('/?quarter=2018K4', 'path.municipality', open)).toEqual([]);
  });

  const OPEN_QUARTER: PageCheck = ['an open quarter', '/quarters/2019K1', 'tr[data-code="0101"] [data-choice]'];

  it('an open quarter’s progress and deadline have none', async () => {
    const open = async () => {
      await session.page.click('[data-testid="quarter-progress"] summary');
      await session.page.waitForSelector('[data-testid="quarter-progress"][open] table');
    };
    expect(await violations(OPEN_QUARTER[1], OPEN_QUARTER[2], open)).toEqual([]);
  });

  it.each([...DASHBOARD, ...READER_PAGES, ...ADMIN_PAGES, OPEN_QUARTER])('%s has none for an administrator', async (_, path, ready) => {
    expect(await violations(path, ready)).toEqual([]);
  });

  it.each([...DASHBOARD, ...READER_PAGES])('%s has none for a viewer', async (_, path, ready) => {
    if (!viewerLoggedIn) await logInAs(session, 'viewer');
    viewerLoggedIn = true;
    expect(await violations(path, ready)).toEqual([]);
  });
});
