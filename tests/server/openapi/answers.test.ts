/**
 * The check that holds every API test's answers to their documented schema (tests/contract.ts)
 * does catch an answer that drifts, also one sent as ready-made or gzipped JSON text.
 */
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { checkAnswersAgainstSchemas, takeContractViolations } from '../../contract.ts';

describe('the answer check of the API tests', () => {
  it('records an answer that does not match its schema, and passes one that does', async () => {
    const app = Fastify();
    checkAnswersAgainstSchemas(app);
    const response = { 200: { type: 'object', required: ['green'], properties: { green: { type: 'integer' } } } };
    app.get('/text', { schema: { response } }, async (_request, reply) => reply.type('application/json').send('{"grøn":63}'));
    app.get('/gzip', { schema: { response } }, async (_request, reply) =>
      reply.type('application/json').header('content-encoding', 'gzip').send(gzipSync('{"green":"63"}')),
    );
    app.get('/good', { schema: { response } }, async () => ({ green: 63 }));
    await app.ready();
    takeContractViolations();
    await app.inject('/good');
    expect(takeContractViolations()).toEqual([]);
    await app.inject('/text');
    await app.inject('/gzip');
    const found = takeContractViolations();
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^GET \/text → 200: .*green/);
    expect(found[1]).toMatch(/^GET \/gzip → 200: .*integer/);
    await app.close();
  });
});
