/**
 * Behind a reverse proxy, the client's address is the one the proxy saw, not the left-most entry
 * of X-Forwarded-For, which the client writes itself: the login limit cannot be dodged by
 * inventing a new address for every guess.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';
import { buildTestApp } from '../helper.ts';

describe('TRUST_PROXY', () => {
  it('is a number of proxy hops or a list of proxy addresses, never "trust everything"', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24' }).trustProxy).toEqual(['10.0.0.5', '10.0.1.0/24']);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    for (const value of ['true', 'yes', 'all', '11', '-1', 'proxy.example']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
    }
  });

  it('with one proxy, a spoofed left-most X-Forwarded-For does not reset the login limit', async () => {
    const { app } = await buildTestApp({ anonymousRead: 'off', trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const answer = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: `guess${i}@vv.test`, password: 'wrong password' },
        // The client invents 198.51.100.i; the proxy appends the address it really saw.
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
      });
      statuses.push(answer.statusCode);
    }
    expect(statuses.slice(10)).toEqual([429, 429]);
    await app.close();
  });
});
