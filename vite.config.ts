import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
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

export default defineConfig({
  root: 'web',
  // Svelte 5 compiles TypeScript itself; no svelte.config.js is needed (or looked for in web/).
  plugins: [svelte({ configFile: false }), webBuildStamp()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': apiServer, '/geo': apiServer, '/docs': apiServer },
    fs: { allow: [projectRoot] },
  },
  test: {
    root: projectRoot,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
