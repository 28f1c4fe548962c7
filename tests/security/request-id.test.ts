/**
 * Issue #9: the caller's X-Request-Id was used as it came (8 KB, "<script>") in the answer's
 * header and in every log line. Only a short plain token is kept; anything else gets a new UUID.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLoggingApp } from '../helper.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const log: string[] = [];
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildLoggingApp(log);
});
afterAll(() => app.close());

/** The answer's X-Request-Id and the request ids of the log lines the request wrote. */
async function ask(requestId: string) {
  const from = log.length;
  const answer = await app.inject({ url: '/api/health', headers: { 'x-request-id': requestId } });
  expect(answer.statusCode).toBe(200);
  const lines = log.slice(from);
  expect(lines.length).toBeGreaterThan(0);
  return { header: answer.headers['x-request-id'] as string, logged: lines.map((line) => JSON.parse(line).reqId as string), text: lines.join('') };
}

describe('X-Request-Id', () => {
  it.each([
    ['a script', '<script>alert(1)</script>'],
    ['8 KB', 'a'.repeat(8192)],
    ['65 characters', 'a'.repeat(65)],
    ['spaces and quotes', 'trace 42"'],
    ['a line break', 'trace\n{"level":60}'],
    ['non-ASCII letters', 'spor-æøå'],
  ])('%s is replaced by a new UUID, in the header and in the log', async (_, hostile) => {
    const { header, logged, text } = await ask(hostile);
    expect(header).toMatch(UUID);
    expect(logged.every((id) => id === header)).toBe(true);
    expect(text).not.toContain(hostile);
  });

  it.each(['trace-42', 'a'.repeat(64), 'Req_1.2-b'])('a short plain token (%s) is kept', async (good) => {
    const { header, logged } = await ask(good);
    expect(header).toBe(good);
    expect(logged.every((id) => id === good)).toBe(true);
  });
});
