import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { removeWebBuildStamp, WEB_BUILD_STAMP, webBuildState, writeWebBuildStamp } from '../../scripts/web-build.ts';
import { tempDir } from '../helper.ts';

let root: string;
const write = (file: string, text: string) => {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
};

/** A project as small as the check needs: sources, config, lockfile and a built dist/web. */
beforeEach(() => {
  root = tempDir('vv-web-build-');
  write('web/index.html', '<div id="app"></div>');
  write('web/src/main.ts', 'import { quarterLabel } from "../../db/domain/quarter.ts";');
  write('web/public/favicon.svg', '<svg/>');
  write('db/domain/quarter.ts', 'export const quarterLabel = () => "";');
  write('db/schema.ts', 'export type Role = string;');
  write('node_modules/svelte/index.js', 'export {};');
  write('vite.config.ts', 'export default {};');
  write('package-lock.json', '{"lockfileVersion":3}');
  write('tsconfig.json', '{}');
  write('dist/web/index.html', '<div id="app"></div><script src="/assets/index-abc.js"></script>');
  writeWebBuildStamp(root, [
    join(root, 'web/src/main.ts'),
    join(root, 'db/domain/quarter.ts'),
    `${join(root, 'web/src/App.svelte')}?svelte&type=style&lang.css`,
    join(root, 'node_modules/svelte/index.js'),
    '\0vite/modulepreload-polyfill.js',
  ]);
});

describe('webBuildState', () => {
  it('is current right after a build', () => {
    expect(webBuildState(root)).toBe('current');
  });

  it('is missing before the first build', () => {
    rmSync(join(root, 'dist/web/index.html'));
    expect(webBuildState(root)).toBe('missing');
  });

  it.each([
    ['a page source', 'web/src/main.ts'],
    ['a static file', 'web/public/favicon.svg'],
    ['a file outside web/ that the bundle imports', 'db/domain/quarter.ts'],
    ['the lockfile (a dependency updated)', 'package-lock.json'],
    ['the Vite configuration', 'vite.config.ts'],
  ])('is stale once %s changes', (_what, file) => {
    appendFileSync(join(root, file), '\n// changed by git pull');
    expect(webBuildState(root)).toBe('stale');
  });

  it('is stale once a source is added or deleted', () => {
    write('web/src/new-page.ts', 'export {};');
    expect(webBuildState(root)).toBe('stale');
    rmSync(join(root, 'web/src/new-page.ts'));
    expect(webBuildState(root)).toBe('current');
    rmSync(join(root, 'db/domain/quarter.ts'));
    expect(webBuildState(root)).toBe('stale');
  });

  it('ignores what the bundle does not take from the project: node_modules, virtual modules, type-only files', () => {
    appendFileSync(join(root, 'node_modules/svelte/index.js'), '\n// reinstalled');
    appendFileSync(join(root, 'db/schema.ts'), '\n// a new column');
    expect(webBuildState(root)).toBe('current');
  });

  it('is stale without a stamp (a build by an older version, or one that failed half-way)', () => {
    removeWebBuildStamp(root);
    expect(webBuildState(root)).toBe('stale');
    write(WEB_BUILD_STAMP, 'not json');
    expect(webBuildState(root)).toBe('stale');
  });
});
