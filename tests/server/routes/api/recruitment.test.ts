import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignArea, buildTestApp, type Client, databaseFingerprint, loginAs } from '../../../helper.ts';

let app: FastifyInstance;
let databasePath: string;
let admin: Client;
let consultant: Client;

beforeEach(async () => {
  ({ app, databasePath } = await buildTestApp());
  [admin, consultant] = await Promise.all([loginAs(app, 'admin'), loginAs(app, 'consultant')]);
  assignArea(app, consultant.user.id, 'Nordjylland');
});
afterEach(() => app.close());

const openNext = async () => expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);

describe('recruitment numbers', () => {
  it('the demo sums to the published 991 volunteers missing in 2018K4', async () => {
    const { totals, rows } = (await admin.inject('GET', '/api/quarters/2018K4/recruitment')).json();
    expect(totals.volunteersMissing).toBe(991);
    expect(rows).toHaveLength(98);
  });

  it('are entered for the consultant’s own municipalities and summed nationally', async () => {
    await openNext();
    const answer = await consultant.inject('PUT', '/api/quarters/2019K1/recruitment', {
      rows: [
        { code: '0851', volunteersMissing: 14, refugeesWaiting: 20, newMatches: 6 },
        { code: '0860', volunteersMissing: 3 },
      ],
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().totals).toMatchObject({ volunteersMissing: 17, refugeesWaiting: 20, newMatches: 6, reporting: 2 });
    const refused = await consultant.inject('PUT', '/api/quarters/2019K1/recruitment', { rows: [{ code: '0101', volunteersMissing: 1 }] });
    expect(refused.statusCode).toBe(403);
  });

  it('are refused for a final quarter and for negative numbers, changing nothing', async () => {
    const before = databaseFingerprint(databasePath);
    expect((await admin.inject('PUT', '/api/quarters/2018K4/recruitment', { rows: [{ code: '0851', volunteersMissing: 1 }] })).statusCode).toBe(409);
    const negative = await admin.inject('PUT', '/api/quarters/2018K4/recruitment', { rows: [{ code: '0851', volunteersMissing: -4 }] });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().message).toMatch(/^body.rows.0.volunteersMissing/);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });
});
