/**
 * A sign after leading blanks (" =1+1", a no-break space before "@") is still a formula to some
 * spreadsheets: the import refuses it like "=1+1", in CSV and XLSX, and the export escapes it with
 * an apostrophe, which the import takes back as text.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportCells } from '../../db/export/columns.ts';
import type { ExportRow } from '../../db/export/rows.ts';
import { databaseFingerprint } from '../helper.ts';
import { useDemoApp } from '../demo-app.ts';
import { uploadFile } from './upload.ts';

const demo = useDemoApp({ per: 'file', logins: ['admin'], openQuarter: true });

const BLANK_FORMULAS = [' =1+1', '\u00a0=HYPERLINK("http://x")', '   +45 1234', '\u2003@SUM(A1)', ' -2+3', '\t =1', '\n=1'];
const CODES = ['0101', '0147', '0151', '0153', '0155', '0157', '0159'];

const importFile = (bytes: Uint8Array | string, name: string, fields: Record<string, string> = {}) =>
  uploadFile(demo.app, demo.admin, '/api/imports/preview', { name, bytes }, { quarter: '2019K1', ...fields });

const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;

describe('formula check: blanks before the sign', () => {
  it('refuses such CSV cells on every line and writes nothing', async () => {
    const csv = `kommunekode;kategori;note\n${BLANK_FORMULAS.map((note, i) => `${CODES[i]};1;${quoted(note)}`).join('\n')}\n`;
    const before = databaseFingerprint(demo.databasePath);
    for (const url of ['/api/imports/preview', '/api/imports/commit']) {
      const answer = await uploadFile(demo.app, demo.admin, url, { name: 'noter.csv', bytes: csv }, { quarter: '2019K1', fingerprint: 'x' });
      expect(answer.statusCode, answer.body).toBe(400);
      expect(answer.json().errors).toEqual(
        BLANK_FORMULAS.map((_, i) => ({ row: i + 2, code: CODES[i], field: 'note', message: expect.stringMatching(/looks like a spreadsheet formula/) })),
      );
    }
    expect(databaseFingerprint(demo.databasePath)).toBe(before);
  });

  it('takes a text cell " =1+1" in a workbook as the text it is: a workbook cell is never run (issue #13)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ark1').addRows([
      ['kommunekode', 'kategori', 'note'],
      ['0101', 1, ' =1+1'],
    ]);
    const answer = await importFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'noter.xlsx');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().changes[0].after.note).toBe('=1+1');
  });

  it('still takes a dash list item after blanks as text', async () => {
    const answer = await importFile(`kommunekode;kategori;note\n0101;1;" - ring til kommunen"\n`, 'noter.csv');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().changes[0].after.note).toBe('- ring til kommunen');
  });

  it('exports such text with an apostrophe first, and imports that back as text', async () => {
    const row: ExportRow = {
      recorded: true,
      quarter: '2019K1',
      code: '0101',
      name: 'København',
      regionName: 'Region Hovedstaden',
      category: 1,
      reason: null,
      reasonText: '\u00a0@SUM(A1)',
      note: ' =1+1',
      agreements: [],
      zeroQuota: false,
      updatedBy: '\t+Anne',
      updatedAt: null,
    };
    const cells = exportCells(row);
    expect([cells[7], cells[8], cells[11]]).toEqual(["'\u00a0@SUM(A1)", "' =1+1", "'\t+Anne"]);
    const answer = await importFile(`kommunekode;kategori;årsagstekst;note\n0101;1;${quoted(String(cells[7]))};${quoted(String(cells[8]))}\n`, 'eksport.csv');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json().changes[0].after).toMatchObject({ reasonText: '@SUM(A1)', note: '=1+1' });
  });
});
