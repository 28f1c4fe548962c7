/**
 * The real server (scripts/start.ts) or the bare baseline server as a child process, so a load
 * generator or a test never shares the server's event loop, and a test can kill it for real.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServerProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote (its pino log lines and messages), read from its log file. */
  log(): string;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  /** Entry point relative to the project root; the real server by default. */
  entry?: string;
  env: Record<string, string>;
  /** Where stdout and stderr go: a file, so a full pipe can never stall the server. */
  logFile: string;
  /** Polled until it answers 200. */
  readyPath?: string;
  timeoutMs?: number;
  /** Extra flags for node, e.g. `--cpu-prof` to find where a route spends its time. */
  nodeArgs?: string[];
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startServerProcess(options: StartOptions): Promise<ServerProcess> {
  const port = Number(options.env.PORT) || (await freePort());
  const out = openSync(options.logFile, 'w');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', options.entry ?? 'scripts/start.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...options.env, PORT: String(port) },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = () => readFileSync(options.logFile, 'utf8');
  let ended = false;
  void exited.then(() => (ended = true));

  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (ended) throw new Error(`the server exited before it was ready:\n${log()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server was not ready within ${options.timeoutMs ?? 60_000} ms:\n${log()}`);
    }
    const answer = await fetch(`${baseUrl}${options.readyPath ?? '/api/health'}`).catch(() => null);
    if (answer?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    baseUrl,
    port,
    child,
    exited,
    log,
    async stop() {
      if (!ended) child.kill('SIGTERM');
      return exited;
    },
  };
}
