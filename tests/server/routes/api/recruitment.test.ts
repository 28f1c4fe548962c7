import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../../../helper.ts';
import { useDemoApp } from '../../../demo-app.ts';

const demo = useDemoApp({ logins: ['admin', 'consultant'], consultantAreas: ['Nordjylland'] });

describe('recruitment numbers', () => {
  it('the demo sums to the published 991 volunteers missing in 2018K4', async () => {
    const { totals, rows } = (await demo.admin.inject('GET', '/api/quarters/2018K4/recruitment')).json();
    expect(totals.volunteersMissing).toBe(991);
    expect(rows).toHaveLength(98);
  });

  it('are entered for the consultant’s own municipalities and summed nationally', async () => {
    await demo.openNext();
    const answer = await demo.consultant.inject('PUT', '/api/quarters/2019K1/recruitment', {
      rows: [
        { code: '0851', volunteersMissing: 14, refugeesWaiting: 20, newMatches: 6 },
        { code: '0860', volunteersMissing: 3 },
      ],
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().totals).toMatchObject({ volunteersMissing: 17, refugeesWaiting: 20, newMatches: 6, reporting: 2 });
    const refused = await demo.consultant.inject('PUT', '/api/quarters/2019K1/recruitment', { rows: [{ code: '0101', volunteersMissing: 1 }] });
    expect(refused.statusCode).toBe(403);
  });

  it('are refused for a final quarter and for negative numbers, changing nothing', async () => {
    const before = databaseFingerprint(demo.databasePath);
    expect((await demo.admin.inject('PUT', '/api/quarters/2018K4/recruitment', { rows: [{ code: '0851', volunteersMissing: 1 }] })).statusCode).toBe(409);
    const negative = await demo.admin.inject('PUT', '/api/quarters/2018K4/recruitment', { rows: [{ code: '0851', volunteersMissing: -4 }] });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().message).toMatch(/^body.rows.0.volunteersMissing/);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });
});
