import { describe, expect, it } from 'vitest';
import nextPath from '../../../../web/src/pages/login/next-path.ts';

describe('nextPath', () => {
  it('keeps a path on this site with its query and hash', () => {
    expect(nextPath('/quarters/2018K4?view=recruitment#top')).toBe('/quarters/2018K4?view=recruitment#top');
  });

  it('is null without a wish', () => {
    expect(nextPath(null)).toBeNull();
    expect(nextPath('')).toBeNull();
  });

  it('refuses anything that leads to another site', () => {
    for (const wanted of ['https://evil.example', '//evil.example', '/\\evil.example', 'evil.example', 'javascript:alert(1)']) {
      expect(nextPath(wanted), wanted).toBeNull();
    }
  });

  it('refuses tabs, line breaks, backslashes and encoded slashes instead of repairing them', () => {
    for (const wanted of ['/\t/evil.example', '/\n/evil.example', '/%5C/evil.example', '/%2F/evil.example', '/a b']) {
      expect(nextPath(wanted), JSON.stringify(wanted)).toBeNull();
    }
  });

  it('refuses a path that resolves to another site', () => {
    expect(nextPath('/..//evil.example')).toBeNull();
  });

  it('does not send the user back to the login page', () => {
    expect(nextPath('/login')).toBeNull();
    expect(nextPath('/login?next=/')).toBeNull();
  });
});
