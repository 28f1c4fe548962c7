/**
 * HTTP throughput and latency of the dashboard's routes, each paired with a bare Fastify route
 * measured in the same minute. The machine is shared and noisy (other test runs come and go), so
 * route and baselines are measured in turns, three rounds each, and each figure is the median of
 * its rounds: a burst of outside load then hits all of them alike, or is outvoted.
 *
 * The real server (scripts/start.ts: real app, real SQLite file, demo data, anonymous read on) and
 * the bare server each run in their own child process; autocannon runs here, so the load
 * generator never shares an event loop with the server it measures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { startServerProcess } from './server-process.ts';

export interface Measurement {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export interface RouteResult extends Measurement {
  name: string;
  path: string;
  /** Size of the route's answer body. */
  bytes: number;
  /** The bare route answering a constant, measured just before this one. */
  baseline: Measurement;
  /** requests/s of the route divided by requests/s of its baseline. */
  ratio: number;
  /** The bare route answering a constant of the route's own size: what sending that many bytes costs. */
  sameSizeBaseline: Measurement;
  sameSizeRatio: number;
  /** Only the data routes have targets: ratio ≥ 0.5 and p99 < 10 ms. */
  target: { minRatio: number; maxP99Ms: number; met: boolean } | null;
}

export interface HttpResults {
  connections: number;
  /** Per figure, split into three rounds taken in turns with the baselines. */
  seconds: number;
  logLevel: string;
  routes: RouteResult[];
}

export const TARGET = { minRatio: 0.5, maxP99Ms: 10 };

const ROUTES = [
  { name: 'statuses of a quarter', path: '/api/quarters/2018K4/statuses', data: true },
  { name: 'summary', path: '/api/summary', data: true },
  { name: 'municipality history', path: '/api/municipalities/0101/history', data: true },
  { name: 'front page', path: '/', data: false },
  // Not a target: a trivial route of the real app, showing what every request costs before any data.
  { name: 'health (app overhead)', path: '/api/health', data: false },
];

const ROUNDS = 3;

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function measurement(rounds: Result[]): Measurement {
  return {
    requestsPerSecond: Math.round(median(rounds.map((r) => r.requests.average))),
    p50Ms: median(rounds.map((r) => r.latency.p50)),
    p99Ms: median(rounds.map((r) => r.latency.p99)),
    errors: rounds.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

export async function runHttpBenchmark({ connections = 50, seconds = 9, logLevel = 'info' } = {}): Promise<HttpResults> {
  const work = mkdtempSync(join(tmpdir(), 'vv-bench-http-'));
  // The production default log level: each request writes its two pino lines, as in production.
  const real = await startServerProcess({
    env: { DATABASE_PATH: join(work, 'vv-monitor.sqlite'), DEMO_DATA: '1', ANONYMOUS_READ: '1', LOG_LEVEL: logLevel },
    logFile: join(work, 'server.log'),
  });
  const bare = await startServerProcess({
    entry: 'bench/bare-server.ts',
    env: { LOG_LEVEL: logLevel },
    logFile: join(work, 'bare.log'),
    readyPath: '/bare',
  });
  // Asked as a browser asks: it accepts HTML, JSON and gzip (the bare routes ignore the last).
  const headers = { accept: 'text/html,application/json', 'accept-encoding': 'gzip, deflate, br' };
  const run = async (url: string, duration: number) => autocannon({ url, connections, duration, headers });
  try {
    const routes: RouteResult[] = [];
    for (const route of ROUTES) {
      const url = `${real.baseUrl}${route.path}`;
      const bytes = (await (await fetch(url, { headers })).arrayBuffer()).byteLength;
      await run(url, 2); // warm-up: JIT, caches, connections
      const rounds: Record<'bare' | 'sameSize' | 'route', Result[]> = { bare: [], sameSize: [], route: [] };
      for (let round = 0; round < ROUNDS; round++) {
        rounds.bare.push(await run(`${bare.baseUrl}/bare`, seconds / ROUNDS));
        rounds.sameSize.push(await run(`${bare.baseUrl}/bare/${bytes}`, seconds / ROUNDS));
        rounds.route.push(await run(url, seconds / ROUNDS));
      }
      const baseline = measurement(rounds.bare);
      const sameSizeBaseline = measurement(rounds.sameSize);
      const measured = measurement(rounds.route);
      const ratio = Number((measured.requestsPerSecond / baseline.requestsPerSecond).toFixed(2));
      const sameSizeRatio = Number((measured.requestsPerSecond / sameSizeBaseline.requestsPerSecond).toFixed(2));
      const met = ratio >= TARGET.minRatio && measured.p99Ms < TARGET.maxP99Ms && measured.errors + measured.non2xx === 0;
      routes.push({
        name: route.name,
        path: route.path,
        bytes,
        ...measured,
        baseline,
        ratio,
        sameSizeBaseline,
        sameSizeRatio,
        target: route.data ? { ...TARGET, met } : null,
      });
      console.log(
        `${route.name.padEnd(24)} ${String(measured.requestsPerSecond).padStart(6)} req/s  p50 ${measured.p50Ms} ms  p99 ${String(measured.p99Ms).padStart(3)} ms ` +
          `| bare ${baseline.requestsPerSecond} req/s p99 ${baseline.p99Ms} ms: ratio ${ratio} ` +
          `| bare ${bytes} B ${sameSizeBaseline.requestsPerSecond} req/s: ratio ${sameSizeRatio}${route.data ? (met ? '  target met' : '  TARGET MISSED') : ''}`,
      );
    }
    return { connections, seconds, logLevel, routes };
  } finally {
    await Promise.all([real.stop(), bare.stop()]);
    rmSync(work, { recursive: true, force: true });
  }
}
