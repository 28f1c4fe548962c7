import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'vv-geo-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build-geo.ts', ...args], {
    cwd: projectRoot,
    env: { ...process.env, GEO_SOURCE: '' },
  });

describe('scripts/build-geo.ts', () => {
  it('writes the map to --out and reports source, count and size', async () => {
    const out = join(directory, 'geo', 'municipalities.topo.json');
    const { stdout } = await run('--source', 'react-denmark-map', '--out', out);
    const bytes = readFileSync(out).length;
    expect(stdout).toContain(`${out}: 98 municipalities from react-denmark-map (MIT) (react-denmark-map), ${bytes} bytes`);
  });

  it('exits 1 with the message alone when the source is bad', async () => {
    const failure = await run('--source', '/no/such/kommuner.json', '--out', join(directory, 'x.json')).catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim()).toBe('build-geo: GEO_SOURCE /no/such/kommuner.json: file not found');
  });
});
