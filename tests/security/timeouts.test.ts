/**
 * A slow client cannot hold a connection open for ever: a body sent byte by byte, headers never
 * finished, or an idle keep-alive connection are all cut off. The deadlines are shortened here;
 * production uses server/app.ts DEFAULT_TIMEOUTS.
 */
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS } from '../../server/app.ts';
import { buildTestApp } from '../helper.ts';

let app: FastifyInstance;
let port: number;
beforeAll(async () => {
  ({ app } = await buildTestApp({ timeouts: { requestMs: 1500, headersMs: 1000, keepAliveMs: 500, idleMs: 3000 } }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});
afterAll(() => app.close());

/** Resolves with what the server sent once it closes the connection; rejects after `withinMs`. */
function closedBy(socket: Socket, withinMs: number): Promise<string> {
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (received += chunk));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the connection was still open after ${withinMs} ms`));
    }, withinMs);
    socket.on('close', () => {
      clearTimeout(deadline);
      resolve(received);
    });
  });
}

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

describe('slow clients', () => {
  it('have production deadlines set', () => {
    expect(DEFAULT_TIMEOUTS.requestMs).toBeGreaterThan(0);
    expect(DEFAULT_TIMEOUTS.headersMs).toBeGreaterThan(0);
    expect(DEFAULT_TIMEOUTS.headersMs).toBeLessThanOrEqual(DEFAULT_TIMEOUTS.requestMs);
    expect(DEFAULT_TIMEOUTS.keepAliveMs).toBeGreaterThan(0);
  });

  // A request that starts, then trickles one more character every 200 ms and never ends.
  it.each([
    ['a body that never finishes arriving is cut off', `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"email":`, ' '],
    ['headers that never finish are cut off', 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 'a'],
  ])('%s', async (_, start, more) => {
    const socket = await open();
    const closed = closedBy(socket, 10_000);
    socket.write(start);
    const trickle = setInterval(() => socket.writable && socket.write(more), 200);
    try {
      const answer = await closed;
      expect(answer === '' || /^HTTP\/1\.1 408/.test(answer)).toBe(true);
    } finally {
      clearInterval(trickle);
    }
  });

  it('an idle keep-alive connection is closed after its answer', async () => {
    const socket = await open();
    const closed = closedBy(socket, 10_000);
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
  });
});
