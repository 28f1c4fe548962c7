import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GEO_ROOT } from '../../../server/app.ts';
import { copiesMatch, precompress } from '../../../server/http/precompressed.ts';
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

describe('static files, compressed once when built', () => {
  it('are sent brotli- or gzip-compressed as the browser accepts, to the same bytes, and plain to one that accepts neither', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: DEFAULT_GEO_ROOT });
    const url = '/geo/municipalities.topo.json';
    const plain = await app.inject(url);
    const brotli = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    for (const answer of [brotli, zipped, plain]) expect(answer.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=0');
    await app.close();
  });

  it('answer 304 without a body when the browser holds the current file', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: fixtures('geo') });
    for (const url of ['/', '/assets/app-abc123.js', '/geo/municipalities.topo.json']) {
      const first = await app.inject(url);
      expect(first.statusCode).toBe(200);
      expect(first.headers.etag).toMatch(/^(W\/)?"[\w-]+"$/);
      const again = await app.inject({ url, headers: { 'if-none-match': first.headers.etag as string } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
    await app.close();
  });

  it('send a file too small to gain from compression as it is', async () => {
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot: fixtures('geo') });
    const page = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, br' } });
    expect(page.headers['content-encoding']).toBeUndefined();
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('fixture dashboard');
    await app.close();
  });

  it('ship with the committed map: its .br and .gz copies hold exactly its bytes', () => {
    expect(copiesMatch(join(DEFAULT_GEO_ROOT, 'municipalities.topo.json'))).toBe(true);
    for (const suffix of ['br', 'gz']) expect(existsSync(join(DEFAULT_GEO_ROOT, `municipalities.topo.json.${suffix}`))).toBe(true);
  });

  it('are not used when the map was replaced without them: the new map is sent, never the old copy', async () => {
    const geoRoot = mkdtempSync(join(tmpdir(), 'vv-geo-'));
    const map = join(geoRoot, 'municipalities.topo.json');
    copyFileSync(join(DEFAULT_GEO_ROOT, 'municipalities.topo.json'), map);
    precompress(map);
    const replaced = readFileSync(fixtures('geo/municipalities.topo.json'));
    writeFileSync(map, replaced);
    expect(copiesMatch(map)).toBe(false);
    const { app } = await buildTestApp({ webRoot: fixtures('web'), geoRoot });
    const answer = await app.inject({ url: '/geo/municipalities.topo.json', headers: { 'accept-encoding': 'gzip, br' } });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.rawPayload.equals(replaced)).toBe(true);
    await app.close();
    rmSync(geoRoot, { recursive: true, force: true });
  });

  it('send the page from memory as the build’s brotli or gzip copy, for the front page and every link into the app', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'vv-web-'));
    const html = `<!doctype html><title>VV</title>${'<p>Venner Viser Vej</p>'.repeat(100)}`;
    writeFileSync(join(webRoot, 'index.html'), html);
    precompress(join(webRoot, 'index.html'));
    const { app } = await buildTestApp({ webRoot, geoRoot: null });
    for (const url of ['/', '/compare?from=2016K2']) {
      const brotli = await app.inject({ url, headers: { accept: 'text/html', 'accept-encoding': 'gzip, br' } });
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(html);
      const zipped = await app.inject({ url, headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
      expect(gunzipSync(zipped.rawPayload).toString()).toBe(html);
      const plain = await app.inject({ url, headers: { accept: 'text/html' } });
      expect([plain.headers['content-encoding'], plain.body, plain.headers['cache-control']]).toEqual([undefined, html, 'no-cache']);
    }
    await app.close();
    rmSync(webRoot, { recursive: true, force: true });
  });
});
