/**
 * The baselines for the HTTP benchmark: Fastify with the same logger as the real server, answering
 * a constant. `/bare` answers a tiny object (the brief's baseline); `/bare/<bytes>` answers a
 * ready-made JSON text of that size, so a route with a large answer can also be compared with the
 * bare cost of sending that many bytes.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: { level: process.env.LOG_LEVEL || 'info' } });
const padded = new Map<number, string>();
app.get('/bare', async () => ({ status: 'ok' }));
app.get<{ Params: { bytes: string } }>('/bare/:bytes', async (request, reply) => {
  const bytes = Math.min(Math.max(Number(request.params.bytes) || 0, 16), 1_000_000);
  if (!padded.has(bytes)) padded.set(bytes, JSON.stringify({ padding: 'x'.repeat(bytes - 14) }));
  return reply.type('application/json; charset=utf-8').send(padded.get(bytes));
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
