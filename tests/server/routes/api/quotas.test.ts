import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../../helper.ts';
import { ALL_AREAS, useDemoApp } from '../../../demo-app.ts';

// These tests register agreements anywhere in the country: the consultant covers every area.
const demo = useDemoApp({ logins: ['consultant', 'admin'], consultantAreas: ALL_AREAS });

const summary = async (quarter: string) => (await demo.admin.inject('GET', `/api/summary?quarter=${quarter}`)).json();


describe('reception quotas', () => {
  it('lists the 98 municipalities for a year, and a zero quota set by an administrator shows in the summary', async () => {
    const year = (await demo.admin.inject('GET', '/api/quotas/2018')).json();
    expect(year).toHaveLength(98);
    expect(year.filter((q: { zeroQuota: boolean }) => q.zeroQuota)).toHaveLength(12);
    const saved = await demo.admin.inject('PUT', '/api/quotas/2018', {
      rows: [
        { code: '0101', quota: null, zeroQuota: true },
        { code: '751', quota: 40, zeroQuota: false },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().find((q: { code: string }) => q.code === '0101')).toMatchObject({ quota: 0, zeroQuota: true });
    expect(saved.json().find((q: { code: string }) => q.code === '0751')).toMatchObject({ quota: 40, zeroQuota: false });
    expect((await summary('2018K4')).zeroQuota).toBe(13);
  });

  it('treats a quota of 0 as a zero quota', async () => {
    await demo.admin.inject('PUT', '/api/quotas/2019', { rows: [{ code: '0101', quota: 0, zeroQuota: false }] });
    const row = (await demo.admin.inject('GET', '/api/quotas/2019')).json().find((q: { code: string }) => q.code === '0101');
    expect(row).toMatchObject({ quota: 0, zeroQuota: true });
  });

  it('refuses contradictions and unknown codes row by row, and writes nothing', async () => {
    const before = databaseFingerprint(demo.databasePath);
    const answer = await demo.admin.inject('PUT', '/api/quotas/2018', {
      rows: [
        { code: '0101', quota: 5, zeroQuota: false },
        { code: '0147', quota: 12, zeroQuota: true },
        { code: '0411', quota: 1, zeroQuota: false },
      ],
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'zeroQuota'],
      [3, 'code'],
    ]);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('refuses a year outside the programme', async () => {
    const answer = await demo.admin.inject('PUT', '/api/quotas/2010', { rows: [{ code: '0101', quota: 1, zeroQuota: false }] });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toMatch(/^year: must be from 2016/);
  });
});
