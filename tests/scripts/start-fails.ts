/**
 * `npm start` when it should refuse to start: a real process with the given environment, on a free
 * port so that a server that starts after all is in no one's way; one that hangs is killed after
 * 20 seconds and fails the test that waited for it.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { freePort, PROJECT_ROOT } from '../../bench/server-process.ts';

export const START_ARGS = ['--import', 'tsx', 'scripts/start.ts'];

export async function startFails(env: Record<string, string>): Promise<{ code: number; stderr: string; killed: boolean }> {
  const port = String(await freePort());
  const failure = await promisify(execFile)(process.execPath, START_ARGS, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', PORT: port, ...env },
    timeout: 20_000,
  }).catch((error) => error);
  return { code: Number(failure.code ?? 0), stderr: String(failure.stderr), killed: failure.killed === true };
}

/** Stopped as an operator should see it: exit code 1, one line that matches `message`, no stack trace. */
export function expectOneLineStop({ code, stderr }: { code: number; stderr: string }, message: RegExp): void {
  expect(code).toBe(1);
  expect(stderr.trim()).toMatch(message);
  expect(stderr).not.toContain('    at ');
}
