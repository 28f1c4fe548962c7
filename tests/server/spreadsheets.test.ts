/**
 * Spreadsheets that round-trip exactly, as a Danish Excel user meets them (issue #13): what Excel
 * shows is what is imported (formula results, quote-prefixed text, dates), rows are counted as
 * Excel counts them, an export holds every municipality of every quarter and comes back unchanged,
 * and half of a row's intent is never saved.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../helper.ts';
import { useDemoApp } from '../demo-app.ts';
import { uploadFile } from '../security/upload.ts';

const demo = useDemoApp({ logins: ['admin'], openQuarter: true }); // 2019K1, open

const preview = (bytes: Uint8Array | string, name: string, fields: Record<string, string> = { quarter: '2019K1' }) =>
  uploadFile(demo.app, demo.admin, '/api/imports/preview', { name, bytes }, fields);

async function importFile(bytes: Uint8Array | string, name: string, fields: Record<string, string> = { quarter: '2019K1' }) {
  const previewed = await preview(bytes, name, fields);
  expect(previewed.statusCode, previewed.body).toBe(200);
  const committed = await uploadFile(demo.app, demo.admin, '/api/imports/commit', { name, bytes }, { ...fields, fingerprint: previewed.json().fingerprint });
  expect(committed.statusCode, committed.body).toBe(200);
  return committed.json();
}

const statusOf = async (quarter: string, code: string) =>
  (await demo.admin.inject('GET', `/api/quarters/${quarter}/statuses`)).json().find((s: { code: string }) => s.code === code);

/** A workbook of one sheet; `style` runs on the sheet after the rows are added. */
async function workbook(rows: ExcelJS.CellValue[][], style?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Ark1');
  for (const row of rows) sheet.addRow(row);
  style?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Sets Excel's quotePrefix flag on the styles of cells formatted `format` (exceljs cannot). */
async function withQuotePrefix(book: Buffer, format: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(book);
  const styles = await zip.file('xl/styles.xml')!.async('string');
  const id = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].find((m) => m[2] === format)![1];
  zip.file('xl/styles.xml', styles.replaceAll(`numFmtId="${id}"`, `numFmtId="${id}" quotePrefix="1"`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('an XLSX file', () => {
  it('is read as Excel shows it: the value of a formula cell, not the formula', async () => {
    const book = await workbook([
      ['kommunekode', 'kategori', 'note'],
      ['0101', { formula: '3-2', result: 1 }, { formula: '"Ring "&"til kontakten"', result: 'Ring til kontakten' }],
    ]);
    await importFile(book, 'kvartal.xlsx');
    expect(await demo.statusOf('2019K1', '0101')).toMatchObject({ category: 1, note: 'Ring til kontakten' });
  });

  it('takes text typed with a leading apostrophe (Excel’s quote prefix) as the text it is', async () => {
    const book = await withQuotePrefix(
      await workbook([['kommunekode', 'kategori', 'note'], ['0101', 1, '-5 frivillige mangler']], (sheet) => {
        sheet.getCell('C2').numFmt = '@@';
      }),
      '@@',
    );
    await importFile(book, 'kvartal.xlsx');
    expect((await demo.statusOf('2019K1', '0101')).note).toBe('-5 frivillige mangler');
  });

  it('refuses a formula Excel has not calculated, naming its cell', async () => {
    const book = await workbook([['kommunekode', 'kategori'], ['0101', { formula: '1+1' } as ExcelJS.CellValue]]);
    const answer = await preview(book, 'kvartal.xlsx');
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors[0]).toMatchObject({ row: 2, message: expect.stringMatching(/cell B2 holds a formula Excel has not calculated/) });
  });

  it('writes a date as Danish Excel shows it', async () => {
    const book = await workbook([['kommunekode', 'kategori', 'note'], ['0101', 1, new Date(Date.UTC(2019, 2, 12))]]);
    await importFile(book, 'kvartal.xlsx');
    expect((await demo.statusOf('2019K1', '0101')).note).toBe('12-03-2019');
  });
});

describe('the XLSX export', () => {
  it('marks text that starts like a formula with Excel’s quote prefix, not with an apostrophe in the text', async () => {
    await importFile("kommunekode;kategori;note\n0101;1;'=1+1\n", 'kvartal.csv');
    const book = (await demo.admin.inject('GET', '/api/exports/statuses.xlsx?from=2019K1')).rawPayload;
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(book as never);
    const sheet = read.worksheets[0];
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(2).value === '0101')!;
    const note = row.getCell(9);
    expect(note.value).toBe('=1+1');
    const zip = await JSZip.loadAsync(book);
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const style = new RegExp(`<c r="I${row.number}"[^>]* s="(\\d+)"`).exec(xml)![1];
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1].match(/<xf [^>]*?\/?>/g)!;
    expect(xfs[Number(style)]).toContain('quotePrefix="1"');
    // …and the file comes back unchanged: 0101 as it is, the carried-over rows only confirmed.
    const again = await preview(book, 'vv-monitor.xlsx', {});
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().changes.find((c: { code: string }) => c.code === '0101')).toBeUndefined();
    expect(again.json().changes.every((c: { action: string }) => c.action === 'confirm')).toBe(true);
  });
});

describe('a CSV file', () => {
  it('reports the row a spreadsheet shows, after a note with a line break', async () => {
    const answer = await preview('kommunekode;kategori;note\r\n0101;1;"to\r\nlinjer"\r\n0492;lilla;\r\n', 'kvartal.csv');
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors).toEqual([expect.objectContaining({ row: 3, code: '0492', field: 'category' })]);
  });

  it('accepts the short everyday names, and still catches shifted columns', async () => {
    const ok = await preview('kommunekode;kommune;kategori\n0480;Nordfyn;1\n0820;Vesthimmerland;1\n0101;Københavns Kommune;1\n', 'kvartal.csv');
    expect(ok.statusCode, ok.body).toBe(200);
    const shifted = await preview('kommunekode;kommune;kategori\n0101;Aarhus;1\n', 'kvartal.csv');
    expect(shifted.statusCode).toBe(400);
    expect(shifted.json().errors[0].message).toMatch(/columns shifted/);
  });
});

describe('category and kategori_tekst', () => {
  it('refuses a row whose two category cells disagree, naming both, and saves nothing of it', async () => {
    const before = databaseFingerprint(demo.databasePath);
    const answer = await preview('kommunekode;kategori;kategori_tekst;årsag\n0101;2;grøn;For få frivillige\n', 'kvartal.csv');
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors[0]).toMatchObject({ row: 2, field: 'category', message: 'kategori "2" and kategori_tekst "grøn" disagree; make them the same, or empty one of them' });
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('reads the Danish word alone when the number is left empty', async () => {
    await importFile('kommunekode;kategori;kategori_tekst;årsag\n0101;;gul;For få frivillige\n', 'kvartal.csv');
    expect((await demo.statusOf('2019K1', '0101')).category).toBe(2);
  });
});

describe('the export', () => {
  it('holds every municipality of every quarter, so it reproduces the published figures', async () => {
    const csv = (await demo.admin.inject('GET', '/api/exports/statuses.csv?from=2016K2&to=2016K2')).body.trim().split('\r\n');
    const header = csv[0].replace('\uFEFF', '').split(';');
    const rows = csv.slice(1).map((line) => Object.fromEntries(line.split(';').map((cell, i) => [header[i], cell])));
    expect(rows).toHaveLength(98);
    expect(rows.filter((r) => r['0-kvote'] === 'ja').map((r) => r.kommune).sort()).toEqual(['Albertslund', 'Brøndby', 'Høje-Taastrup', 'Ishøj']);
    const never = rows.filter((r) => r.kategori === '');
    expect(never.length).toBeGreaterThan(0);
    expect(never.every((r) => r.kategori_tekst === '' && r.årsag === '')).toBe(true);
  });

  it('keeps "ikke vurderet" and its reason for a municipality marked not assessed', async () => {
    await importFile('kommunekode;kategori;årsagstekst\n0101;ikke vurderet;Ingen kontakt i kvartalet\n', 'kvartal.csv');
    const csv = (await demo.admin.inject('GET', '/api/exports/statuses.csv?from=2019K1')).body;
    expect(csv).toMatch(/^2019K1;0101;København;Region Hovedstaden;ikke vurderet;ikke vurderet;;Ingen kontakt i kvartalet;/m);
  });
});

describe('an empty category', () => {
  it('changes nothing where the database has no row either, and is an error over an existing category', async () => {
    // The demo has municipalities never assessed in 2016K2.
    const none = (await demo.admin.inject('GET', '/api/quarters/2016K2/statuses')).json().find((s: { version: number }) => s.version === 0);
    const blank = await preview(`kvartal;kommunekode;kategori;årsag\n2016K2;${none.code};;\n`, 'historik.csv', {});
    expect(blank.statusCode, blank.body).toBe(200);
    expect(blank.json()).toMatchObject({ changes: [], unchanged: 1 });
    const answer = await preview('kommunekode;kategori;årsag\n0101;;\n', 'kvartal.csv', { quarter: '2019K1' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors[0]).toMatchObject({ row: 2, code: '0101', field: 'category', message: expect.stringMatching(/^empty, but 0101 has \d \(\p{L}+\) in 2019K1/u) });
  });
});

describe('a preview for a quarter that does not exist', () => {
  it('answers 404, like every other route given a well-formed unknown quarter', async () => {
    const answer = await preview('kommunekode;kategori\n0101;1\n', 'kvartal.csv', { quarter: '2030K1' });
    expect(answer.statusCode).toBe(404);
    expect(answer.json().message).toMatch(/2030K1 is not in the database/);
  });
});
