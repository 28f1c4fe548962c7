/**
 * The multi-quarter reads behind compare, timeline and trends must agree with the per-quarter
 * routes the map uses.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helper.ts';

let app: FastifyInstance;
beforeAll(async () => {
  ({ app } = await buildTestApp());
});
afterAll(() => app.close());

const get = async (url: string) => {
  const answer = await app.inject(url);
  return { status: answer.statusCode, body: answer.json() };
};

describe('GET /api/statuses (the status matrix)', () => {
  it('holds every quarter’s category exactly as the per-quarter statuses do', async () => {
    const { body } = await get('/api/statuses');
    expect(body.quarters).toHaveLength(11);
    expect(body.municipalities).toHaveLength(98);
    for (const [i, quarter] of body.quarters.entries()) {
      const perQuarter = (await get(`/api/quarters/${quarter}/statuses`)).body;
      expect(body.municipalities.map((m: { categories: number[] }) => m.categories[i])).toEqual(
        perQuarter.map((s: { category: number | null }) => s.category),
      );
    }
  });

  it('lists each change with the reason recorded in the quarter it happened', async () => {
    const { body } = await get('/api/statuses');
    const changed = body.municipalities.find((m: { changes: unknown[] }) => m.changes.length > 0);
    const change = changed.changes[0];
    const status = (await get(`/api/quarters/${change.quarter}/statuses`)).body.find((s: { code: string }) => s.code === changed.code);
    expect(status).toMatchObject({ category: change.to, reason: change.reason, note: change.note });
    const i = body.quarters.indexOf(change.quarter);
    expect(changed.categories[i - 1]).toBe(change.from);
  });

  it('cuts to a range', async () => {
    const { body } = await get('/api/statuses?from=2017Q1&to=2017K4');
    expect(body.quarters).toEqual(['2017K1', '2017K2', '2017K3', '2017K4']);
    expect(body.municipalities[0].categories).toHaveLength(4);
  });

  it.each([
    ['/api/statuses?from=2018K1&to=2016K2', 400, /^from: 2018K1 comes after to \(2016K2\)/],
    ['/api/statuses?from=2016X1', 400, /^from: must be a quarter code/],
    ['/api/statuses?to=2031K1', 404, /^to: 2031K1 is not in the database/],
    ['/api/statuses?quarter=2018K4', 400, /quarter: is not a known field/],
  ])('%s answers %i', async (url, status, message) => {
    const answer = await get(url);
    expect(answer.status).toBe(status);
    expect(answer.body.message).toMatch(message);
  });
});

describe('GET /api/trends', () => {
  it('agrees with the summary of every quarter', async () => {
    const trends = (await get('/api/trends')).body;
    expect(trends).toHaveLength(11);
    for (const trend of trends) {
      const summary = (await get(`/api/summary?quarter=${trend.quarter}`)).body;
      expect({ ...summary, quarter: trend.quarter }).toEqual({
        quarter: trend.quarter,
        counts: trend.counts,
        municipalitiesWithOffer: trend.municipalitiesWithOffer,
        agreements: trend.agreements,
        zeroQuota: trend.zeroQuota,
      });
    }
  });

  it('counts downgrades by reason and upgrades, matching the changes in the matrix', async () => {
    const trends = (await get('/api/trends')).body;
    const matrix = (await get('/api/statuses')).body;
    const changes = matrix.municipalities.flatMap((m: { changes: { to: number; from: number }[] }) => m.changes);
    const downgrades = trends.reduce(
      (sum: number, t: { downgrades: Record<string, number> }) => sum + Object.values(t.downgrades).reduce((a, b) => a + b, 0),
      0,
    );
    const upgrades = trends.reduce((sum: number, t: { upgrades: number }) => sum + t.upgrades, 0);
    expect(downgrades).toBe(changes.filter((c: { to: number; from: number }) => c.to > c.from).length);
    expect(upgrades).toBe(changes.filter((c: { to: number; from: number }) => c.to < c.from).length);
    expect(downgrades).toBeGreaterThan(0);
    expect(trends[0].upgrades + Object.values(trends[0].downgrades as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
