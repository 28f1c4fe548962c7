/**
 * Cells → a CSV file that Danish Excel opens by double-click: a UTF-8 byte order mark (without it
 * Excel reads Windows-1252 and garbles æ, ø, å), `;` as separator, CRLF line ends.
 */
import type { ExportCell } from './columns.ts';

const BOM = '\uFEFF';

export function toCsv(header: readonly string[], rows: ExportCell[][]): Buffer {
  const lines = [header, ...rows].map((cells) => cells.map((cell) => quote(String(cell))).join(';'));
  return Buffer.from(`${BOM}${lines.join('\r\n')}\r\n`, 'utf8');
}

function quote(cell: string): string {
  return /[;"\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
