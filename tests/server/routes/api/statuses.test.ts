import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../../helper.ts';
import { useDemoApp } from '../../../demo-app.ts';

describe('read by anyone, on the demo', () => {
  const demo = useDemoApp({ per: 'file' });

  describe('GET /api/quarters/:quarter/statuses', () => {
    it('answers 98 rows with category, reason, note, agreements and zero quota', async () => {
      const body = await demo.read('/api/quarters/2018K4/statuses');
      expect(body).toHaveLength(98);
      expect(Object.keys(body[0]).sort()).toEqual(
        ['agreements', 'carriedOver', 'category', 'code', 'name', 'note', 'reason', 'reasonText', 'regionCode', 'updatedAt', 'updatedBy', 'version', 'zeroQuota'].sort(),
      );
      const zeroQuota = body.filter((row: { zeroQuota: boolean }) => row.zeroQuota).length;
      expect(zeroQuota).toBe(12);
      const withAgreement = body.filter((row: { agreements: string[] }) => row.agreements.length > 0).length;
      expect(withAgreement).toBe(72);
    });

    it('answers null for municipalities not assessed', async () => {
      const { body } = await demo.get('/api/quarters/2016K2/statuses');
      const missing = body.filter((row: { category: number | null }) => row.category === null);
      expect(missing).toHaveLength(2);
      expect(missing[0]).toMatchObject({ version: 0, updatedBy: null });
    });

    it('accepts 2016Q2 as 2016K2', async () => {
      const canonical = await demo.get('/api/quarters/2016K2/statuses');
      expect(await demo.get('/api/quarters/2016Q2/statuses')).toMatchObject({ status: 200, body: canonical.body });
    });
  });

  describe('GET /api/statuses (the status matrix)', () => {
    it('holds every quarter’s category exactly as the per-quarter statuses do', async () => {
      const { body } = await demo.get('/api/statuses');
      expect(body.quarters).toHaveLength(11);
      expect(body.municipalities).toHaveLength(98);
      for (const [i, quarter] of body.quarters.entries()) {
        const perQuarter = (await demo.get(`/api/quarters/${quarter}/statuses`)).body;
        expect(body.municipalities.map((m: { categories: number[] }) => m.categories[i])).toEqual(
          perQuarter.map((s: { category: number | null }) => s.category),
        );
      }
    });

    it('lists each change with the reason recorded in the quarter it happened', async () => {
      const { body } = await demo.get('/api/statuses');
      const changed = body.municipalities.find((m: { changes: unknown[] }) => m.changes.length > 0);
      const change = changed.changes[0];
      const status = (await demo.get(`/api/quarters/${change.quarter}/statuses`)).body.find((s: { code: string }) => s.code === changed.code);
      expect(status).toMatchObject({ category: change.to, reason: change.reason, note: change.note });
      const i = body.quarters.indexOf(change.quarter);
      expect(changed.categories[i - 1]).toBe(change.from);
    });

    it('cuts to a range', async () => {
      const { body } = await demo.get('/api/statuses?from=2017Q1&to=2017K4');
      expect(body.quarters).toEqual(['2017K1', '2017K2', '2017K3', '2017K4']);
      expect(body.municipalities[0].categories).toHaveLength(4);
    });

    it.each([
      ['/api/statuses?from=2018K1&to=2016K2', 400, /^from: 2018K1 comes after to \(2016K2\)/],
      ['/api/statuses?from=2016X1', 400, /^from: must be a quarter code/],
      ['/api/statuses?to=2031K1', 404, /^to: 2031K1 is not in the database/],
      ['/api/statuses?quarter=2018K4', 400, /quarter: is not a known field/],
    ])('%s answers %i', async (url, status, message) => {
      const answer = await demo.get(url);
      expect(answer.status).toBe(status);
      expect(answer.body.message).toMatch(message);
    });
  });
});

describe('entered by administrators and consultants', () => {
  // København and its neighbours, which these tests edit, are in Hovedstaden.
  const demo = useDemoApp({ logins: ['admin', 'consultant', 'viewer'], consultantAreas: ['Hovedstaden'] });

  describe('PUT /api/quarters/:quarter/statuses/:code', () => {
    it('saves a change of category with its reason and note, and bumps the version', async () => {
      await demo.openNext();
      const before = await demo.statusOf('2019K1', '0101');
      const category = before.category === 1 ? 2 : 1;
      const answer = await demo.consultant.inject('PUT', '/api/quarters/2019K1/statuses/101', {
        category,
        reason: 'too_few_volunteers',
        note: 'Tre frivillige er stoppet',
        version: before.version,
      });
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toMatchObject({
        code: '0101',
        category,
        reason: 'too_few_volunteers',
        note: 'Tre frivillige er stoppet',
        carriedOver: false,
        version: before.version + 1,
        updatedBy: 'Test consultant',
      });
    });

    it('requires a reason when the category differs from the previous quarter', async () => {
      await demo.openNext();
      const before = await demo.statusOf('2019K1', '0101');
      const fingerprint = databaseFingerprint(demo.databasePath);
      const answer = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', {
        category: before.category === 3 ? 2 : 3,
        version: before.version,
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json().errors).toEqual([
        expect.objectContaining({ row: 1, code: '0101', field: 'reason', message: expect.stringMatching(/choose a reason/) }),
      ]);
      expect(databaseFingerprint(demo.databasePath)).toBe(fingerprint);
    });

    it('requires a text for reason "other" and for "not assessed"', async () => {
      await demo.openNext();
      const before = await demo.statusOf('2019K1', '0147');
      const other = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0147', {
        category: before.category === 1 ? 2 : 1,
        reason: 'other',
        version: before.version,
      });
      expect(other.json().errors[0]).toMatchObject({ field: 'reasonText' });
      const notAssessed = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0147', { category: null, version: before.version });
      expect(notAssessed.json().errors[0]).toMatchObject({ field: 'reasonText', message: expect.stringMatching(/not assessed/) });
      const explained = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0147', {
        category: null,
        reasonText: 'Kommunen svarede ikke i kvartalet',
        version: before.version,
      });
      expect(explained.statusCode).toBe(200);
      expect(explained.json()).toMatchObject({ category: null, reasonText: 'Kommunen svarede ikke i kvartalet' });
    });

    it('answers 409 with the current row when the version is stale, and keeps the other person’s write', async () => {
      await demo.openNext();
      const start = await demo.statusOf('2019K1', '0151');
      const other = start.category === 1 ? 2 : 1;
      const first = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0151', {
        category: other,
        reason: 'municipal_staff_change',
        version: start.version,
      });
      expect(first.statusCode).toBe(200);
      const stale = await demo.consultant.inject('PUT', '/api/quarters/2019K1/statuses/0151', {
        category: start.category,
        note: 'Min version',
        version: start.version,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().conflicts[0]).toMatchObject({ code: '0151', yourVersion: start.version, current: first.json() });
      expect(await demo.statusOf('2019K1', '0151')).toEqual(first.json());
    });

    it('refuses writes to a final quarter with an explanation', async () => {
      const before = databaseFingerprint(demo.databasePath);
      const answer = await demo.admin.inject('PUT', '/api/quarters/2018K4/statuses/0101', { category: 1, version: 1 });
      expect(answer.statusCode).toBe(409);
      expect(answer.json().message).toMatch(/2018K4 is final; an administrator must reopen it/);
      expect(databaseFingerprint(demo.databasePath)).toBe(before);
    });

    it('answers 400 naming the field for a malformed body', async () => {
      await demo.openNext();
      for (const [payload, field] of [
        [{ category: 4, version: 1 }, 'body.category'],
        [{ category: 1 }, 'body.version'],
        [{ category: 1, version: -1 }, 'body.version'],
        [{ category: 1, version: 1, reason: 'bored' }, 'body.reason'],
        [{ category: 1, version: 1, colour: 'green' }, 'body.colour'],
        [{ category: '1', version: 1 }, 'body.category'],
      ] as const) {
        const answer = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', payload);
        expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
        expect(answer.json().message).toContain(field);
      }
    });
  });

  describe('PUT /api/quarters/:quarter/statuses (bulk)', () => {
    it('saves every row in one go and confirms carried-over rows', async () => {
      await demo.openNext();
      await demo.confirmAll('2019K1');
      const rows = (await demo.admin.inject('GET', '/api/quarters/2019K1/statuses')).json();
      expect(rows.every((r: { carriedOver: boolean }) => !r.carriedOver)).toBe(true);
    });

    /** Sends rows made from the newly opened 2019K1's in one go: refused with `status`, nothing written; answers the refusal. */
    async function refusedInOneGo(status: number, rowsFrom: (rows: { code: string; category: number; version: number }[]) => object[]) {
      await demo.openNext();
      const rows = await demo.statuses('2019K1');
      const before = databaseFingerprint(demo.databasePath);
      const answer = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses', { rows: rowsFrom(rows) });
      expect(answer.statusCode).toBe(status);
      expect(databaseFingerprint(demo.databasePath)).toBe(before);
      return answer.json();
    }

    it('writes nothing when one row is invalid, and reports every bad row', async () => {
      const refusal = await refusedInOneGo(400, (rows) => [
        { code: rows[0].code, category: rows[0].category, version: rows[0].version },
        { code: '0411', category: 1, version: 0 },
        { code: rows[2].code, category: rows[2].category === 1 ? 3 : 1, version: rows[2].version },
        { code: rows[0].code, category: rows[0].category, version: rows[0].version },
      ]);
      expect(refusal.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
        [2, 'code'],
        [3, 'reason'],
        [4, 'code'],
      ]);
    });

    it('writes nothing when one row is stale', async () => {
      const refusal = await refusedInOneGo(409, (rows) => [
        { code: rows[0].code, category: rows[0].category, version: rows[0].version },
        { code: rows[1].code, category: rows[1].category, version: rows[1].version + 5 },
      ]);
      expect(refusal.conflicts).toHaveLength(1);
    });
  });
});
