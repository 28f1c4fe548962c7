import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignArea, buildTestApp, databaseFingerprint, loginAs, type Client } from '../helper.ts';

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

const areas = async () => (await admin.inject('GET', '/api/areas')).json();
const openNext = async () => expect((await admin.inject('POST', '/api/quarters')).statusCode).toBe(201);
const statusOf = async (quarter: string, code: string) =>
  (await admin.inject('GET', `/api/quarters/${quarter}/statuses`)).json().find((s: { code: string }) => s.code === code);

describe('areas', () => {
  it('the demo has the six areas, covering every municipality once', async () => {
    const list = await areas();
    expect(list.map((a: { name: string }) => a.name)).toEqual(['Fyn', 'Hovedstaden', 'Midtjylland', 'Nordjylland', 'Sjælland', 'Sydjylland']);
    const codes = list.flatMap((a: { municipalityCodes: string[] }) => a.municipalityCodes);
    expect(codes).toHaveLength(98);
    expect(new Set(codes).size).toBe(98);
    expect(list.find((a: { name: string }) => a.name === 'Nordjylland').consultants).toEqual([
      { id: consultant.user.id, name: 'Test consultant', email: 'consultant@vv.test' },
    ]);
  });

  it('an administrator creates an area, and its municipalities move out of their old one', async () => {
    const created = await admin.inject('POST', '/api/areas', {
      name: 'Trekantområdet',
      municipalityCodes: ['607', '0621', '0630'],
      consultantIds: [consultant.user.id],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Trekantområdet', municipalityCodes: ['0607', '0621', '0630'] });
    const sydjylland = (await areas()).find((a: { name: string }) => a.name === 'Sydjylland');
    expect(sydjylland.municipalityCodes).not.toContain('0621');
    const audit = app.database.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'area'").pluck().all();
    expect(audit.at(-1)).toBe('create');
  });

  it.each([
    [{ name: 'Nordjylland', municipalityCodes: [], consultantIds: [] }, 400, /already an area called Nordjylland/],
    [{ name: 'X', municipalityCodes: ['0411'], consultantIds: [] }, 400, /"0411" is not one of the 98/],
    [{ name: 'X', municipalityCodes: ['0101', '101'], consultantIds: [] }, 400, /0101 appears more than once/],
    [{ name: 'X', municipalityCodes: [], consultantIds: [99999] }, 400, /user 99999 does not exist/],
    [{ name: '', municipalityCodes: [], consultantIds: [] }, 400, /^body.name/],
  ])('refuses %j and changes nothing', async (payload, status, message) => {
    const before = databaseFingerprint(databasePath);
    const answer = await admin.inject('POST', '/api/areas', payload);
    expect(answer.statusCode).toBe(status);
    expect(answer.json().message).toMatch(message);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });

  it('only accepts regional consultants as an area’s consultants, and only administrators may change areas', async () => {
    const bad = await admin.inject('POST', '/api/areas', { name: 'X', municipalityCodes: [], consultantIds: [admin.user.id] });
    expect(bad.json().message).toMatch(/is not a regional consultant/);
    const refused = await consultant.inject('PUT', '/api/areas/1', { name: 'Mit område', municipalityCodes: [], consultantIds: [] });
    expect(refused.statusCode).toBe(403);
  });
});

describe('a consultant’s own area', () => {
  it('may change statuses there but not elsewhere', async () => {
    await openNext();
    const aalborg = await statusOf('2019K1', '0851');
    const inside = await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0851', { category: aalborg.category, note: 'Set', version: aalborg.version });
    expect(inside.statusCode).toBe(200);
    const before = databaseFingerprint(databasePath);
    const outside = await consultant.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: 1, version: 1 });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toBe('you may only change municipalities in your own area; not 0101 København');
    const mixed = await consultant.inject('PUT', '/api/quarters/2019K1/statuses', {
      rows: [
        { code: '0851', category: aalborg.category, version: 2 },
        { code: '0751', category: 1, version: 1 },
      ],
    });
    expect(mixed.statusCode).toBe(403);
    expect(mixed.json().message).toMatch(/0751 Aarhus/);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });

  it('means nothing may be changed until an administrator assigns one', async () => {
    await openNext();
    const newcomer = await loginAs(app, 'consultant', 'new.consultant@vv.test');
    const answer = await newcomer.inject('PUT', '/api/quarters/2019K1/statuses/0851', { category: 1, version: 1 });
    expect(answer.statusCode).toBe(403);
    expect(answer.json().message).toMatch(/you have no area yet/);
  });

  it('does not limit administrators', async () => {
    await openNext();
    const s = await statusOf('2019K1', '0101');
    expect((await admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: s.category, version: s.version })).statusCode).toBe(200);
  });
});

describe('the priority list', () => {
  it('ranks every municipality of a quarter with its reasons, highest need first', async () => {
    const list = (await admin.inject('GET', '/api/priorities?quarter=2018K4')).json();
    expect(list).toHaveLength(98);
    for (let i = 1; i < list.length; i++) expect(list[i - 1].score).toBeGreaterThanOrEqual(list[i].score);
    for (const row of list) expect(row.score).toBe(row.reasons.reduce((sum: number, r: { points: number }) => sum + r.points, 0));
    const reds = list.filter((r: { category: number }) => r.category === 3);
    expect(reds).toHaveLength(3);
    for (const red of reds) expect(red.reasons.map((r: { rule: string }) => r.rule)).toContain('red');
  });

  it('filters by area and defaults to the newest quarter', async () => {
    const north = (await areas()).find((a: { name: string }) => a.name === 'Nordjylland');
    const list = (await admin.inject('GET', `/api/priorities?area=${north.id}`)).json();
    expect(list.map((r: { code: string }) => r.code).sort()).toEqual([...north.municipalityCodes].sort());
    expect((await admin.inject('GET', '/api/priorities?area=999')).statusCode).toBe(404);
  });

  it('follows a new support activity: "no support" disappears', async () => {
    const before = (await admin.inject('GET', '/api/priorities?quarter=2018K4')).json();
    const unsupported = before.find(
      (r: { areaName: string; reasons: { rule: string }[] }) => r.areaName === 'Nordjylland' && r.reasons.some((x) => x.rule === 'noSupport'),
    );
    expect(unsupported).toBeDefined();
    await admin.inject('POST', '/api/quarters/2018K4/reopen', { reason: 'Efterregistrering' });
    const logged = await consultant.inject('POST', '/api/activities', {
      municipalityCode: unsupported.code,
      kind: 'dialogue_meeting',
      happenedOn: '2018-11-20',
      participants: 4,
      note: 'Dialogmøde med jobcentret',
    });
    expect(logged.statusCode).toBe(201);
    const after = (await admin.inject('GET', '/api/priorities?quarter=2018K4')).json().find((r: { code: string }) => r.code === unsupported.code);
    expect(after.reasons.map((r: { rule: string }) => r.rule)).not.toContain('noSupport');
    expect(after.score).toBe(unsupported.score - 10);
  });
});

describe('the support log', () => {
  it('records an activity in the consultant’s area and lists it for the municipality and quarter', async () => {
    const answer = await consultant.inject('POST', '/api/activities', {
      municipalityCode: '851',
      kind: 'ryk_ud_course',
      happenedOn: '2019-02-14',
      participants: 12,
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ municipalityCode: '0851', municipalityName: 'Aalborg', kind: 'ryk_ud_course', createdBy: 'Test consultant' });
    const listed = (await admin.inject('GET', '/api/activities?municipality=0851')).json();
    expect(listed[0].id).toBe(answer.json().id);
  });

  it.each([
    [{ municipalityCode: '0101', kind: 'dialogue_meeting', happenedOn: '2019-01-10' }, 403, /own area/],
    [{ municipalityCode: '0851', kind: 'party', happenedOn: '2019-01-10' }, 400, /^body.kind/],
    [{ municipalityCode: '0851', kind: 'other', happenedOn: '2099-01-10' }, 400, /^happenedOn: the activity cannot be in the future/],
    [{ municipalityCode: '0851', kind: 'other', happenedOn: '2019-02-30' }, 400, /^body.happenedOn: must be a date written YYYY-MM-DD/],
    [{ municipalityCode: '0851', kind: 'other', happenedOn: '2019-01-10', participants: -1 }, 400, /^body.participants/],
  ])('refuses %j and changes nothing', async (payload, status, message) => {
    const before = databaseFingerprint(databasePath);
    const answer = await consultant.inject('POST', '/api/activities', payload);
    expect(answer.statusCode).toBe(status);
    expect(answer.json().message).toMatch(message);
    expect(databaseFingerprint(databasePath)).toBe(before);
  });
});

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
