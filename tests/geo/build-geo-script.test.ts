import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { MUNICIPALITY_MAP_FILE } from '../../geo/write-map.ts';
import { copiesMatch } from '../../server/http/precompressed.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const grid = fileURLToPath(new URL('../fixtures/geo/grid-dataforsyningen.geojson', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'vv-geo-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const run = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build-geo.ts', ...args], { cwd: projectRoot });

describe('scripts/build-geo.ts', () => {
  it('writes the map to --out and reports count, size and credit in one line', async () => {
    const out = join(directory, 'geo', 'municipalities.topo.json');
    const { stdout } = await run('--source', grid, '--out', out);
    const bytes = readFileSync(out).length;
    expect(stdout.trim()).toMatch(
      new RegExp(`^${out}: 98 municipalities, ${bytes} bytes, [\\d.]+ s\\. Credit: Indeholder data fra Danmarks Administrative Geografiske Inddeling \\(DAGI\\), Dataforsyningen$`),
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).vv.sourceLabel).toContain('(DAGI), Dataforsyningen');
    // The server sends these copies as they are (server/plugins/web.ts).
    expect(existsSync(`${out}.gz`) && existsSync(`${out}.br`)).toBe(true);
    expect(copiesMatch(out)).toBe(true);
  });

  it('credits the --label instead', async () => {
    const out = join(directory, 'labelled.json');
    const { stdout } = await run('--source', grid, '--label', 'Egne grænser', '--out', out);
    expect(stdout.trim()).toMatch(/\. Credit: Egne grænser$/);
    expect(JSON.parse(readFileSync(out, 'utf8')).vv.sourceLabel).toBe('Egne grænser');
  });

  it('exits 1 with the message alone, and leaves the committed map alone, when the source is bad', async () => {
    const before = readFileSync(MUNICIPALITY_MAP_FILE);
    const failure = await run('--source', '/no/such/kommuner.json').catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim()).toBe('build-geo: /no/such/kommuner.json: file not found');
    expect(readFileSync(MUNICIPALITY_MAP_FILE).equals(before)).toBe(true);
  });

  it('exits 1 asking for --source when none is given', async () => {
    const failure = await run().catch((error) => error);
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim()).toMatch(/^build-geo: no source given: name a DAGI municipalities file or URL with --source/);
  });
});
