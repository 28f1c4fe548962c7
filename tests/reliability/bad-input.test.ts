/**
 * Property-based tests (fast-check) over what users and scripts send: quarter and municipality
 * codes in paths, JSON bodies of every write, and imported files (CSV, XLSX and arbitrary bytes). Whatever arrives:
 *   - never a 500;
 *   - a rejection says what is wrong: a message that names the field or parameter (or a list of
 *     problems that each name their field);
 *   - a rejected write changes nothing (the database's rows hash the same before and after).
 * Inputs mix plausible values (real codes, real reasons, valid dates) with arbitrary ones, so the
 * runs reach the domain rules behind the schema checks, and some writes succeed.
 */
import { createHash } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { REASONS } from '../../db/domain/reason.ts';
import { MUNICIPALITIES } from '../../db/reference/municipalities.ts';
import { useDemoApp } from '../demo-app.ts';

// An open quarter, so status writes get past "the quarter is final" to the row rules.
const demo = useDemoApp({ per: 'file', logins: ['admin'], openQuarter: true });

/**
 * Every row of every table but `sessions`, whose expiry slides once a minute on any request: a
 * long run would otherwise see a "change" that no rejected request made.
 */
function fingerprint(): string {
  const sqlite = new Sqlite(demo.databasePath, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('sessions') ORDER BY name").pluck().all() as string[];
    for (const table of tables) for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()) hash.update(JSON.stringify(row));
    return hash.digest('hex');
  } finally {
    sqlite.close();
  }
}

/** As the dashboard sends a write: JSON with its content type, whatever the value. */
function send(method: 'POST' | 'PUT' | 'PATCH', url: string, body: unknown): Promise<LightMyRequestResponse> {
  return demo.app.inject({
    method,
    url,
    payload: JSON.stringify(body),
    headers: { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken, 'content-type': 'application/json' },
  });
}

/** Never a 500; a 4xx names its problem by field or parameter. */
function expectNamedAnswer(answer: LightMyRequestResponse, names: string[]): void {
  expect(answer.statusCode, answer.body).toBeLessThan(500);
  if (answer.statusCode < 400) return;
  const body = answer.json();
  expect(typeof body.message === 'string' && body.message.trim().length > 0, answer.body).toBe(true);
  const mentions = new RegExp(`\\b(${names.join('|')})\\b`, 'i').test(body.message);
  const listed =
    (Array.isArray(body.errors) && body.errors.length > 0 && body.errors.every((e: { field?: string; message?: string }) => e.field && e.message)) ||
    (Array.isArray(body.conflicts) && body.conflicts.length > 0);
  expect(mentions || listed, `${answer.statusCode} ${answer.body}`).toBe(true);
}

/** A write: besides the above, a rejection leaves every row as it was. */
async function expectWholeWrite(send: () => Promise<LightMyRequestResponse>, names: string[]): Promise<LightMyRequestResponse> {
  const before = fingerprint();
  const answer = await send();
  expectNamedAnswer(answer, names);
  if (answer.statusCode >= 400) expect(fingerprint(), `${answer.statusCode} ${answer.body}`).toBe(before);
  return answer;
}

const RUNS = { numRuns: 60 };
const codes = MUNICIPALITIES.map((m) => m.code);
const segment = (value: string) => encodeURIComponent(value);

// Path segments: never empty, "." or ".." (those make another URL, answered by the 404 handler).
const segmentText = (text: fc.Arbitrary<string>) => text.filter((s) => s.length > 0 && s !== '.' && s !== '..');
const quarterText = segmentText(
  fc.oneof(
    fc.constantFrom('2018K4', '2019K1', '2016Q2', '2019k1', '2016K1', '1999K4', '2018K5', '2018X1', '18K4', '2018-K4', '2018K4 ', ' 2018K4', '%'),
    fc.stringMatching(/^[0-9]{4}[KkQqX][0-9]$/),
    fc.string({ minLength: 1, maxLength: 12 }),
  ),
);
const codeText = segmentText(
  fc.oneof(fc.constantFrom(...codes, '101', '0000', '9999', '12345', '1O1', '-101', '0101.0'), fc.stringMatching(/^[0-9]{1,6}$/), fc.string({ minLength: 1, maxLength: 8 })),
);

/** Mostly plausible values, sometimes anything: the runs reach the rules behind the schema. */
const mostly = <T,>(plausible: fc.Arbitrary<T>, odd: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: plausible, weight: 5 }, { arbitrary: odd, weight: 1 });

const someText = fc.oneof(fc.constant(null), fc.string({ maxLength: 20 }), fc.constant('x'.repeat(2001)), fc.constant('   '));
const statusFields = {
  category: mostly(fc.constantFrom(1, 2, 3, null), fc.oneof(fc.constantFrom(0, 4, '1', 1.5), fc.jsonValue())),
  reason: mostly(fc.constantFrom(...REASONS, null), fc.oneof(fc.constant('unknown'), fc.string({ maxLength: 10 }))),
  reasonText: someText,
  note: someText,
  version: mostly(fc.integer({ min: 0, max: 3 }), fc.constantFrom(-1, 1.5, '1', null)),
};
/** A plausible body, sometimes with a field too many or some other JSON entirely. */
const body = <T extends object>(fields: fc.Arbitrary<T>) =>
  fc.oneof(
    { arbitrary: fields, weight: 6 },
    { arbitrary: fc.tuple(fields, fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue()).map(([b, key, value]) => ({ ...b, [key]: value })), weight: 1 },
    { arbitrary: fc.jsonValue(), weight: 1 },
  );
const statusBody = body(fc.record(statusFields, { requiredKeys: ['category', 'version'] }));
const bulkBody = body(fc.record({ rows: fc.array(fc.record({ code: codeText, ...statusFields }, { requiredKeys: ['code', 'category', 'version'] }), { maxLength: 6 }) }));
const statusNames = ['quarter', 'code', 'rows', 'body', ...Object.keys(statusFields)];

describe('quarter and municipality codes in paths', () => {
  it('are answered without a 500, and a bad one is named', async () => {
    await fc.assert(
      fc.asyncProperty(quarterText, codeText, async (quarter, code) => {
        expectNamedAnswer(await demo.admin.inject('GET', `/api/quarters/${segment(quarter)}/statuses`), ['quarter']);
        expectNamedAnswer(await demo.admin.inject('GET', `/api/summary?quarter=${segment(quarter)}`), ['quarter', 'querystring']);
        expectNamedAnswer(await demo.admin.inject('GET', `/api/municipalities/${segment(code)}/history`), ['code']);
      }),
      RUNS,
    );
  }, 60_000);
});

describe('status writes', () => {
  it('PUT one status: any path and body is saved whole or refused with its field named', async () => {
    await fc.assert(
      fc.asyncProperty(mostly(fc.constant('2019K1'), quarterText) as fc.Arbitrary<string>, mostly(fc.constantFrom(...codes), codeText) as fc.Arbitrary<string>, statusBody, async (quarter, code, body) => {
        await expectWholeWrite(() => send('PUT', `/api/quarters/${segment(quarter)}/statuses/${segment(code)}`, body), statusNames);
      }),
      RUNS,
    );
  }, 60_000);

  it('PUT a quarter’s statuses: all rows saved or none, every bad row named', async () => {
    await fc.assert(
      fc.asyncProperty(mostly(fc.constant('2019K1'), quarterText) as fc.Arbitrary<string>, bulkBody, async (quarter, body) => {
        await expectWholeWrite(() => send('PUT', `/api/quarters/${segment(quarter)}/statuses`, body), statusNames);
      }),
      RUNS,
    );
  }, 60_000);

  it('a body that is not JSON at all is refused as such', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }), async (text) => {
        await expectWholeWrite(
          () =>
            demo.app.inject({
              method: 'PUT',
              url: '/api/quarters/2019K1/statuses',
              payload: text,
              headers: { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken, 'content-type': 'application/json' },
            }),
          ['body'],
        );
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});

const isoDate = mostly(fc.constantFrom('2016-01-01', '2017-03-15', '2018-06-30', '2019-02-01'), fc.oneof(fc.constantFrom('2018-02-30', '2019-13-01', '99-1-1'), fc.string({ maxLength: 12 })));
const agreementFields = {
  municipalityCode: mostly(fc.constantFrom(...codes.slice(0, 5)), codeText),
  organisation: mostly(fc.constantFrom('RK', 'DFH'), fc.constantFrom('rk', 'XX', '')),
  signedOn: isoDate,
  endedOn: fc.oneof(fc.constant(null), isoDate),
  note: someText,
};
const agreementBody = body(fc.record(agreementFields, { requiredKeys: ['municipalityCode', 'organisation', 'signedOn'] }));
const agreementPatch = body(fc.record(agreementFields, { requiredKeys: [] }));
const agreementNames = ['body', 'id', ...Object.keys(agreementFields)];

describe('agreements, quotas and users', () => {
  it('POST and PATCH agreements: saved whole or refused with the field named', async () => {
    await fc.assert(
      fc.asyncProperty(agreementBody, mostly(fc.integer({ min: 1, max: 120 }), fc.oneof(fc.integer({ min: -1, max: 0 }), segmentText(fc.string({ maxLength: 5 })))), agreementPatch, async (created, id, patch) => {
        await expectWholeWrite(() => send('POST', '/api/agreements', created), agreementNames);
        await expectWholeWrite(() => send('PATCH', `/api/agreements/${segment(String(id))}`, patch), agreementNames);
      }),
      RUNS,
    );
  }, 60_000);

  it('PUT quotas: saved whole or refused with the field named', async () => {
    const quotaRow = fc.record(
      {
        code: mostly(fc.constantFrom(...codes), codeText),
        quota: mostly(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.constant(null)), fc.constantFrom(-1, 100_001, 1.5, '3')),
        zeroQuota: mostly(fc.boolean(), fc.jsonValue()),
      },
      { requiredKeys: ['code', 'quota', 'zeroQuota'] },
    );
    await fc.assert(
      fc.asyncProperty(
        mostly(fc.integer({ min: 2015, max: 2028 }), fc.oneof(fc.integer({ min: 1990, max: 2110 }), segmentText(fc.string({ maxLength: 6 })))),
        body(fc.record({ rows: fc.array(quotaRow, { maxLength: 5 }) })),
        async (year, body) => {
          await expectWholeWrite(() => send('PUT', `/api/quotas/${segment(String(year))}`, body), ['year', 'body', 'rows', 'code', 'quota', 'zeroQuota']);
        },
      ),
      RUNS,
    );
  }, 60_000);

  it('POST and PATCH users: saved whole or refused with the field named', async () => {
    const role = mostly(fc.constantFrom('admin', 'consultant', 'viewer'), fc.constantFrom('root', ''));
    const userBody = body(
      fc.record(
        {
          email: mostly(fc.emailAddress(), fc.oneof(fc.string({ maxLength: 12 }), fc.constant('ADMIN@vv.test'))),
          name: mostly(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('   ', 'n'.repeat(121))),
          role,
          password: mostly(fc.constant('a long enough password'), fc.string({ maxLength: 14 })),
        },
        { requiredKeys: ['email', 'name', 'role', 'password'] },
      ),
    );
    const patch = body(fc.record({ name: fc.string({ maxLength: 10 }), role, disabled: mostly(fc.boolean(), fc.jsonValue()) }, { requiredKeys: [] }));
    const names = ['body', 'id', 'email', 'name', 'role', 'password', 'disabled'];
    await fc.assert(
      fc.asyncProperty(userBody, mostly(fc.integer({ min: 1, max: 8 }), fc.oneof(fc.integer({ min: -1, max: 0 }), segmentText(fc.string({ maxLength: 4 })))), patch, async (body, id, change) => {
        await expectWholeWrite(() => send('POST', '/api/users', body), names);
        // Never the administrator running the test: disabling it would end the run, not test a rule.
        if (String(id) !== String(demo.admin.user.id)) {
          await expectWholeWrite(() => send('PATCH', `/api/users/${segment(String(id))}`, change), names);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

/** A multipart upload as the import page sends it. */
async function upload(url: string, bytes: Uint8Array, fields: Record<string, string>): Promise<LightMyRequestResponse> {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  data.append('file', new Blob([bytes as BlobPart]), 'statuses.csv');
  const response = new Response(data);
  return demo.app.inject({
    method: 'POST',
    url,
    payload: Buffer.from(await response.arrayBuffer()),
    headers: { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken, 'content-type': response.headers.get('content-type')! },
  });
}

describe('imported files', () => {
  const header = fc.shuffledSubarray(['kommunekode', 'kategori', 'note', 'kvartal', 'årsag', 'årsagstekst', 'kommune', 'region', ''], { minLength: 1 });
  const cell = fc.oneof(
    fc.constantFrom(...codes.slice(0, 10), '101', '9999', '1', '2', '3', 'grøn', 'rød', 'ikke vurderet', '2019K1', '2016Q2', 'other', '=HYPERLINK("x")', '"', ''),
    fc.string({ maxLength: 10 }),
  );
  const table = fc.tuple(header, fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 8 }));
  type Table = [string[], string[][]];
  /** A spreadsheet as a person saves it: CSV with ; or , (Danish or other Excel), or XLSX. */
  const file = fc.oneof(
    fc.record({ format: fc.constantFrom('csv;', 'csv,', 'csv-crlf', 'xlsx'), table }),
    fc.record({ format: fc.constant('bytes'), bytes: fc.uint8Array({ maxLength: 300 }) }),
    // Starts like an XLSX (a zip file), then anything.
    fc.record({ format: fc.constant('bytes'), bytes: fc.uint8Array({ maxLength: 300 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])) }),
  );
  async function bytesOf(spec: { format: string; table?: Table; bytes?: Uint8Array }): Promise<Uint8Array> {
    if (spec.bytes) return spec.bytes;
    const [columns, rows] = spec.table!;
    if (spec.format === 'xlsx') {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Status');
      for (const cells of [columns, ...rows]) sheet.addRow(cells);
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    }
    const separator = spec.format === 'csv,' ? ',' : ';';
    return new TextEncoder().encode([columns, ...rows].map((cells) => cells.join(separator)).join(spec.format === 'csv-crlf' ? '\r\n' : '\n'));
  }
  const importNames = ['file', 'quarter', 'fingerprint', 'code', 'name', 'category', 'reason', 'reasonText', 'note'];

  it('preview never writes; commit imports the previewed file whole or refuses it with its lines named', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.oneof(fc.constant(undefined), fc.constantFrom('2019K1', '2018K4', '2019K9', 'soon')), async (spec, quarter) => {
        const bytes = await bytesOf(spec);
        const fields: Record<string, string> = quarter === undefined ? {} : { quarter };
        const before = fingerprint();
        const preview = await upload('/api/imports/preview', bytes, fields);
        expectNamedAnswer(preview, importNames);
        expect(fingerprint()).toBe(before);
        if (preview.statusCode === 200) {
          await expectWholeWrite(() => upload('/api/imports/commit', bytes, { ...fields, fingerprint: preview.json().fingerprint }), importNames);
        }
      }),
      RUNS,
    );
  }, 60_000);
});
