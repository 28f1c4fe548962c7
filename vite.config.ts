import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isCompressible, precompress } from './server/http/precompressed.ts';
import { removeWebBuildStamp, writeWebBuildStamp } from './scripts/web-build.ts';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const apiServer = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

/** Records what each build was made from, so `npm start` can tell when it is out of date. */
function webBuildStamp(): Plugin {
  const modules = new Set<string>();
  return {
    name: 'vv-web-build-stamp',
    apply: 'build',
    buildStart() {
      modules.clear();
      removeWebBuildStamp(projectRoot);
    },
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') for (const id of output.moduleIds) modules.add(id);
      }
    },
    writeBundle() {
      writeWebBuildStamp(projectRoot, modules);
    },
  };
}

/** Compressed copies of every text file of the build, for the server to send as they are. */
function precompressBuild(): Plugin {
  return {
    name: 'vv-precompress',
    apply: 'build',
    writeBundle({ dir }) {
      if (!dir) return;
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (isCompressible(file)) precompress(join(dir, file));
      }
    },
  };
}

/*
 * Every test file belongs to one project, chosen by where it lives, so a renamed or added file
 * needs no change here. `unit` is whatever the other three do not claim: pure functions and
 * database-level tests on temporary SQLite files.
 */
/** The real app through inject (or listening in this process): routes, access, refusals. */
const API_TESTS = ['tests/server/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/reliability/bad-input.test.ts'];
/** Child processes: the server, npm scripts, crashes, load, scheduled backups, import bombs. */
const SYSTEM_TESTS = [
  'tests/scripts/{backup,db-new,start,user-create}.test.ts',
  'tests/reliability/{crash,load,operations,scheduled-backups}.test.ts',
  'tests/geo/build-geo-script.test.ts',
  'tests/security/import-bombs.test.ts',
];
/** Chromium on the built dashboard: needs `npm run build` first. */
const E2E_TESTS = ['tests/e2e/**/*.test.ts'];
/** How the unit and api projects run: in the test process's own workers, nothing started beside them. */
const IN_PROCESS = {
  // A worker runs file after file with the modules it has loaded: no test changes module state
  // (no mocks, no globals), and loading the app anew for each file cost about a third of the run.
  isolate: false,
  // A worker per core: the main process has little to do for tests that start nothing, so
  // Vitest's default (one core left free) would leave half of a 2-core machine idle.
  maxWorkers: '100%',
  // npm test runs the projects in this order (system and e2e after these two).
  sequence: { groupOrder: 0 },
  // A test that starts the app and runs migrations takes well under a second alone, but several
  // seconds on a 2-core CI machine busy with the other worker: a slow machine is not a failure.
  testTimeout: 30_000,
};

export default defineConfig({
  root: 'web',
  // Svelte 5 compiles TypeScript itself; no svelte.config.js is needed (or looked for in web/).
  plugins: [svelte({ configFile: false }), webBuildStamp(), precompressBuild()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // The dashboard, and the embed pages (server/routes/embed.ts) as a small bundle of their own.
    rolldownOptions: {
      input: { index: fileURLToPath(new URL('web/index.html', import.meta.url)), embed: fileURLToPath(new URL('web/embed.html', import.meta.url)) },
    },
  },
  server: {
    proxy: { '/api': apiServer, '/geo': apiServer, '/docs': apiServer },
    fs: { allow: [projectRoot] },
  },
  test: {
    root: projectRoot,
    setupFiles: ['tests/setup.ts'],
    environment: 'node',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...API_TESTS, ...SYSTEM_TESTS, ...E2E_TESTS],
          ...IN_PROCESS,
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: API_TESTS,
          exclude: SYSTEM_TESTS,
          ...IN_PROCESS,
        },
      },
      {
        extends: true,
        test: {
          name: 'system',
          include: SYSTEM_TESTS,
          // After unit and api, and one file at a time as before: the load, crash and timeout
          // tests should not share the machine with a run of 800 other tests.
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E_TESTS,
          sequence: { groupOrder: 2 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
