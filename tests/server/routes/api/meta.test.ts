import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';

const demo = useDemoApp({ per: 'file' });

describe('GET /api/meta', () => {
  it('labels the dataset as demo and lists definitions and reasons', async () => {
    const { body } = await demo.get('/api/meta');
    expect(body.dataset).toBe('demo');
    expect(body.defaultQuarter).toBe('2018K4');
    expect(body.categoryDefinitions[0].definitions['1'].da).toMatch(/fast forankret/);
    expect(body.reasons.map((r: { code: string }) => r.code)).toContain('too_few_volunteers');
    expect(body.regions).toHaveLength(5);
  });
});
