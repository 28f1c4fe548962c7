import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';

const demo = useDemoApp({ logins: ['admin', 'consultant'], consultantAreas: ['Nordjylland'] });

const areas = async () => (await demo.admin.inject('GET', '/api/areas')).json();

describe('areas', () => {
  it('the demo has the six areas, covering every municipality once', async () => {
    const list = await areas();
    expect(list.map((a: { name: string }) => a.name)).toEqual(['Fyn', 'Hovedstaden', 'Midtjylland', 'Nordjylland', 'Sjælland', 'Sydjylland']);
    const codes = list.flatMap((a: { municipalityCodes: string[] }) => a.municipalityCodes);
    expect(codes).toHaveLength(98);
    expect(new Set(codes).size).toBe(98);
    expect(list.find((a: { name: string }) => a.name === 'Nordjylland').consultants).toEqual([
      { id: demo.consultant.user.id, name: 'Test consultant', email: 'consultant@vv.test' },
    ]);
  });

  it('an administrator creates an area, and its municipalities move out of their old one', async () => {
    const created = await demo.admin.inject('POST', '/api/areas', {
      name: 'Trekantområdet',
      municipalityCodes: ['607', '0621', '0630'],
      consultantIds: [demo.consultant.user.id],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Trekantområdet', municipalityCodes: ['0607', '0621', '0630'] });
    const sydjylland = (await areas()).find((a: { name: string }) => a.name === 'Sydjylland');
    expect(sydjylland.municipalityCodes).not.toContain('0621');
    const audit = demo.app.database.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'area'").pluck().all();
    expect(audit.at(-1)).toBe('create');
  });

  it.each([
    [{ name: 'Nordjylland', municipalityCodes: [], consultantIds: [] }, 400, /already an area called Nordjylland/],
    [{ name: 'X', municipalityCodes: ['0411'], consultantIds: [] }, 400, /"0411" is not one of the 98/],
    [{ name: 'X', municipalityCodes: ['0101', '101'], consultantIds: [] }, 400, /0101 appears more than once/],
    [{ name: 'X', municipalityCodes: [], consultantIds: [99999] }, 400, /user 99999 does not exist/],
    [{ name: '', municipalityCodes: [], consultantIds: [] }, 400, /^body.name/],
  ])('refuses %j and changes nothing', async (payload, status, message) => {
    await demo.expectRefusal(() => demo.admin.inject('POST', '/api/areas', payload), status, message);
  });

  it('only accepts regional consultants as an area’s consultants, and only administrators may change areas', async () => {
    const bad = await demo.admin.inject('POST', '/api/areas', { name: 'X', municipalityCodes: [], consultantIds: [demo.admin.user.id] });
    expect(bad.json().message).toMatch(/is not a regional consultant/);
    const refused = await demo.consultant.inject('PUT', '/api/areas/1', { name: 'Mit område', municipalityCodes: [], consultantIds: [] });
    expect(refused.statusCode).toBe(403);
  });
});
