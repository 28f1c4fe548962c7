/** Runs in every test file (vite.config.ts `setupFiles`). */
import { afterAll, afterEach } from 'vitest';
import { takeContractViolations } from './contract.ts';
import { removeTempDirs } from './temp-dir.ts';

// An answer that did not match the schema its route documents fails the test that received it.
afterEach(() => {
  const violations = takeContractViolations();
  if (violations.length > 0) throw new Error(`answers that do not match their OpenAPI schema:\n${violations.join('\n')}`);
});

// Registered before the file's own hooks, so it runs after them: an app is closed before its
// database folder goes.
afterAll(removeTempDirs);
