import { describe, expect, it } from 'vitest';
import { databaseFingerprint, loginAs } from '../../helper.ts';
import { useDemoApp } from '../../demo-app.ts';

const demo = useDemoApp({ logins: ['admin', 'consultant'], consultantAreas: ['Nordjylland'] });

describe('a consultant’s own area', () => {
  it('may change statuses there but not elsewhere', async () => {
    await demo.openNext();
    const aalborg = await demo.statusOf('2019K1', '0851');
    const inside = await demo.consultant.inject('PUT', '/api/quarters/2019K1/statuses/0851', { category: aalborg.category, note: 'Set', version: aalborg.version });
    expect(inside.statusCode).toBe(200);
    const before = databaseFingerprint(demo.databasePath);
    const outside = await demo.consultant.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: 1, version: 1 });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().message).toBe('you may only change municipalities in your own area; not 0101 København');
    const mixed = await demo.consultant.inject('PUT', '/api/quarters/2019K1/statuses', {
      rows: [
        { code: '0851', category: aalborg.category, version: 2 },
        { code: '0751', category: 1, version: 1 },
      ],
    });
    expect(mixed.statusCode).toBe(403);
    expect(mixed.json().message).toMatch(/0751 Aarhus/);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('means nothing may be changed until an administrator assigns one', async () => {
    await demo.openNext();
    const newcomer = await loginAs(demo.app, 'consultant', 'new.consultant@vv.test');
    const answer = await newcomer.inject('PUT', '/api/quarters/2019K1/statuses/0851', { category: 1, version: 1 });
    expect(answer.statusCode).toBe(403);
    expect(answer.json().message).toMatch(/you have no area yet/);
  });

  it('does not limit administrators', async () => {
    await demo.openNext();
    const s = await demo.statusOf('2019K1', '0101');
    expect((await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0101', { category: s.category, version: s.version })).statusCode).toBe(200);
  });
});
