import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../helper.ts';

let app: FastifyInstance;
let databasePath: string;
beforeAll(async () => {
  ({ app, databasePath } = await buildTestApp());
});
afterAll(() => app.close());

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};

describe('GET /api/municipalities', () => {
  it('lists the 98 municipalities with their region', async () => {
    const { status, body } = await get('/api/municipalities');
    expect(status).toBe(200);
    expect(body).toHaveLength(98);
    expect(body[0]).toEqual({ code: '0101', name: 'København', regionCode: '1084', regionName: 'Region Hovedstaden' });
    expect(body.find((m: { code: string }) => m.code === '0860').regionName).toBe('Region Nordjylland');
  });
});

describe('GET /api/municipalities/:code/history', () => {
  it('answers every quarter, the agreements and the quota years', async () => {
    const { status, body } = await get('/api/municipalities/0101/history');
    expect(status).toBe(200);
    expect(body.municipality).toMatchObject({ code: '0101', name: 'København' });
    expect(body.quarters.map((q: { quarter: string }) => q.quarter)).toHaveLength(11);
    expect(body.quotas.map((q: { year: number }) => q.year)).toEqual([2016, 2017, 2018]);
    expect(Array.isArray(body.agreements)).toBe(true);
  });

  it('accepts the code without its leading zero', async () => {
    const canonical = await get('/api/municipalities/0101/history');
    expect(await get('/api/municipalities/101/history')).toMatchObject({ status: 200, body: canonical.body });
  });

  it('shows a zero-quota year for Albertslund', async () => {
    const { body } = await get('/api/municipalities/0165/history');
    expect(body.quotas.find((q: { year: number }) => q.year === 2016)).toEqual({ year: 2016, quota: 0, zeroQuota: true });
  });
});
