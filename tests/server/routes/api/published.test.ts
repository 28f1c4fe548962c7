/**
 * Publishing a final quarter, withdrawing it, and the open data: snapshots readable without login
 * even where reading otherwise needs one, frozen until published again.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type Client } from '../../../helper.ts';

let app: FastifyInstance;
let admin: Client;
let consultant: Client;
let viewer: Client;

beforeEach(async () => {
  ({ app } = await buildTestApp({ anonymousRead: 'off' }));
  [admin, consultant, viewer] = await Promise.all([loginAs(app, 'admin'), loginAs(app, 'consultant'), loginAs(app, 'viewer')]);
});
afterEach(() => app.close());

const anonymous = (url: string) => app.inject(url);

describe('publishing', () => {
  it('is for administrators, of final quarters only', async () => {
    expect((await viewer.inject('POST', '/api/quarters/2018K4/publish')).statusCode).toBe(403);
    expect((await consultant.inject('POST', '/api/quarters/2018K4/publish')).statusCode).toBe(403);
    expect((await anonymous('/api/quarters/2018K4/publish')).statusCode).toBe(404);
    await admin.inject('POST', '/api/quarters');
    const draft = await admin.inject('POST', '/api/quarters/2019K1/publish');
    expect(draft.statusCode).toBe(409);
    expect(draft.json().message).toBe('quarter 2019K1 is not final; finalise it before publishing it');
    expect((await admin.inject('POST', '/api/quarters/2030K1/publish')).statusCode).toBe(404);
    expect((await admin.inject('POST', '/api/quarters/2018X4/publish')).json().field).toBe('quarter');
  });

  it('freezes a snapshot anyone may read, as JSON and CSV, while everything else needs a login', async () => {
    const published = await admin.inject('POST', '/api/quarters/2018K4/publish');
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ quarter: '2018K4', dataset: 'demo', counts: { green: 63, yellow: 32, red: 3, notAssessed: 0 }, municipalitiesWithOffer: 95, zeroQuota: 12 });

    const list = await anonymous('/api/published');
    expect(list.statusCode).toBe(200);
    expect(list.headers['access-control-allow-origin']).toBe('*');
    expect(list.json().map((q: { quarter: string }) => q.quarter)).toEqual(['2018K4']);

    const snapshot = await anonymous('/api/published/2018Q4');
    expect(snapshot.statusCode).toBe(200);
    const body = snapshot.json();
    expect(body.municipalities).toHaveLength(98);
    expect(body.definitions['1'].da).toMatch(/fast forankret/);
    const summary = (await admin.inject('GET', '/api/summary?quarter=2018K4')).json();
    expect(body.counts).toEqual(summary.counts);
    expect(body.agreements).toEqual(summary.agreements);
    const etag = snapshot.headers.etag as string;
    expect((await app.inject({ url: '/api/published/2018K4', headers: { 'if-none-match': etag } })).statusCode).toBe(304);

    const csv = await anonymous('/api/published/2018K4/municipalities.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('kvartal;kommunekode;kommune;regionskode;kategori;kategori_tekst;årsag;0-kvote;aftaler');
    expect(lines).toHaveLength(99);
    expect(lines.filter((line) => line.split(';')[4] === '1')).toHaveLength(63);

    const counts = await anonymous('/api/published/counts.csv');
    expect(counts.body.replace(/^\uFEFF/, '').split('\r\n')[1]).toMatch(/^2018K4;63;32;3;0;95;12;/);

    expect((await anonymous('/api/summary?quarter=2018K4')).statusCode).toBe(401);
    expect((await anonymous('/api/quarters/2018K4/statuses')).statusCode).toBe(401);
    expect((await anonymous('/api/published/2018K3')).statusCode).toBe(404);
  });

  it('stays as it was when the quarter is reopened and changed, until it is published again', async () => {
    await admin.inject('POST', '/api/quarters/2018K4/publish');
    const first = (await anonymous('/api/published/2018K4')).json();
    expect((await admin.inject('POST', '/api/quarters/2018K4/reopen', { reason: 'rettelse' })).statusCode).toBe(200);
    const row = (await admin.inject('GET', '/api/quarters/2018K4/statuses')).json().find((s: { code: string }) => s.code === '0101');
    const changed = row.category === 1 ? 2 : 1;
    expect((await admin.inject('PUT', '/api/quarters/2018K4/statuses/0101', { category: changed, reason: 'other', reasonText: 'rettelse', version: row.version })).statusCode).toBe(200);
    expect((await anonymous('/api/published/2018K4')).json()).toEqual(first);
    // Open again: it cannot be published until it is final, and the old snapshot stays.
    expect((await admin.inject('POST', '/api/quarters/2018K4/publish')).statusCode).toBe(409);
    expect((await admin.inject('POST', '/api/quarters/2018K4/finalise')).statusCode).toBe(200);
    expect((await anonymous('/api/published/2018K4')).json()).toEqual(first);
    expect((await admin.inject('POST', '/api/quarters/2018K4/publish')).statusCode).toBe(200);
    const second = (await anonymous('/api/published/2018K4')).json();
    expect(second.municipalities.find((m: { code: string }) => m.code === '0101').category).toBe(changed);
    expect(second.publishedAt > first.publishedAt).toBe(true);
    const quarter = (await admin.inject('GET', '/api/quarters')).json().find((q: { code: string }) => q.code === '2018K4');
    expect(quarter.publishedAt).toBe(second.publishedAt);
  });

  it('is withdrawn by an administrator: then nothing of it is answered', async () => {
    await admin.inject('POST', '/api/quarters/2018K4/publish');
    await admin.inject('POST', '/api/quarters/2016K2/publish');
    expect((await anonymous('/api/published')).json().map((q: { quarter: string }) => q.quarter)).toEqual(['2016K2', '2018K4']);
    expect((await viewer.inject('POST', '/api/quarters/2018K4/withdraw')).statusCode).toBe(403);
    expect((await admin.inject('POST', '/api/quarters/2018K4/withdraw')).statusCode).toBe(204);
    expect((await anonymous('/api/published/2018K4')).statusCode).toBe(404);
    expect((await anonymous('/api/published/2018K4/municipalities.csv')).statusCode).toBe(404);
    expect((await anonymous('/api/published')).json().map((q: { quarter: string }) => q.quarter)).toEqual(['2016K2']);
    expect((await admin.inject('POST', '/api/quarters/2018K4/withdraw')).statusCode).toBe(404);
    const audit = (await admin.inject('GET', '/api/audit?quarter=2018K4')).json();
    expect(audit.rows.map((r: { action: string }) => r.action).slice(0, 2)).toEqual(['withdraw', 'publish']);
  });
});
