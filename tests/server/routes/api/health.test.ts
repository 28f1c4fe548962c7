import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';

const demo = useDemoApp({ per: 'file' });

describe('GET /api/health', () => {
  it('answers ok after reading the database', async () => {
    expect(await demo.get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
