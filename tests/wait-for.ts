/**
 * Polling with a deadline, for tests that wait for something to happen (a log line, a file, a
 * count): it returns as soon as the condition holds, so a fast machine is not slowed by a fixed
 * sleep and a busy one does not fail because the sleep was too short.
 */
export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Named in the error when the deadline passes. */
  what?: string;
}

/** Resolves with the condition's first truthy value; rejects once `timeoutMs` has passed without one. */
export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 10, what = 'the condition' }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
