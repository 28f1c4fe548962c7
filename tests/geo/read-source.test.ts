import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import readSource from '../../geo/read-source.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/geo/${name}`, import.meta.url));

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A tiny local server; the build machine has no internet. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('readSource', () => {
  it('reads and parses a local file', async () => {
    const data = await readSource(fixture('two-municipalities.topo.json'), 'fixture');
    expect(data).toMatchObject({ type: 'Topology' });
  });

  it('downloads an http URL', async () => {
    const base = await serve((_, response) => response.end('{"type":"FeatureCollection","features":[]}'));
    expect(await readSource(`${base}/map.json`, 'source')).toEqual({ type: 'FeatureCollection', features: [] });
  });

  it('names a missing file', async () => {
    await expect(readSource('/no/such/map.json', 'source /no/such/map.json')).rejects.toThrow(
      'source /no/such/map.json: file not found',
    );
  });

  it('names a file that is not JSON', async () => {
    await expect(readSource(fixture('broken.json'), 'source broken.json')).rejects.toThrow(
      /^source broken\.json: not valid JSON \(/,
    );
  });

  it('names an unreachable URL and the cause', async () => {
    const base = await serve(() => {});
    servers.pop()!.close();
    const url = `${base}/map.json`;
    await expect(readSource(url, `source ${url}`)).rejects.toThrow(
      new RegExp(`^Could not download source ${url}: fetch failed \\(.*ECONNREFUSED`),
    );
  });

  it('names the HTTP status of a failed download', async () => {
    const base = await serve((_, response) => response.writeHead(404, 'Not Found').end());
    await expect(readSource(`${base}/map.json`, 'source x')).rejects.toThrow(
      'Could not download source x: HTTP 404 Not Found',
    );
  });

  it('gives up on a server that does not answer', async () => {
    const base = await serve(() => {});
    await expect(readSource(`${base}/map.json`, 'source x', 100)).rejects.toThrow(
      'Could not download source x: no answer within 0.1 s',
    );
  });
});
