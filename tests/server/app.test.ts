import { describe, expect, it } from 'vitest';
import { buildTestApp, databaseFingerprint } from '../helper.ts';

describe('DEMO_DATA off', () => {
  it('starts on an empty database with no quarters', async () => {
    const { app } = await buildTestApp({ demoData: 'off', anonymousRead: 'on' });
    expect((await app.inject('/api/quarters')).json()).toEqual([]);
    expect((await app.inject('/api/meta')).json()).toMatchObject({ dataset: 'live', defaultQuarter: null });
    const summary = await app.inject('/api/summary');
    expect(summary.statusCode).toBe(404);
    expect(summary.json().message).toMatch(/no final quarters/);
    expect((await app.inject('/api/municipalities')).json()).toHaveLength(98);
    await app.close();
  });
});

describe('demo data', () => {
  it('is loaded only into an empty database', async () => {
    const first = await buildTestApp();
    await first.app.close();
    const before = databaseFingerprint(first.databasePath);
    const second = await buildTestApp({ databasePath: first.databasePath });
    await second.app.close();
    expect(databaseFingerprint(first.databasePath)).toBe(before);
  });
});
