/**
 * Issue #9: /login?next=/%5Cevil.example/ led off-site after logging in. nextPath (the login
 * page's only source for `next`) keeps same-origin paths only; tests/e2e/login-next.test.ts logs
 * in through Chromium with a hostile `next`.
 */
import { describe, expect, it } from 'vitest';
import nextPath from '../../web/src/pages/login/next-path.ts';

/** As the login page reads it: URLSearchParams decodes the query once. */
const fromQuery = (query: string) => nextPath(new URLSearchParams(query).get('next'));

describe('nextPath', () => {
  it.each([
    ['/', '/'],
    ['/agreements', '/agreements'],
    ['/quarters/2019K1?view=table#0101', '/quarters/2019K1?view=table#0101'],
    ['/municipalities/0101/history', '/municipalities/0101/history'],
    ['/a/../agreements', '/agreements'],
    ['/søg?q=Århus', '/s%C3%B8g?q=%C3%85rhus'],
  ])('keeps the path %s (as %s)', (wanted, path) => {
    expect(nextPath(wanted)).toBe(path);
  });

  it.each([
    '//evil.example',
    '//evil.example/',
    '///evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    '\\\\evil.example',
    '\\/evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%2Fevil.example',
    '/%2fevil.example',
    '/%2F%2Fevil.example',
    '/..//evil.example',
    '/%2e%2e//evil.example',
    '/./\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/%09/evil.example',
    '/%0a/evil.example',
    '/\u0000/evil.example',
    ' /evil.example',
    '/ /evil.example',
    'http://evil.example/',
    'https://evil.example',
    'HTTPS://evil.example',
    'http:/evil.example',
    'https:evil.example',
    '//user@evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '.evil.example',
    '',
    '/login',
    '/login?next=//evil.example',
  ])('refuses %j', (wanted) => {
    expect(nextPath(wanted)).toBeNull();
  });

  it.each([
    'next=/%5Cevil.example/',
    'next=%2F%2Fevil.example',
    'next=/%255Cevil.example',
    'next=/%252F%252Fevil.example',
    'next=%2F%09%2Fevil.example',
    'next=javascript%3Aalert(1)',
    'next=http%3A%2F%2Fevil.example',
  ])('refuses ?%s as the login page reads it', (query) => {
    expect(fromQuery(query)).toBeNull();
  });

  it('treats a missing next as none', () => {
    expect(nextPath(null)).toBeNull();
    expect(fromQuery('other=1')).toBeNull();
  });
});
