import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../helper.ts';

let app: FastifyInstance;
let databasePath: string;
beforeAll(async () => {
  ({ app, databasePath } = await buildTestApp());
});
afterAll(() => app.close());

const get = async (url: string) => {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
};

describe('GET /api/meta', () => {
  it('labels the dataset as demo and lists definitions and reasons', async () => {
    const { body } = await get('/api/meta');
    expect(body.dataset).toBe('demo');
    expect(body.defaultQuarter).toBe('2018K4');
    expect(body.categoryDefinitions[0].definitions['1'].da).toMatch(/fast forankret/);
    expect(body.reasons.map((r: { code: string }) => r.code)).toContain('too_few_volunteers');
    expect(body.regions).toHaveLength(5);
  });
});
