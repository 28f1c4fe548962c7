/**
 * Export rows → an XLSX workbook: one sheet of statuses with the same columns as the CSV, and an
 * "Om" sheet saying what the file holds, including that demo data is invented.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { startsLikeFormula } from '../domain/formula.ts';
import { EXPORT_HEADER, FREE_TEXT_COLUMNS, plainCells } from './columns.ts';
import type { ExportRow } from './rows.ts';

export interface ExportAbout {
  from: string;
  to: string;
  demo: boolean;
  exportedAt: Date;
}

const CODE_COLUMN = EXPORT_HEADER.indexOf('kommunekode') + 1;
/**
 * Marks the cells that must keep Excel's "quote prefix" (a text that starts like a formula). exceljs
 * cannot write that flag, so its cells get this otherwise unused format and markQuotePrefix() puts
 * the flag on the format's styles; the format itself shows text as it is.
 */
const QUOTED_TEXT_FORMAT = ';;;@';

export async function toXlsx(rows: ExportRow[], about: ExportAbout): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'VV Monitor';
  workbook.created = about.exportedAt;
  workbook.title = about.demo ? 'VV Monitor – Demodata' : 'VV Monitor';

  const sheet = workbook.addWorksheet(about.demo ? 'Status (demodata)' : 'Status', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...EXPORT_HEADER]).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(plainCells(row));
    for (const column of FREE_TEXT_COLUMNS) {
      const cell = added.getCell(column + 1);
      if (typeof cell.value === 'string' && startsLikeFormula(cell.value)) cell.numFmt = QUOTED_TEXT_FORMAT;
    }
  }
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
    ['Kategori', '1 grøn, 2 gul, 3 rød; "ikke vurderet" med en årsagstekst; tom: ikke vurderet i kvartalet'],
  ]);
  info.getColumn(1).width = 50;
  info.getColumn(2).width = 50;
  return markQuotePrefix(Buffer.from(await workbook.xlsx.writeBuffer()));
}

/**
 * Sets quotePrefix="1" on the cell styles of QUOTED_TEXT_FORMAT: Excel then shows "=1+1" as the
 * text it is (without an apostrophe in the cell) and keeps it text when someone edits the cell.
 */
async function markQuotePrefix(book: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(book);
  const part = zip.file('xl/styles.xml');
  if (!part) return book;
  const styles = await part.async('string');
  const format = /<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g;
  const id = [...styles.matchAll(format)].find((match) => match[2] === QUOTED_TEXT_FORMAT)?.[1];
  if (!id) return book;
  const marked = styles.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (xfs) => xfs.replaceAll(`numFmtId="${id}"`, `numFmtId="${id}" quotePrefix="1"`));
  zip.file('xl/styles.xml', marked);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
