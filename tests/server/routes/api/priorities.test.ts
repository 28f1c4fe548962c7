import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';

const demo = useDemoApp({ logins: ['admin', 'consultant'], consultantAreas: ['Nordjylland'] });

const areas = async () => (await demo.admin.inject('GET', '/api/areas')).json();

describe('the priority list', () => {
  it('ranks every municipality of a quarter with its reasons, highest need first', async () => {
    const list = (await demo.admin.inject('GET', '/api/priorities?quarter=2018K4')).json();
    expect(list).toHaveLength(98);
    for (let i = 1; i < list.length; i++) expect(list[i - 1].score).toBeGreaterThanOrEqual(list[i].score);
    for (const row of list) expect(row.score).toBe(row.reasons.reduce((sum: number, r: { points: number }) => sum + r.points, 0));
    const reds = list.filter((r: { category: number }) => r.category === 3);
    expect(reds).toHaveLength(3);
    for (const red of reds) expect(red.reasons.map((r: { rule: string }) => r.rule)).toContain('red');
  });

  it('filters by area and defaults to the newest quarter', async () => {
    const north = (await areas()).find((a: { name: string }) => a.name === 'Nordjylland');
    const list = (await demo.admin.inject('GET', `/api/priorities?area=${north.id}`)).json();
    expect(list.map((r: { code: string }) => r.code).sort()).toEqual([...north.municipalityCodes].sort());
    expect((await demo.admin.inject('GET', '/api/priorities?area=999')).statusCode).toBe(404);
  });

  it('follows a new support activity: "no support" disappears', async () => {
    const before = (await demo.admin.inject('GET', '/api/priorities?quarter=2018K4')).json();
    const unsupported = before.find(
      (r: { areaName: string; reasons: { rule: string }[] }) => r.areaName === 'Nordjylland' && r.reasons.some((x) => x.rule === 'noSupport'),
    );
    expect(unsupported).toBeDefined();
    await demo.admin.inject('POST', '/api/quarters/2018K4/reopen', { reason: 'Efterregistrering' });
    const logged = await demo.consultant.inject('POST', '/api/activities', {
      municipalityCode: unsupported.code,
      kind: 'dialogue_meeting',
      happenedOn: '2018-11-20',
      participants: 4,
      note: 'Dialogmøde med jobcentret',
    });
    expect(logged.statusCode).toBe(201);
    const after = (await demo.admin.inject('GET', '/api/priorities?quarter=2018K4')).json().find((r: { code: string }) => r.code === unsupported.code);
    expect(after.reasons.map((r: { rule: string }) => r.rule)).not.toContain('noSupport');
    expect(after.score).toBe(unsupported.score - 10);
  });
});
