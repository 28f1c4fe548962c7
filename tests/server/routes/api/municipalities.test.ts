import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';

const demo = useDemoApp({ per: 'file' });

describe('GET /api/municipalities', () => {
  it('lists the 98 municipalities with their region', async () => {
    const body = await demo.read('/api/municipalities');
    expect(body).toHaveLength(98);
    expect(body[0]).toEqual({ code: '0101', name: 'København', regionCode: '1084', regionName: 'Region Hovedstaden' });
    expect(body.find((m: { code: string }) => m.code === '0860').regionName).toBe('Region Nordjylland');
  });
});

describe('GET /api/municipalities/:code/history', () => {
  it('answers every quarter, the agreements and the quota years', async () => {
    const body = await demo.read('/api/municipalities/0101/history');
    expect(body.municipality).toMatchObject({ code: '0101', name: 'København' });
    expect(body.quarters.map((q: { quarter: string }) => q.quarter)).toHaveLength(11);
    expect(body.quotas.map((q: { year: number }) => q.year)).toEqual([2016, 2017, 2018]);
    expect(Array.isArray(body.agreements)).toBe(true);
  });

  it('accepts the code without its leading zero', async () => {
    const canonical = await demo.get('/api/municipalities/0101/history');
    expect(await demo.get('/api/municipalities/101/history')).toMatchObject({ status: 200, body: canonical.body });
  });

  it('shows a zero-quota year for Albertslund', async () => {
    const { body } = await demo.get('/api/municipalities/0165/history');
    expect(body.quotas.find((q: { year: number }) => q.year === 2016)).toEqual({ year: 2016, quota: 0, zeroQuota: true });
  });
});
