/**
 * Every page checked with axe-core against WCAG 2 A and AA (contrast, names, labels, roles,
 * structure), logged in with the role that sees the most of it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openPage, settled, startSession, type Session } from './browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

async function violations(path: string, ready: string): Promise<string[]> {
  await openPage(session, path, ready);
  // Transitions (map colours, fades) finished: axe measures contrast on what is painted.
  await settled(session.page);
  // Evaluated through the DevTools protocol: the page's CSP (rightly) refuses injected scripts.
  await session.page.evaluate(AXE_SOURCE);
  const found = (await session.page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe.run(
      document,
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations;
  })) as Violation[];
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('WCAG 2.1 AA (axe-core)', () => {
  // Tests run in order: the login page first, then every page as an administrator.
  it('the login page has no violations', async () => {
    expect(await violations('/login', 'form')).toEqual([]);
    await logIn(session, 'admin');
  });

  it.each([
    ['the map', '/?quarter=2018K4', 'path.municipality'],
    ['the map as a table', '/?quarter=2018K4&table=1', '[data-testid="municipality-table"]'],
    ['compare', '/?view=compare', '.change-map path.municipality'],
    ['the timeline', '/?view=timeline&quarter=2017K2', '[data-testid="timeline-slider"]'],
    ['trends', '/?view=trends', 'svg'],
    ['a municipality', '/municipalities/0751', '[data-testid="category-strip"]'],
    ['agreements', '/agreements', 'table'],
    ['quotas', '/quotas', 'table'],
    ['priorities', '/area', '[data-testid="priority-list"]'],
    ['areas', '/areas', 'table'],
    ['the quarter', '/quarters/2018K4', 'table'],
    ['import and export', '/import', 'main, form, section'],
    ['the audit log', '/audit', 'table, [role="status"], p'],
    ['users', '/users', 'table'],
    ['my account', '/account', 'form'],
  ])('%s has no violations', async (_, path, ready) => {
    expect(await violations(path, ready)).toEqual([]);
  });
});
