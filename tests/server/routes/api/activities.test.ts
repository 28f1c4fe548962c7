import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';

const demo = useDemoApp({ logins: ['admin', 'consultant'], consultantAreas: ['Nordjylland'] });


describe('the support log', () => {
  it('records an activity in the consultant’s area and lists it for the municipality and quarter', async () => {
    const answer = await demo.consultant.inject('POST', '/api/activities', {
      municipalityCode: '851',
      kind: 'ryk_ud_course',
      happenedOn: '2019-02-14',
      participants: 12,
    });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ municipalityCode: '0851', municipalityName: 'Aalborg', kind: 'ryk_ud_course', createdBy: 'Test consultant' });
    const listed = (await demo.admin.inject('GET', '/api/activities?municipality=0851')).json();
    expect(listed[0].id).toBe(answer.json().id);
  });

  it.each([
    [{ municipalityCode: '0101', kind: 'dialogue_meeting', happenedOn: '2019-01-10' }, 403, /own area/],
    [{ municipalityCode: '0851', kind: 'party', happenedOn: '2019-01-10' }, 400, /^body.kind/],
    [{ municipalityCode: '0851', kind: 'other', happenedOn: '2099-01-10' }, 400, /^happenedOn: the activity cannot be in the future/],
    [{ municipalityCode: '0851', kind: 'other', happenedOn: '2019-02-30' }, 400, /^body.happenedOn: must be a date written YYYY-MM-DD/],
    [{ municipalityCode: '0851', kind: 'other', happenedOn: '2019-01-10', participants: -1 }, 400, /^body.participants/],
  ])('refuses %j and changes nothing', async (payload, status, message) => {
    await demo.expectRefusal(() => demo.consultant.inject('POST', '/api/activities', payload), status, message);
  });
});
