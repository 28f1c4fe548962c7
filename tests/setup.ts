/** Runs in every test file (vite.config.ts `setupFiles`). */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.ts';

// Registered before the file's own hooks, so it runs after them: an app is closed before its
// database folder goes.
afterAll(removeTempDirs);
