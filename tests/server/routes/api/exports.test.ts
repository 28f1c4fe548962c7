import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useDemoApp } from '../../../demo-app.ts';
import { importSteps, pick } from '../../../security/upload.ts';

/** Tests that write: a fresh demo database each. */
const demo = useDemoApp({ logins: ['admin'] });
const { preview, importFile, statusesOf } = importSteps(demo);

describe('GET /api/exports/statuses.csv', () => {
  it('writes CSV for Danish Excel: BOM, ";", CRLF, Danish headers, four-character codes', async () => {
    const answer = await demo.admin.inject('GET', '/api/exports/statuses.csv?from=2018K4&to=2018K4');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe('attachment; filename="vv-monitor-2018K4-demodata.csv"');
    const raw = answer.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(lines[0]).toBe('kvartal;kommunekode;kommune;region;kategori;kategori_tekst;årsag;årsagstekst;note;aftaler;0-kvote;ændret_af;ændret');
    expect(lines).toHaveLength(98 + 2);
    expect(lines[1]).toMatch(/^2018K4;0101;København;Region Hovedstaden;1;grøn;/);
    expect(lines.slice(1, -1).every((line) => /^2018K4;\d{4};/.test(line))).toBe(true);
  });

  it('exports every quarter by default and a range on request', async () => {
    const all = (await demo.admin.inject('GET', '/api/exports/statuses.csv')).rawPayload.toString('utf8').trim().split('\r\n');
    expect(all[1].startsWith('2016K2;')).toBe(true);
    expect(all.at(-1)!.startsWith('2018K4;')).toBe(true);
    const range = await demo.admin.inject('GET', '/api/exports/statuses.csv?from=2017K1&to=2017K4');
    expect(range.headers['content-disposition']).toContain('vv-monitor-2017K1-2017K4-demodata.csv');
    const quarters = new Set(range.rawPayload.toString('utf8').trim().split('\r\n').slice(1).map((l) => l.slice(0, 6)));
    expect([...quarters]).toEqual(['2017K1', '2017K2', '2017K3', '2017K4']);
  });

  it('answers 400 for a reversed or malformed range and 404 for an unknown quarter', async () => {
    expect((await demo.admin.inject('GET', '/api/exports/statuses.csv?from=2018K4&to=2016K2')).json().message).toBe('from: 2018K4 is after to: 2016K2');
    expect((await demo.admin.inject('GET', '/api/exports/statuses.csv?from=2018X4')).statusCode).toBe(400);
    expect((await demo.admin.inject('GET', '/api/exports/statuses.xlsx?to=2030K1')).statusCode).toBe(404);
  });

  it('puts an apostrophe before text that a spreadsheet would run as a formula, and quotes separators', async () => {
    await demo.openNext();
    await importFile("kommunekode;kategori;note\n0101;1;'=HYPERLINK(\"http://x\")\n0147;1;\"to; tre\"\n", { quarter: '2019K1' });
    expect(pick(await statusesOf('2019K1'), '0101')[0].note).toBe('=HYPERLINK("http://x")');
    const text = (await demo.admin.inject('GET', '/api/exports/statuses.csv?from=2019K1')).rawPayload.toString('utf8');
    expect(text).toContain(`;"'=HYPERLINK(""http://x"")";`);
    expect(text).toContain(';"to; tre";');
  });
});

describe('GET /api/exports/statuses.xlsx', () => {
  it('opens in exceljs with every row, codes as text and a "Demodata" label', async () => {
    const answer = await demo.admin.inject('GET', '/api/exports/statuses.xlsx?from=2018K3&to=2018K4');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-disposition']).toBe('attachment; filename="vv-monitor-2018K3-2018K4-demodata.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.rawPayload as never);
    expect(workbook.title).toContain('Demodata');
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Status (demodata)');
    expect(sheet.getRow(1).getCell(2).value).toBe('kommunekode');
    expect(sheet.actualRowCount).toBe(1 + 2 * 98);
    expect(sheet.getCell('B2').value).toBe('0101');
    expect(sheet.getCell('E2').value).toBe(1);
    expect(workbook.getWorksheet('Om')!.getCell('A1').value).toMatch(/^Demodata/);
  });
});

describe('export → import round trip', () => {
  it('re-imports a CSV export of every quarter with no changes', async () => {
    const exported = (await demo.admin.inject('GET', '/api/exports/statuses.csv')).rawPayload;
    const answer = await preview(exported, {}, 'vv-monitor.csv');
    expect(answer.statusCode, answer.body).toBe(200);
    // Every municipality in every quarter: 11 × 98, the two never assessed in a quarter as blank rows.
    expect(answer.json()).toMatchObject({ changes: [], unchanged: 1078, rows: 1078, quartersToCreate: [] });
    expect(answer.json().ignoredColumns).toEqual(['region', 'aftaler', '0-kvote', 'ændret_af', 'ændret']);
  });

  it('re-imports an XLSX export with no changes, formula-like notes and "not assessed" rows included', async () => {
    const imported = await importFile(
      "kvartal;kommunekode;kategori;årsagstekst;note\n2019K1;0101;ikke vurderet;Ingen kontakt;'-2 frivillige\n2019K1;0147;1;;'@kontor\n",
    );
    expect(imported.statusCode, imported.body).toBe(200);
    const exported = (await demo.admin.inject('GET', '/api/exports/statuses.xlsx?from=2018K4')).rawPayload;
    const answer = await preview(exported, {}, 'vv-monitor.xlsx');
    expect(answer.statusCode, answer.body).toBe(200);
    // 2018K4 and 2019K1 whole: the 96 municipalities not yet assessed in 2019K1 as blank rows.
    expect(answer.json()).toMatchObject({ changes: [], unchanged: 98 + 98 });
  });
});
