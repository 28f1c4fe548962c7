import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GEO_ROOT } from '../../../server/app.ts';
import { buildTestApp } from '../../helper.ts';

const fixtures = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

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

describe('static files, read once into memory', () => {
  it('are sent gzipped to a browser that accepts it, to the same bytes, and plain to one that does not', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: DEFAULT_GEO_ROOT });
    const plain = await app.inject('/geo/municipalities.topo.json');
    const zipped = await app.inject({ url: '/geo/municipalities.topo.json', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=0');
    await app.close();
  });

  it('answer 304 without a body when the browser holds the current file', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: fixtures('geo') });
    for (const url of ['/', '/assets/app-abc123.js', '/geo/municipalities.topo.json']) {
      const first = await app.inject(url);
      expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
      const again = await app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
    await app.close();
  });

  it('send a file too small to gain from gzip as it is', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: fixtures('geo') });
    const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('fixture dashboard');
    await app.close();
  });
});
