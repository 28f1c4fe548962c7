/**
 * Esc closes every menu and dialog, and the focus goes back to the control that opened it: a
 * keyboard user never lands at the top of the page after closing something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openMap, startSession, type Session } from './browser.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession({ width: 1366, height: 768 });
  await logIn(session, 'admin');
});
afterAll(() => session?.close());

describe('Esc', () => {
  it.each([
    ['the export menu', '[data-testid="export-menu"]', '[role="menu"]'],
    ['the Indlejr dialog', '[data-testid="embed-button"]', '[role="dialog"]'],
    // The map is one tab stop: the municipality that holds it opens the drawer with Enter.
    ['the history drawer', 'path.municipality[tabindex="0"]', '[data-testid="municipality-panel"]'],
  ])('closes %s, and the focus goes back to what opened it', async (_, opener, opened) => {
    await openMap(session, '?quarter=2018K4');
    await session.page.focus(opener);
    await session.page.keyboard.press('Enter');
    await session.page.waitForSelector(opened);
    await session.page.keyboard.press('Escape');
    await session.page.waitForSelector(opened, { state: 'detached' });
    expect(await session.page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, opener)).toBe(true);
  });

  it('raised no errors in the page', () => {
    expect(session.errors).toEqual([]);
  });
});
