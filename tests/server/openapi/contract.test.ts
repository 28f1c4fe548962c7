/**
 * The OpenAPI document is a contract (issue #13): every operation named, secured and answered with
 * typed bodies; it passes an OpenAPI linter; and a client generated from it with openapi-typescript
 * compiles under `tsc --strict` and drives the API for real.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, tempDir } from '../../helper.ts';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
mkdirSync(join(ROOT, 'test-output'), { recursive: true });

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
  requestBody?: { content: Record<string, unknown> };
}

let app: FastifyInstance;
const cleanUp: string[] = [];
afterAll(() => {
  for (const folder of cleanUp) rmSync(folder, { recursive: true, force: true });
});
let spec: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> } };
let operations: [string, string, Operation][];
beforeAll(async () => {
  ({ app } = await buildTestApp());
  spec = (await app.inject('/docs/json')).json();
  operations = Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => [method, path, op] as [string, string, Operation]));
});
afterAll(() => app.close());

const PUBLIC = [
  'get /api/health',
  'get /api/auth/session',
  'post /api/auth/login',
  'post /api/auth/forgot',
  'post /api/auth/token',
  'post /api/auth/token/password',
  'get /api/published',
  'get /api/published/counts.csv',
  'get /api/published/{quarter}',
  'get /api/published/{quarter}/municipalities.csv',
];
const CACHED = [
  '/api/quarters',
  '/api/quarters/{quarter}/statuses',
  '/api/summary',
  '/api/statuses',
  '/api/trends',
  '/api/municipalities/{code}/history',
  '/api/published',
  '/api/published/{quarter}',
];

describe('the OpenAPI document', () => {
  it('names every operation once', () => {
    const ids = operations.map(([, , op]) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares the session cookie and the CSRF header, and secures every protected operation', () => {
    expect(spec.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'vv_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
    });
    for (const [method, path, op] of operations) {
      const key = `${method} ${path}`;
      if (PUBLIC.includes(key)) expect(op.security, key).toEqual([]);
      else if (method === 'get') expect(op.security, key).toEqual([{ session: [] }]);
      else expect(op.security, key).toEqual([{ session: [], csrf: [] }]);
    }
  });

  it('documents every answer with a description, refusals as the named ErrorResponse', () => {
    for (const [method, path, op] of operations) {
      for (const [code, answer] of Object.entries(op.responses)) {
        expect(answer.description, `${method} ${path} ${code}`).toBeTruthy();
        expect(answer.description).not.toBe('Default Response');
        // The health check's 503 has a body of its own ({ status: "error", message }).
        if (Number(code) >= 400 && path !== '/api/health') {
          expect(JSON.stringify(answer.content), `${method} ${path} ${code}`).toContain('#/components/schemas/ErrorResponse');
        }
      }
    }
    expect(Object.keys(spec.components.schemas)).toContain('ErrorResponse');
    expect(JSON.stringify(spec)).not.toMatch(/def-\d|"nullable"|"enum":\[null\]|"items":\{\}/);
  });

  it('documents 401 on protected routes, 413 and 415 on JSON writes, and 304 on revalidated answers', () => {
    for (const [method, path, op] of operations) {
      const key = `${method} ${path}`;
      if (!PUBLIC.includes(key)) expect(op.responses, key).toHaveProperty('401');
      if (op.requestBody?.content['application/json']) {
        expect(op.responses, key).toHaveProperty('413');
        expect(op.responses, key).toHaveProperty('415');
      }
    }
    for (const path of CACHED) expect(spec.paths[path].get.responses, path).toHaveProperty('304');
  });

  it('marks the audit log’s paging parameters as optional', () => {
    const parameters = (spec.paths['/api/audit'].get as unknown as { parameters: { name: string; required: boolean }[] }).parameters;
    expect(parameters.filter((p) => p.required).map((p) => p.name)).toEqual([]);
  });

  it('passes the Redocly linter without errors', async () => {
    const file = join(tempDir(), 'openapi.json');
    writeFileSync(file, JSON.stringify(spec));
    const lint = await run(bin('redocly'), ['lint', file, '--format', 'json'], { cwd: ROOT }).catch((error) => error);
    const report = JSON.parse(String(lint.stdout));
    const errors = report.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(errors.map((e: { ruleId: string; message: string }) => `${e.ruleId}: ${e.message}`)).toEqual([]);
  }, 60_000);
});

describe('a client generated from the document', () => {
  it('compiles under tsc --strict and drives the API', async () => {
    // Inside the project (test-output/ is ignored by git), so the client finds openapi-fetch as a user's would.
    const folder = mkdtempSync(join(ROOT, 'test-output', 'openapi-client-'));
    cleanUp.push(folder);
    const specFile = join(folder, 'openapi.json');
    writeFileSync(specFile, JSON.stringify(spec));
    await run(bin('openapi-typescript'), [specFile, '-o', join(folder, 'api.d.ts')], { cwd: ROOT });
    writeFileSync(
      join(folder, 'client.ts'),
      `import createClient from 'openapi-fetch';
import type { paths } from './api.d.ts';

const client = createClient<paths>({ baseUrl: process.argv[2] });
const summary = await client.GET('/api/summary', { params: { query: { quarter: '2018K4' } } });
if (!summary.data) throw new Error('no summary');
const green: number = summary.data.counts.green;
const statuses = await client.GET('/api/quarters/{quarter}/statuses', { params: { path: { quarter: '2018K4' } } });
const notes: (string | null)[] = (statuses.data ?? []).map((row) => row.note);
const unknown = await client.GET('/api/quarters/{quarter}/statuses', { params: { path: { quarter: '2030K1' } } });
const refusal: string | undefined = unknown.error?.message;
console.log(JSON.stringify({ green, rows: notes.length, withNotes: notes.filter((n) => n !== null).length > 0, refusal, status: unknown.response.status }));
`,
    );
    writeFileSync(
      join(folder, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, types: ['node'] },
        files: ['client.ts'],
      }),
    );
    const compiled = await run(bin('tsc'), ['-p', join(folder, 'tsconfig.json')], { cwd: folder }).catch((error) => error);
    expect(String(compiled.stdout) + String(compiled.stderr)).toBe('');

    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const answer = await run(process.execPath, ['--import', 'tsx', join(folder, 'client.ts'), url], { cwd: ROOT });
    expect(JSON.parse(String(answer.stdout))).toEqual({ green: 63, rows: 98, withNotes: true, refusal: 'quarter: 2030K1 is not in the database', status: 404 });
  }, 120_000);
});
