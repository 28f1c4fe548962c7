/**
 * Small files that once made an import cost the server gigabytes: they must be refused with a short
 * answer, within a bounded heap, and leave the server serving and the database unchanged.
 *
 * The server runs in its own process with a small old-space heap (HEAP_MB), so a bomb that still
 * works kills that process and fails the test, instead of taking the test runner down with it.
 * Memory outside the heap (unpacked buffers) is held to a bound on the process's peak RSS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../bench/server-process.ts';
import { openDatabase } from '../../db/client.ts';
import { loadDemoData } from '../../db/demo/load.ts';
import { SYSTEM_ACTOR } from '../../db/writes/actor.ts';
import { openNextQuarter } from '../../db/writes/quarters.ts';
import { createUser } from '../../db/writes/users.ts';
import { hashPassword } from '../../server/access/passwords.ts';
import { databaseFingerprint, tempDir, TEST_PASSWORD } from '../helper.ts';
import { packed, packedRepeat, sharedCell, SHEET_HEAD, SHEET_TAIL, STRINGS_HEAD, STRINGS_TAIL, STYLES_HEAD, STYLES_TAIL, textCell, workbook } from './workbooks.ts';

const HEAP_MB = 192;
/** Peak resident memory the server may reach beyond what it used when it was ready. */
const EXTRA_RSS_MB = 200;
const MAX_ANSWER_BYTES = 64 * 1024;
const EMAIL = 'admin@bombs.test';
const MB = 1024 * 1024;

let server: ServerProcess;
let databasePath: string;
let session: { cookie: string; csrfToken: string };
let readyRss: number;

/** Peak and current resident memory of the server process, from Linux's /proc. */
function memoryOf(pid: number): { peak: number; now: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { peak: kilobytes('VmHWM'), now: kilobytes('VmRSS') };
}

beforeAll(async () => {
  const folder = tempDir();
  databasePath = join(folder, 'vv-monitor.sqlite');
  const database = openDatabase(databasePath);
  loadDemoData(database.db);
  openNextQuarter(database.db, SYSTEM_ACTOR);
  createUser(database.db, { email: EMAIL, name: 'Bomb Test', role: 'admin', passwordHash: await hashPassword(TEST_PASSWORD) }, SYSTEM_ACTOR);
  database.close();
  server = await startServerProcess({
    entry: 'tests/security/app-process.ts',
    env: { DATABASE_PATH: databasePath },
    logFile: join(folder, 'server.log'),
    nodeArgs: [`--max-old-space-size=${HEAP_MB}`],
  });
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: TEST_PASSWORD }),
  });
  expect(login.status).toBe(200);
  session = { cookie: login.headers.getSetCookie()[0].split(';')[0], csrfToken: (await login.json()).csrfToken };
  readyRss = memoryOf(server.child.pid!).now;
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function upload(path: string, name: string, bytes: Uint8Array, fields: Record<string, string>) {
  const form = new FormData();
  for (const [field, value] of Object.entries(fields)) form.append(field, value);
  form.append('file', new Blob([bytes as BlobPart]), name);
  const answer = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'accept-language': 'da' },
    body: form,
  });
  return { status: answer.status, body: await answer.text() };
}

/**
 * Preview and commit the file; both must refuse it with a short answer that changes nothing. The
 * session is used once first, so its once-a-minute renewal cannot fall inside the comparison.
 */
async function expectRefusedShortly(name: string, bytes: Uint8Array, fields: Record<string, string> = {}) {
  const answers = [];
  for (const [path, extra] of [['/api/imports/preview', {}], ['/api/imports/commit', { fingerprint: 'x' }]] as const) {
    const renewed = await fetch(`${server.baseUrl}/api/auth/session`, { headers: { cookie: session.cookie } });
    expect(renewed.status).toBe(200);
    const before = databaseFingerprint(databasePath);
    const answer = await upload(path, name, bytes, { ...fields, ...extra }).catch((error: Error) => {
      throw new Error(`the server did not answer (${error.message}); its log ends:\n${server.log().slice(-2000)}`);
    });
    expect(answer.body.length, answer.body.slice(0, 300)).toBeLessThan(MAX_ANSWER_BYTES);
    expect(answer.status, answer.body.slice(0, 300)).toBe(400);
    expect(databaseFingerprint(databasePath)).toBe(before);
    answers.push(JSON.parse(answer.body) as { message: string; errors?: { row: number; field: string; message: string }[]; errorCount?: number });
  }
  // Still serving, and within its memory.
  expect((await fetch(`${server.baseUrl}/api/quarters`, { headers: { cookie: session.cookie } })).status).toBe(200);
  expect(memoryOf(server.child.pid!).peak).toBeLessThan(readyRss + EXTRA_RSS_MB * MB);
  return answers;
}

describe('imports cannot exhaust the server', () => {
  it('refuses 20,000 copies of one CSV line with 100 listed problems, each naming at most 10 lines', async () => {
    const csv = `kommunekode;kategori\n${'0101;1\n'.repeat(20_000)}`;
    for (const answer of await expectRefusedShortly('dubletter.csv', Buffer.from(csv), { quarter: '2019K1' })) {
      expect(answer.errorCount).toBe(20_000);
      expect(answer.errors).toHaveLength(101);
      expect(answer.errors![0]).toMatchObject({ row: 2, field: 'code', message: '0101 står der mere end én gang for 2019K1: linje 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 og 19990 flere' });
      expect(answer.errors![100]).toMatchObject({ row: 102, field: 'file', message: expect.stringMatching(/^og 19900 fejl mere fra denne linje/) });
    }
  }, 120_000);

  it('refuses a workbook with a value in column XFD on each of 40,000 rows, naming the column', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>1</v></c></row>`).join('');
    const bytes = workbook({ sheet: packed('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${rows}${SHEET_TAIL}`) });
    expect(bytes.length).toBeLessThan(400 * 1024);
    for (const answer of await expectRefusedShortly('bred.xlsx', bytes, { quarter: '2019K1' })) {
      expect(answer.errors).toEqual([expect.objectContaining({ row: 1, field: 'columns', message: expect.stringMatching(/kolonne XFD; en fil må højst bruge 50 kolonner/) })]);
    }
  }, 120_000);

  const header = `<row r="1">${textCell('A1', 'kommunekode')}${textCell('B1', 'kategori')}</row>`;
  /** A header and one row whose category is shared string 0. */
  const oneRow = packed('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${header}<row r="2">${textCell('A2', '0101')}${sharedCell('B2', 0)}</row>${SHEET_TAIL}`);
  const hugeString = (letter: string, megabytes: number) => packedRepeat('xl/sharedStrings.xml', `${STRINGS_HEAD}<si><t>`, letter.repeat(MB), megabytes, `</t></si>${STRINGS_TAIL}`);

  it('refuses a 100 KB workbook whose one cell unpacks to 100 MB, before unpacking it', async () => {
    const bytes = workbook({ sheet: oneRow, sharedStrings: hugeString('A', 100) });
    expect(bytes.length).toBeLessThan(200 * 1024);
    for (const answer of await expectRefusedShortly('bombe.xlsx', bytes, { quarter: '2019K1' })) {
      expect(answer.message).toMatch(/^fil: projektmappen fylder mere end 32 MB udpakket/);
    }
  }, 120_000);

  it('refuses the same workbook when its zip declares the cell 1 KB large', async () => {
    const bytes = workbook({ sheet: oneRow, sharedStrings: { ...hugeString('A', 100), size: 1024 } });
    for (const answer of await expectRefusedShortly('bombe.xlsx', bytes, { quarter: '2019K1' })) {
      expect(answer.message).toMatch(/^fil: ikke en læsbar Excel-projektmappe/);
    }
  }, 120_000);

  it('echoes at most 80 characters of a 20 MB cell that every one of 20,000 rows shows', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 2}">${textCell(`A${i + 2}`, '0101')}${sharedCell(`B${i + 2}`, 0)}</row>`).join('');
    const bytes = workbook({ sheet: packed('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${header}${rows}${SHEET_TAIL}`), sharedStrings: hugeString('B', 20) });
    for (const answer of await expectRefusedShortly('gentaget.xlsx', bytes, { quarter: '2019K1' })) {
      expect(answer.errorCount).toBeGreaterThanOrEqual(20_000);
      const category = answer.errors!.find((e) => e.field === 'category')!;
      expect(category.message).toBe(`"${'B'.repeat(80)}…" er ikke en kategori; skriv 1, 2, 3, grøn, gul, rød eller "ikke vurderet"`);
    }
  }, 120_000);

  it('refuses a workbook whose styles unpack to 6 million cell formats', async () => {
    const styles = packedRepeat('xl/styles.xml', `${STYLES_HEAD}<cellXfs>`, '<xf/>'.repeat(1024), 6 * 1024, `</cellXfs>${STYLES_TAIL}`);
    const bytes = workbook({ sheet: oneRow, styles });
    for (const answer of await expectRefusedShortly('formater.xlsx', bytes, { quarter: '2019K1' })) {
      expect(answer.message).toMatch(/^fil: projektmappens xl\/styles.xml fylder mere end 512 KB udpakket/);
    }
  }, 120_000);

  it('refuses a workbook of a million pieces of formatted text', async () => {
    const strings = packedRepeat('xl/sharedStrings.xml', STRINGS_HEAD, '<si><r><t>a</t></r></si>'.repeat(1024), 1024, STRINGS_TAIL);
    const bytes = workbook({ sheet: oneRow, sharedStrings: strings });
    for (const answer of await expectRefusedShortly('formateret.xlsx', bytes, { quarter: '2019K1' })) {
      expect(answer.message).toMatch(/^fil: projektmappen har mere end 20000 stykker formateret tekst/);
    }
  }, 120_000);
});
