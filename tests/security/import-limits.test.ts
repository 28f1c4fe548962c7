/**
 * The bounds an import applies to what it reads and what it answers, each shown on a file just
 * past it: problems listed, lines named per duplicate, characters of a cell echoed, columns, and
 * rows read. Refused files change nothing.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { databaseFingerprint } from '../helper.ts';
import { useDemoApp } from '../demo-app.ts';
import { uploadFile } from './upload.ts';

const demo = useDemoApp({ per: 'file', logins: ['admin'], openQuarter: true });

interface Refusal {
  message: string;
  errors: { row: number; field: string; message: string; code?: string }[];
  errorCount?: number;
}

const preview = (bytes: Uint8Array | string, name = 'statuses.csv') => uploadFile(demo.app, demo.admin, '/api/imports/preview', { name, bytes }, { quarter: '2019K1' });

/** Preview and commit both refuse the file with a 400 and write nothing; the answers are returned. */
async function refused(bytes: Uint8Array | string, name?: string): Promise<{ answer: Refusal; size: number }[]> {
  const before = databaseFingerprint(demo.databasePath);
  const answers = [];
  for (const url of ['/api/imports/preview', '/api/imports/commit']) {
    const answer = await uploadFile(demo.app, demo.admin, url, { name: name ?? 'statuses.csv', bytes }, { quarter: '2019K1', ...(url.endsWith('commit') ? { fingerprint: 'x' } : {}) });
    expect(answer.statusCode, answer.body.slice(0, 300)).toBe(400);
    answers.push({ answer: answer.json() as Refusal, size: answer.body.length });
  }
  expect(databaseFingerprint(demo.databasePath)).toBe(before);
  return answers;
}

async function xlsxBytes(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Ark1'));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('POST /api/imports/preview and /commit: bounded answers', () => {
  it('lists the first 100 problems, then one line "and N more", and counts them all', async () => {
    const csv = `kommunekode;kategori\n${Array.from({ length: 150 }, (_, i) => `x${i};1`).join('\n')}\n`;
    for (const { answer } of await refused(csv)) {
      expect(answer.message).toBe('150 lines have errors; nothing was imported');
      expect(answer.errorCount).toBe(150);
      expect(answer.errors).toHaveLength(101);
      expect(answer.errors.slice(0, 100).map((e) => e.row)).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
      expect(answer.errors[100]).toEqual({ row: 102, field: 'file', message: 'and 50 more problems from this line on; fix the ones above and upload the file again' });
    }
  });

  it('names at most 10 lines of a municipality that appears more than once', async () => {
    const [{ answer }] = await refused(`kommunekode;kategori\n${'0101;1\n'.repeat(12)}`);
    expect(answer.errors).toHaveLength(12);
    expect(answer.errors[0].message).toBe('0101 appears more than once for 2019K1: lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more');
  });

  it('says so in Danish too', async () => {
    const csv = `kommunekode;kategori\n${'0101;1\n'.repeat(112)}`;
    const answer = await uploadFile(demo.app, demo.admin, '/api/imports/preview', { name: 'dubletter.csv', bytes: csv }, { quarter: '2019K1' }, { 'accept-language': 'da' });
    const body = answer.json() as Refusal;
    expect(body.errors[0].message).toBe('0101 står der mere end én gang for 2019K1: linje 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 og 102 flere');
    expect(body.errors[100].message).toBe('og 12 fejl mere fra denne linje; ret fejlene ovenfor, og upload filen igen');
  });

  it('echoes at most 80 characters of a rejected cell, however long the cell', async () => {
    const long = (letter: string) => letter.repeat(300_000);
    const csv = `kommunekode;kommune;kategori;årsag\n${long('1')};x;1;\n0101;${long('N')};1;\n0147;;${long('K')};\n0151;;1;${long('R')}\n0153;;${'='.repeat(300_000)};\n`;
    for (const { answer, size } of await refused(csv)) {
      expect(size).toBeLessThan(4_000);
      expect(answer.errors.map((e) => [e.row, e.field])).toEqual([
        [2, 'code'],
        [3, 'name'],
        [4, 'category'],
        [5, 'reason'],
        [6, 'category'],
      ]);
      expect(answer.errors[0].message).toBe(`"${'1'.repeat(80)}…" is not a municipality code such as 0101`);
      // The longest names every reason code besides the cell.
      for (const error of answer.errors) expect(error.message.length).toBeLessThan(400);
    }
  });

  it('shortens the ignored column headers it lists', async () => {
    const answer = await preview(`kommunekode;kategori;${'H'.repeat(50_000)}\n0101;1;x\n`);
    expect(answer.statusCode, answer.body.slice(0, 300)).toBe(200);
    expect(answer.json().ignoredColumns).toEqual([`${'H'.repeat(80)}…`]);
  });
});

describe('POST /api/imports/preview and /commit: bounded reading', () => {
  it('refuses a CSV value right of column 50, naming the column, and drops empty cells there', async () => {
    const [{ answer }] = await refused(`kommunekode;kategori\n0101;1${';'.repeat(49)}x\n`);
    expect(answer.errors).toEqual([{ row: 2, field: 'columns', message: 'uses column AY; a file may use at most 50 columns (A to AX); delete the columns right of AX' }]);
    const trailing = await preview(`kommunekode;kategori\n0101;1${';'.repeat(200)}\n`);
    expect(trailing.statusCode, trailing.body.slice(0, 300)).toBe(200);
  });

  it('refuses an XLSX cell right of column 50, naming the column', async () => {
    const bytes = await xlsxBytes((sheet) => {
      sheet.addRow(['kommunekode', 'kategori']);
      sheet.addRow(['0101', 1]);
      sheet.getCell('BA2').value = 'x';
    });
    const [{ answer }] = await refused(bytes, 'statuses.xlsx');
    expect(answer.errors).toEqual([{ row: 2, field: 'columns', message: expect.stringMatching(/^uses column BA; a file may use at most 50 columns/) }]);
  });

  it('stops reading a CSV one row past the limit: what comes later is never parsed', async () => {
    const csv = `kommunekode;kategori\n${'0101;1\n'.repeat(20_001)}0147;"this quote is never closed\n`;
    const [{ answer }] = await refused(csv);
    expect(answer.errors).toEqual([{ row: 20_002, field: 'file', message: 'more than 20000 rows; split the file, e.g. one file per year' }]);
  });
});
