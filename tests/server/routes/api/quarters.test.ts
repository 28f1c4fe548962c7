import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';

describe('read by anyone, on the demo', () => {
  const demo = useDemoApp({ per: 'file' });

  describe('GET /api/quarters', () => {
    it('lists every quarter in order with its state and category counts', async () => {
      const body = await demo.read('/api/quarters');
      expect(body).toHaveLength(11);
      expect(body[0]).toMatchObject({ code: '2016K2', state: 'final', definitionsVersion: 1 });
      expect(body.at(-1)).toMatchObject({ code: '2018K4', counts: { green: 63, yellow: 32, red: 3, notAssessed: 0 } });
      for (const quarter of body) {
        const { green, yellow, red, notAssessed } = quarter.counts;
        expect(green + yellow + red + notAssessed).toBe(98);
      }
    });
  });

  describe('GET /api/summary', () => {
    it('answers exactly the published shape for 2018K4', async () => {
      const body = await demo.read('/api/summary?quarter=2018K4');
      expect(body).toEqual({
        quarter: '2018K4',
        counts: { green: 63, yellow: 32, red: 3, notAssessed: 0 },
        municipalitiesWithOffer: 95,
        agreements: { active: 77, municipalitiesWithAgreement: 72, municipalitiesWithBoth: 5 },
        zeroQuota: 12,
      });
    });

    it('counts active agreements at the end of the quarter', async () => {
      expect((await demo.get('/api/summary?quarter=2016K2')).body.agreements.active).toBe(53);
      expect((await demo.get('/api/summary?quarter=2018Q3')).body.agreements.active).toBe(61);
    });

    it('defaults to the newest final quarter', async () => {
      expect((await demo.get('/api/summary')).body.quarter).toBe('2018K4');
    });
  });

  describe('GET /api/trends', () => {
    it('agrees with the summary of every quarter', async () => {
      const trends = (await demo.get('/api/trends')).body;
      expect(trends).toHaveLength(11);
      for (const trend of trends) {
        const summary = (await demo.get(`/api/summary?quarter=${trend.quarter}`)).body;
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
      const trends = (await demo.get('/api/trends')).body;
      const matrix = (await demo.get('/api/statuses')).body;
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
});

describe('opened, finalised and reopened by an administrator', () => {
  // København and its neighbours, which these tests edit, are in Hovedstaden.
  const demo = useDemoApp({ logins: ['admin', 'consultant', 'viewer'], consultantAreas: ['Hovedstaden'] });

  describe('opening the next quarter', () => {
    it('copies the previous quarter’s categories as a carried-over draft', async () => {
      expect(await demo.openNext()).toBe('2019K1');
      const rows = (await demo.admin.inject('GET', '/api/quarters/2019K1/statuses')).json();
      const previous = (await demo.admin.inject('GET', '/api/quarters/2018K4/statuses')).json();
      expect(rows.map((r: { category: number }) => r.category)).toEqual(previous.map((r: { category: number }) => r.category));
      expect(rows.every((r: { carriedOver: boolean }) => r.carriedOver)).toBe(true);
      const quarter = (await demo.admin.inject('GET', '/api/quarters')).json().at(-1);
      expect(quarter).toMatchObject({ code: '2019K1', state: 'open', definitionsVersion: 1 });
    });

    it('refuses a second draft while the newest quarter is open', async () => {
      await demo.openNext();
      const again = await demo.admin.inject('POST', '/api/quarters');
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toMatch(/2019K1 is still open/);
    });
  });

  describe('finalising and reopening', () => {
    it('refuses to finalise while municipalities are unsettled, naming them', async () => {
      await demo.openNext();
      const answer = await demo.admin.inject('POST', '/api/quarters/2019K1/finalise');
      expect(answer.statusCode).toBe(409);
      expect(answer.json().message).toMatch(/98 municipalities are not settled/);
      expect(answer.json().unsettled[0]).toEqual({ code: '0101', name: 'København', problem: 'carried over, not confirmed' });
    });

    it('finalises when every municipality is settled; then writes are refused until reopened with a reason', async () => {
      await demo.openNext();
      await demo.confirmAll('2019K1');
      const finalised = await demo.admin.inject('POST', '/api/quarters/2019K1/finalise');
      expect(finalised.statusCode).toBe(200);
      expect(finalised.json()).toMatchObject({ code: '2019K1', state: 'final' });
      const refused = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: 1, version: 2 });
      expect(refused.statusCode).toBe(409);

      const noReason = await demo.admin.inject('POST', '/api/quarters/2019K1/reopen', { reason: '' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().message).toMatch(/^body.reason/);
      const reopened = await demo.admin.inject('POST', '/api/quarters/2019K1/reopen', { reason: 'Fejl i Københavns kategori' });
      expect(reopened.json()).toMatchObject({ state: 'open' });
      const audit = demo.app.database.sqlite.prepare("SELECT reason FROM audit_log WHERE action = 'reopen'").pluck().all();
      expect(audit).toEqual(['Fejl i Københavns kategori']);
    });
  });
});
