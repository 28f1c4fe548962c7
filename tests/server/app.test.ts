import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GEO_ROOT } from '../../server/app.ts';
import { buildTestApp, databaseFingerprint } from '../helper.ts';

const fixtures = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('DEMO_DATA off', () => {
  it('starts on an empty database with no quarters', async () => {
    const { app } = await buildTestApp({ demoData: 'off', anonymousRead: 'on' });
    expect((await app.inject('/api/quarters')).json()).toEqual([]);
    expect((await app.inject('/api/meta')).json()).toMatchObject({ dataset: 'live', defaultQuarter: null });
    const summary = await app.inject('/api/summary');
    expect(summary.statusCode).toBe(404);
    expect(summary.json().message).toMatch(/no final quarters/);
    expect((await app.inject('/api/municipalities')).json()).toHaveLength(98);
    await app.close();
  });
});

describe('anonymous read', () => {
  it('is off for real data by default: reading needs a login', async () => {
    const { app } = await buildTestApp({ demoData: 'off' });
    const answer = await app.inject('/api/quarters');
    expect(answer.statusCode).toBe(401);
    expect(answer.json().message).toBe('log in to see the dashboard');
    expect((await app.inject('/api/health')).statusCode).toBe(200);
    expect((await app.inject('/api/meta')).statusCode).toBe(401);
    expect((await app.inject('/api/auth/session')).json()).toEqual({ user: null, csrfToken: null, anonymousRead: false, firstAccountNeeded: true });
    await app.close();
  });

  it('is on by default for the invented demo dataset', async () => {
    const { app } = await buildTestApp();
    expect((await app.inject('/api/quarters')).statusCode).toBe(200);
    await app.close();
  });

  it('can be turned off for the demo and on for real data', async () => {
    const demo = await buildTestApp({ anonymousRead: 'off' });
    expect((await demo.app.inject('/api/quarters')).statusCode).toBe(401);
    await demo.app.close();
    const live = await buildTestApp({ demoData: 'off', anonymousRead: 'on' });
    expect((await live.app.inject('/api/quarters')).statusCode).toBe(200);
    await live.app.close();
  });
});

describe('demo data', () => {
  it('is loaded only into an empty database', async () => {
    const first = await buildTestApp();
    await first.app.close();
    const before = databaseFingerprint(first.databasePath);
    const second = await buildTestApp({ databasePath: first.databasePath });
    await second.app.close();
    expect(databaseFingerprint(first.databasePath)).toBe(before);
  });
});

describe('the dashboard', () => {
  it('is served from the built folder, with long caching for hashed assets', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: fixtures('geo') });
    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('fixture dashboard');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject('/assets/app-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    await app.close();
  });

  it('answers other page paths with the app, but unknown files with a JSON 404', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: fixtures('geo') });
    const page = await app.inject({ url: '/compare', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('fixture dashboard');
    const file = await app.inject({ url: '/missing.png', headers: { accept: 'image/png' } });
    expect(file.statusCode).toBe(404);
    expect(file.json().statusCode).toBe(404);
    await app.close();
  });

  it('serves the built map geometry under /geo/', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: fixtures('geo') });
    const geo = await app.inject('/geo/municipalities.topo.json');
    expect(geo.statusCode).toBe(200);
    expect(geo.json().type).toBe('Topology');
    await app.close();
  });

  it('serves the committed DAGI map by default, with no build step', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: DEFAULT_GEO_ROOT });
    const geo = await app.inject('/geo/municipalities.topo.json');
    expect(geo.statusCode).toBe(200);
    expect(geo.json().objects.municipalities.geometries).toHaveLength(98);
    expect(geo.json().vv.sourceLabel).toBe('Indeholder data fra Danmarks Administrative Geografiske Inddeling (DAGI), Dataforsyningen');
    expect(DEFAULT_GEO_ROOT).toMatch(/\/geo\/default$/);
    await app.close();
  });

  it('explains how to build it when it has not been built', async () => {
    const { app } = await buildTestApp({ webRoot: null });
    const page = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('npm run build');
    await app.close();
  });
});
