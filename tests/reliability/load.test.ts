/**
 * A short run of the load test (bench/load.ts): readers and writers at once against the real
 * server in a child process, for 5 seconds. The full run (200 readers, 5 writers, 60 s) is
 * `npm run bench -- load`. Only correctness is asserted here; the speed figures are the bench's.
 */
import { describe, expect, it } from 'vitest';
import { runLoadTest } from '../../bench/load.ts';

describe('readers and writers at once', () => {
  it('fail no request and lose no acknowledged write', async () => {
    const result = await runLoadTest({ readers: 20, writers: 2, seconds: 5 }, () => {});
    expect(result.reads.errors).toBe(0);
    expect(result.reads.non2xx).toBe(0);
    expect(result.reads.requests).toBeGreaterThan(0);
    expect(result.writes.failed).toBe(0);
    expect(result.writes.refused).toBe(0);
    expect(result.writes.acknowledged).toBeGreaterThan(0);
    expect(result.lostWrites).toBe(0);
    expect(result.integrity).toBe('ok');
    expect(result.serverExitCode).toBe(0);
  }, 60_000);
});
