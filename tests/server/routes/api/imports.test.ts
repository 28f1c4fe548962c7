import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseFingerprint, loginAs } from '../../../helper.ts';
import { demoApp } from '../../../demo-app.ts';
import { importSteps, multipartForm, pick } from '../../../security/upload.ts';

/** Each block starts the app: for each test where tests write, once where they only prove they wrote nothing. */
const demo = demoApp({ logins: ['admin'] });
const { upload, preview, importFile, statusesOf } = importSteps(demo);

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/import/${name}`, import.meta.url));
const BOM = '\uFEFF';

/** What the two quarter fixtures say, in the database's terms. */
const FIXTURE_STATUSES = [
  { code: '0101', category: 1, reason: null, reasonText: null, note: 'Stabil gruppe af frivillige' },
  { code: '0147', category: 2, reason: 'too_few_volunteers', reasonText: null, note: null },
  { code: '0151', category: 3, reason: 'agreement_ended', reasonText: null, note: 'Aftalen opsagt; ny søges' },
];

async function xlsxBytes(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Ark1').addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('POST /api/imports/preview and /commit: a quarter file', () => {
  demo.setUp('test');

  it('imports a quarter exactly: the values read back are the file’s', async () => {
    await demo.openNext();
    const answer = await importFile(fixture('quarter-semicolon-bom.csv'), { quarter: '2019K1' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ saved: 3, unchanged: 0, quartersCreated: [] });
    const rows = await statusesOf('2019K1');
    expect(pick(rows, '0101', '0147', '0151')).toEqual(FIXTURE_STATUSES);
    expect(rows.find((r) => r.code === '0101')).toMatchObject({ carriedOver: false, version: 2 });
    // Rows not in the file are left as they were.
    expect(rows.find((r) => r.code === '0153')).toMatchObject({ carriedOver: true, version: 1 });
  });

  it('previews every change with its line, the values before and after, and writes nothing', async () => {
    await demo.openNext();
    const before = databaseFingerprint(demo.databasePath);
    const answer = await preview(fixture('quarter-semicolon-bom.csv'), { quarter: '2019K1' }, 'kvartal.csv');
    expect(answer.statusCode).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ fileName: 'kvartal.csv', format: 'csv', rows: 3, quartersToCreate: [], unchanged: 0, ignoredColumns: [] });
    expect(body.fingerprint).toMatch(/^[\w-]{20,}$/);
    expect(body.changes[1]).toEqual({
      line: 3,
      quarter: '2019K1',
      code: '0147',
      name: 'Frederiksberg',
      action: 'update',
      before: { category: 1, reason: null, reasonText: null, note: null },
      after: { category: 2, reason: 'too_few_volunteers', reasonText: null, note: null },
    });
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('reads "," and ";", with and without BOM, codes without the zero and colour words in Danish or English alike', async () => {
    await demo.openNext();
    const semicolon = (await preview(fixture('quarter-semicolon-bom.csv'), { quarter: '2019K1' })).json();
    const comma = (await preview(fixture('quarter-comma-short-codes.csv'), { quarter: '2019K1' })).json();
    expect(comma.changes).toEqual(semicolon.changes);
    expect(comma.changes.map((c: { code: string; after: { category: number } }) => [c.code, c.after.category])).toEqual([
      ['0101', 1],
      ['0147', 2],
      ['0151', 3],
    ]);
  });

  it('confirms carried-over rows that the file repeats unchanged', async () => {
    await demo.openNext();
    const answer = await preview('kommunekode;kategori\r\n0153;1\r\n', { quarter: '2019K1' });
    expect(answer.json().changes).toEqual([expect.objectContaining({ code: '0153', action: 'confirm' })]);
  });

  it('keeps the notes of a municipality when the file has no note column', async () => {
    await demo.openNext();
    expect((await importFile('kommunekode;kategori;note\n0101;1;Vigtig note\n', { quarter: '2019K1' })).statusCode).toBe(200);
    expect((await importFile('kommunekode;kategori;årsag\n0101;2;For få frivillige\n', { quarter: '2019K1' })).statusCode).toBe(200);
    expect(pick(await statusesOf('2019K1'), '0101')).toEqual([
      { code: '0101', category: 2, reason: 'too_few_volunteers', reasonText: null, note: 'Vigtig note' },
    ]);
  });

  it('imports the first worksheet of an XLSX workbook, numbers and all', async () => {
    await demo.openNext();
    const bytes = await xlsxBytes([
      ['Kommunekode', 'Kommune', 'Kategori', 'Årsag', 'Note'],
      [101, 'København', 1, '', 'Stabil gruppe af frivillige'],
      ['0147', 'Frederiksberg', 'gul', 'too_few_volunteers', ''],
      [151, 'Ballerup', 3, 'Samarbejdsaftale ophørt', 'Aftalen opsagt; ny søges'],
    ]);
    const previewed = await preview(bytes, { quarter: '2019K1' }, 'status.xlsx');
    expect(previewed.json()).toMatchObject({ format: 'xlsx', rows: 3 });
    const answer = await importFile(bytes, { quarter: '2019K1' }, 'status.xlsx');
    expect(answer.json()).toMatchObject({ saved: 3 });
    expect(pick(await statusesOf('2019K1'), '0101', '0147', '0151')).toEqual(FIXTURE_STATUSES);
  });

  it('writes one audit row per changed status and one for the import', async () => {
    await demo.openNext();
    await importFile(fixture('quarter-semicolon-bom.csv'), { quarter: '2019K1' }, 'kvartal.csv');
    const audit = demo.app.database.sqlite
      .prepare("SELECT action, entity, entity_key AS entityKey, new_value AS newValue FROM audit_log WHERE entity IN ('status', 'import') ORDER BY id")
      .all() as { action: string; entity: string; entityKey: string; newValue: string }[];
    expect(audit.map((a) => `${a.entity} ${a.action} ${a.entityKey}`)).toEqual([
      'status update 2019K1/0101',
      'status update 2019K1/0147',
      'status update 2019K1/0151',
      'import import kvartal.csv',
    ]);
    expect(JSON.parse(audit[3].newValue)).toEqual({ rows: 3, changed: 3, quartersCreated: [] });
  });
});

describe('POST /api/imports: a history file', () => {
  demo.setUp('test');

  const history = [
    'kvartal;kommunekode;kategori;årsag;årsagstekst',
    '2019K1;0101;2;too_few_volunteers;',
    '2019K1;0147;ikke vurderet;;Kommunen svarede ikke',
    '2019K2;0101;1;other;Ny koordinator',
  ].join('\r\n');

  it('creates the missing quarters as open quarters and fills them', async () => {
    const previewed = await preview(history);
    expect(previewed.json()).toMatchObject({ quartersToCreate: ['2019K1', '2019K2'], rows: 3 });
    const answer = await importFile(history);
    expect(answer.json()).toEqual({ saved: 3, unchanged: 0, quartersCreated: ['2019K1', '2019K2'] });
    const quarters = (await demo.admin.inject('GET', '/api/quarters')).json();
    expect(quarters.slice(-2)).toMatchObject([
      { code: '2019K1', state: 'open', definitionsVersion: 1 },
      { code: '2019K2', state: 'open', definitionsVersion: 1 },
    ]);
    expect(pick(await statusesOf('2019K1'), '0101', '0147')).toEqual([
      { code: '0101', category: 2, reason: 'too_few_volunteers', reasonText: null, note: null },
      { code: '0147', category: null, reason: null, reasonText: 'Kommunen svarede ikke', note: null },
    ]);
    expect(pick(await statusesOf('2019K2'), '0101')[0]).toMatchObject({ category: 1, reason: 'other', reasonText: 'Ny koordinator' });
  });

  it('fills an empty database from 2016K2, and the file name of its export has no "demodata"', async () => {
    await demo.restart({ demoData: 'off' });
    const answer = await importFile('kvartal,kode,kategori\n2016K2,101,1\n2016K3,101,1\n');
    expect(answer.json()).toEqual({ saved: 2, unchanged: 0, quartersCreated: ['2016K2', '2016K3'] });
    const exported = await demo.admin.inject('GET', '/api/exports/statuses.csv');
    expect(exported.headers['content-disposition']).toBe('attachment; filename="vv-monitor-2016K2-2016K3.csv"');
  });

  it('accepts a quarter field equal to the file’s quarter column', async () => {
    await demo.openNext();
    const answer = await preview('kvartal;kommunekode;kategori\n2019k1;0153;1\n', { quarter: '2019K1' });
    expect(answer.statusCode).toBe(200);
  });
});

describe('POST /api/imports/preview: files that are refused, line by line, changing nothing', () => {
  // One database for all: every test here proves by fingerprint that it wrote nothing.
  demo.setUp('file');
  beforeAll(() => demo.openNext());

  const cases: [string, string | (() => Buffer) | Buffer, Record<string, string>, [number, string, RegExp][]][] = [
    ['an unknown municipality code', 'kommunekode;kategori\n0101;1\n0411;1\n', { quarter: '2019K1' }, [[3, 'code', /0411 is not one of the 98/]]],
    ['a malformed municipality code', 'kommunekode;kategori\n01O1;1\n', { quarter: '2019K1' }, [[2, 'code', /"01O1" is not a municipality code/]]],
    [
      'a name that does not match the code (shifted columns)',
      'kommunekode;kommune;kategori\n0101;Frederiksberg;1\n',
      { quarter: '2019K1' },
      [[2, 'name', /"Frederiksberg" is not the name of 0101 København; are the columns shifted/]],
    ],
    ['a malformed quarter', 'kvartal;kommunekode;kategori\n2019X1;0101;1\n', {}, [[2, 'quarter', /"2019X1" is not a quarter code/]]],
    ['a quarter that has not begun', 'kvartal;kommunekode;kategori\n2099K1;0101;1\n', {}, [[2, 'quarter', /2099K1 .* cannot be created: it has not begun/]]],
    ['a quarter before the monitoring', 'kvartal;kommunekode;kategori\n2015K4;0101;1\n', {}, [[2, 'quarter', /before 2016K2/]]],
    [
      'a quarter that would leave a gap',
      'kvartal;kommunekode;kategori;årsag\n2019K3;0101;1;\n',
      {},
      [[2, 'quarter', /2019K3 .* cannot be created: 2019K2 is neither in the database nor in the file/]],
    ],
    ['a quarter row that differs from the chosen quarter', 'kvartal;kommunekode;kategori\n2018K4;0101;1\n', { quarter: '2019K1' }, [[2, 'quarter', /differs from the chosen quarter 2019K1/]]],
    [
      'a change to a final quarter',
      'kvartal;kommunekode;kategori;årsag\n2018K4;0101;2;too_few_volunteers\n',
      {},
      [[2, 'quarter', /2018K4 is final; an administrator must reopen it/]],
    ],
    [
      'the same municipality twice in a quarter (both lines)',
      'kommunekode;kategori\n0101;1\n0147;1\n101;1\n',
      { quarter: '2019K1' },
      [
        [2, 'code', /0101 appears more than once for 2019K1: lines 2 and 4/],
        [4, 'code', /lines 2 and 4/],
      ],
    ],
    [
      'a bad category, or none over an existing one',
      'kommunekode;kategori\n0101;lilla\n0147;\n',
      { quarter: '2019K1' },
      [[2, 'category', /"lilla" is not a category/], [3, 'category', /^empty, but 0147 has 1 \(grøn\) in 2019K1; write its category, or delete the row$/]],
    ],
    ['an unknown reason', 'kommunekode;kategori;årsag\n0101;1;kedsomhed\n', { quarter: '2019K1' }, [[2, 'reason', /"kedsomhed" is not a known reason/]]],
    [
      'a change of category without a reason (previous quarter in the database)',
      'kommunekode;kategori\n0101;3\n',
      { quarter: '2019K1' },
      [[2, 'reason', /changed from 1 in 2018K4 to 3: give a reason/]],
    ],
    [
      'a change of category without a reason (previous quarter in the same file)',
      'kvartal;kommunekode;kategori;årsag\n2019K1;0101;2;too_few_volunteers\n2019K2;0101;3;\n',
      {},
      [[3, 'reason', /changed from 2 in 2019K1 to 3/]],
    ],
    ['reason "other" without a text', 'kommunekode;kategori;årsag\n0101;2;Andet\n', { quarter: '2019K1' }, [[2, 'reasonText', /"other"/]]],
    ['"not assessed" without a text', 'kommunekode;kategori\n0101;Ikke vurderet\n', { quarter: '2019K1' }, [[2, 'reasonText', /not assessed/]]],
    [
      'cells that look like spreadsheet formulas',
      'kommunekode;kategori;note\n0101;1;=HYPERLINK("http://x")\n0147;1;@SUM(A1)\n0151;+1;\n0153;1;-2+3\n0155;1;"\tx"\n',
      { quarter: '2019K1' },
      [
        [2, 'note', /looks like a spreadsheet formula/],
        [3, 'note', /formula/],
        [4, 'category', /formula/],
        [5, 'note', /formula/],
        [6, 'note', /formula/],
      ],
    ],
    ['a Windows-1252 file', fixture('windows-1252.csv'), { quarter: '2019K1' }, [[2, 'file', /not UTF-8 .*"0101;København;1".*CSV UTF-8/]]],
    ['a UTF-16 file', fixture('utf-16.csv'), { quarter: '2019K1' }, [[1, 'file', /UTF-16.*CSV UTF-8/]]],
    ['an empty file', '', { quarter: '2019K1' }, [[1, 'file', /the file is empty/]]],
    ['a header without rows', `${BOM}kommunekode;kategori\r\n\r\n`, { quarter: '2019K1' }, [[1, 'file', /header line but no rows/]]],
    ['no category column', 'kommunekode;farve\n0101;grøn\n', { quarter: '2019K1' }, [[1, 'category', /no "kategori" column/]]],
    ['no quarter column and no quarter chosen', 'kommunekode;kategori\n0101;1\n', {}, [[1, 'quarter', /no "kvartal" column/]]],
    ['an unclosed quote', 'kommunekode;kategori;note\n0101;1;"oops\n', { quarter: '2019K1' }, [[2, 'file', /cannot read the CSV from this line on/]]],
    [
      'more than 20,000 rows',
      () => Buffer.from(`kommunekode;kategori\n${'0101;1\n'.repeat(20_001)}`),
      { quarter: '2019K1' },
      [[20_002, 'file', /more than 20000 rows/]],
    ],
  ];

  it.each(cases)('%s', async (_, content, fields, expected) => {
    const before = databaseFingerprint(demo.databasePath);
    const answer = await preview(typeof content === 'function' ? content() : content, fields);
    expect(answer.statusCode, answer.body).toBe(400);
    const errors = answer.json().errors as { row: number; field: string; message: string }[];
    expect(errors.map((e) => [e.row, e.field])).toEqual(expected.map(([row, field]) => [row, field]));
    errors.forEach((error, i) => expect(error.message).toMatch(expected[i][2]));
    expect(answer.json().message).toMatch(/nothing was imported$/);
    const commit = await upload('/api/imports/commit', typeof content === 'function' ? content() : content, { ...fields, fingerprint: 'x' });
    expect(commit.statusCode).toBe(400);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('answers 413 for a 10 MB file, naming the limit', async () => {
    const before = databaseFingerprint(demo.databasePath);
    const big = Buffer.alloc(10 * 1024 * 1024, 'a');
    const answer = await preview(big, { quarter: '2019K1' });
    expect(answer.statusCode).toBe(413);
    expect(answer.json().message).toMatch(/^file: larger than 2 MB/);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('answers 400 without a file, with a malformed quarter field, and for an unknown target quarter', async () => {
    const { payload, contentType } = await multipartForm(null, { quarter: '2019K1' });
    const noFile = await demo.app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      payload,
      headers: { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken, 'content-type': contentType },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().message).toMatch(/^file: no file was sent/);
    const json = await demo.admin.inject('POST', '/api/imports/preview', { quarter: '2019K1' });
    expect(json.statusCode).toBe(400);
    expect(json.json().message).toMatch(/^file: send the file as multipart/);
    expect((await preview('kommunekode;kategori\n0101;1\n', { quarter: 'K1' })).json().message).toMatch(/^quarter: must be a quarter code/);
    expect((await preview('kommunekode;kategori\n0101;1\n', { quarter: '2019K4' })).json().message).toMatch(/^quarter: 2019K4 is not in the database; open it first/);
  });

  it('answers 400 for a cut-off upload and for a second file', async () => {
    const { payload, contentType } = await multipartForm({ name: 'a.csv', bytes: 'kommunekode;kategori\n0101;1\n' });
    const headers = { cookie: demo.admin.cookie, 'x-csrf-token': demo.admin.csrfToken, 'content-type': contentType };
    const cut = await demo.app.inject({ method: 'POST', url: '/api/imports/preview', payload: payload.subarray(0, payload.length - 20), headers });
    expect(cut.statusCode).toBe(400);
    expect(cut.json().message).toMatch(/^file: the upload could not be read/);
    const two = new FormData();
    two.append('file', new Blob(['a']), 'a.csv');
    two.append('file', new Blob(['b']), 'b.csv');
    const response = new Response(two);
    const twice = await demo.app.inject({
      method: 'POST',
      url: '/api/imports/preview',
      payload: Buffer.from(await response.arrayBuffer()),
      headers: { ...headers, 'content-type': response.headers.get('content-type')! },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toBe('file: send one file at a time');
  });

  it('refuses an old .xls workbook and a damaged .xlsx with a hint', async () => {
    const xls = await preview(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), {}, 'old.xls');
    expect(xls.json().message).toMatch(/old Excel 97–2003 workbook/);
    const broken = await preview(Buffer.from('PK\x03\x04 not really a zip', 'latin1'), {}, 'broken.xlsx');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/not a readable Excel workbook/);
  });

  it('takes the value Excel shows for a formula cell in an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ark1');
    sheet.addRow(['kommunekode', 'kategori']);
    sheet.addRow(['0101', 1]);
    sheet.getCell('B2').value = { formula: '1+0', result: 1 };
    const answer = await preview(Buffer.from(await workbook.xlsx.writeBuffer()), { quarter: '2019K1' }, 'formel.xlsx');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().changes).toEqual([expect.objectContaining({ code: '0101', action: 'confirm', after: expect.objectContaining({ category: 1 }) })]);
  });
});

describe('POST /api/imports/commit', () => {
  demo.setUp('test');

  it('answers 409 when a status changed after the preview, and writes nothing', async () => {
    await demo.openNext();
    const file = fixture('quarter-semicolon-bom.csv');
    const { fingerprint } = (await preview(file, { quarter: '2019K1' })).json();
    const current = (await statusesOf('2019K1')).find((r) => r.code === '0147')!;
    const edit = await demo.admin.inject('PUT', '/api/quarters/2019K1/statuses/0147', { category: 1, note: 'Kollegaens ændring', version: current.version });
    expect(edit.statusCode).toBe(200);
    const before = databaseFingerprint(demo.databasePath);
    const stale = await upload('/api/imports/commit', file, { quarter: '2019K1', fingerprint });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toBe('the data changed since the preview; preview again');
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('answers 409 for a fingerprint of another file or quarter, and 400 without one', async () => {
    await demo.openNext();
    const { fingerprint } = (await preview('kommunekode;kategori\n0153;1\n', { quarter: '2019K1' })).json();
    const before = databaseFingerprint(demo.databasePath);
    expect((await upload('/api/imports/commit', 'kommunekode;kategori\n0155;1\n', { quarter: '2019K1', fingerprint })).statusCode).toBe(409);
    const missing = await upload('/api/imports/commit', 'kommunekode;kategori\n0153;1\n', { quarter: '2019K1' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(/^fingerprint: missing/);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('is for administrators only: 401 without a session, 403 for consultants and viewers', async () => {
    await demo.openNext();
    const others = [await loginAs(demo.app, 'consultant'), await loginAs(demo.app, 'viewer')];
    const before = databaseFingerprint(demo.databasePath);
    const file = 'kommunekode;kategori\n0153;1\n';
    for (const url of ['/api/imports/preview', '/api/imports/commit']) {
      for (const client of others) {
        const answer = await upload(url, file, { quarter: '2019K1', fingerprint: 'x' }, client);
        expect(answer.statusCode, `${client.user.role} ${url}`).toBe(403);
        expect(answer.json().message).toMatch(/may not do this; it needs admin/);
      }
      const { payload, contentType } = await multipartForm({ name: 'a.csv', bytes: file }, { quarter: '2019K1' });
      expect((await demo.app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } })).statusCode).toBe(401);
    }
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });
});

describe('an import is one transaction', () => {
  demo.setUp('test');

  it('leaves statuses and quarters as they were when its last write fails', async () => {
    demo.app.database.sqlite.exec(
      "CREATE TRIGGER refuse_import_audit BEFORE INSERT ON audit_log WHEN NEW.entity = 'import' BEGIN SELECT RAISE(ABORT, 'audit refused'); END",
    );
    const before = databaseFingerprint(demo.databasePath);
    const answer = await importFile('kvartal;kommunekode;kategori;årsag\n2019K1;0101;2;too_few_volunteers\n');
    expect(answer.statusCode).toBe(500);
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
    expect((await demo.admin.inject('GET', '/api/quarters')).json().at(-1).code).toBe('2018K4');
  });
});
