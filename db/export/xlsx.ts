/**
 * Export rows → an XLSX workbook: one sheet of statuses with the same columns as the CSV, and an
 * "Om" sheet saying what the file holds, including that demo data is invented.
 */
import ExcelJS from 'exceljs';
import { EXPORT_HEADER, exportCells } from './columns.ts';
import type { ExportRow } from './rows.ts';

export interface ExportAbout {
  from: string;
  to: string;
  demo: boolean;
  exportedAt: Date;
}

const CODE_COLUMN = EXPORT_HEADER.indexOf('kommunekode') + 1;

export async function toXlsx(rows: ExportRow[], about: ExportAbout): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'VV Monitor';
  workbook.created = about.exportedAt;
  workbook.title = about.demo ? 'VV Monitor – Demodata' : 'VV Monitor';

  const sheet = workbook.addWorksheet(about.demo ? 'Status (demodata)' : 'Status', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...EXPORT_HEADER]).font = { bold: true };
  for (const row of rows) sheet.addRow(exportCells(row));
  // Text, so Excel keeps the leading zero of "0101" when the file is edited and saved again.
  sheet.getColumn(CODE_COLUMN).numFmt = '@';
  sheet.columns.forEach((column, index) => {
    column.width = Math.max(10, Math.min(40, EXPORT_HEADER[index].length + 4));
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_HEADER.length } };

  const info = workbook.addWorksheet('Om');
  info.addRows([
    [about.demo ? 'Demodata: opdigtede tal, ikke rigtige vurderinger' : 'VV Monitor – Venner Viser Vej'],
    ['Status pr. kommune og kvartal', `${about.from}–${about.to}`],
    ['Eksporteret', about.exportedAt.toISOString()],
    ['Kategori', '1 grøn, 2 gul, 3 rød; "ikke vurderet" med en årsagstekst'],
  ]);
  info.getColumn(1).width = 50;
  info.getColumn(2).width = 50;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
