import { describe, expect, it } from 'vitest';
import { ALL_AREAS, useDemoApp } from '../../../demo-app.ts';

// These tests register agreements anywhere in the country: the consultant covers every area.
const demo = useDemoApp({ logins: ['consultant', 'admin'], consultantAreas: ALL_AREAS });

const summary = async (quarter: string) => (await demo.admin.inject('GET', `/api/summary?quarter=${quarter}`)).json();

/** A municipality with no agreement at the end of 2018 in the demo data. */
async function municipalityWithoutAgreement(): Promise<string> {
  const rows = (await demo.admin.inject('GET', '/api/quarters/2018K4/statuses')).json();
  return rows.find((r: { agreements: string[] }) => r.agreements.length === 0).code;
}

describe('agreements', () => {
  it('registering one moves the dashboard counts of the quarters it is active in', async () => {
    const code = await municipalityWithoutAgreement();
    const before = await summary('2018K4');
    const created = await demo.consultant.inject('POST', '/api/agreements', {
      municipalityCode: code.replace(/^0/, ''),
      organisation: 'RK',
      signedOn: '2018-11-15',
      note: 'Underskrevet på dialogmøde',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ municipalityCode: code, organisation: 'RK', signedOn: '2018-11-15', endedOn: null });
    const after = await summary('2018K4');
    expect(after.agreements.active).toBe(before.agreements.active + 1);
    expect(after.agreements.municipalitiesWithAgreement).toBe(before.agreements.municipalitiesWithAgreement + 1);
    expect((await summary('2018K3')).agreements.active).toBe(61);
  });

  it('ending one takes it out of the counts from the end date on', async () => {
    const [agreement] = (await demo.admin.inject('GET', '/api/agreements?activeOn=2018-12-31')).json();
    const ended = await demo.consultant.inject('PATCH', `/api/agreements/${agreement.id}`, { endedOn: '2018-10-01' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json().endedOn).toBe('2018-10-01');
    expect((await summary('2018K4')).agreements.active).toBe(76);
    const audit = demo.app.database.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'agreement'").pluck().all();
    expect(audit).toEqual(['end']);
  });

  it('lists agreements filtered by municipality, organisation and day', async () => {
    const active = (await demo.admin.inject('GET', '/api/agreements?activeOn=2018-12-31')).json();
    expect(active).toHaveLength(77);
    const rk = (await demo.admin.inject('GET', '/api/agreements?activeOn=2018-12-31&organisation=RK')).json();
    expect(rk.every((a: { organisation: string }) => a.organisation === 'RK')).toBe(true);
    const one = (await demo.admin.inject('GET', `/api/agreements?municipality=${active[0].municipalityCode}`)).json();
    expect(one.every((a: { municipalityCode: string }) => a.municipalityCode === active[0].municipalityCode)).toBe(true);
    expect(one[0].municipalityName).toBeTruthy();
  });

  it.each([
    [{ municipalityCode: '0411', organisation: 'RK', signedOn: '2019-01-01' }, /^municipalityCode: "0411" is not one of the 98/],
    [{ municipalityCode: '0101', organisation: 'UNHCR', signedOn: '2019-01-01' }, /^body.organisation/],
    [{ municipalityCode: '0101', organisation: 'RK', signedOn: '2019-02-30' }, /^body.signedOn: must be a date written YYYY-MM-DD/],
    [{ municipalityCode: '0101', organisation: 'RK', signedOn: '01-02-2019' }, /^body.signedOn: must be a date written YYYY-MM-DD/],
    [{ municipalityCode: '0101', organisation: 'RK', signedOn: '2019-02-01', endedOn: '2019-01-01' }, /^endedOn: an agreement cannot end before it was signed/],
  ])('refuses %j, naming the field, and changes nothing', async (payload, message) => {
    await demo.expectRefusal(() => demo.consultant.inject('POST', '/api/agreements', payload), 400, message);
  });

  it('refuses a second agreement with the same organisation that overlaps the first', async () => {
    const [existing] = (await demo.admin.inject('GET', '/api/agreements?activeOn=2018-12-31')).json();
    const answer = await demo.consultant.inject('POST', '/api/agreements', {
      municipalityCode: existing.municipalityCode,
      organisation: existing.organisation,
      signedOn: '2019-03-01',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().message).toMatch(/already has an agreement with/);
  });

  it('answers 404 for an unknown agreement', async () => {
    expect((await demo.consultant.inject('PATCH', '/api/agreements/99999', { note: 'x' })).statusCode).toBe(404);
  });
});
