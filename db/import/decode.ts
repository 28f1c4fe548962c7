/**
 * Bytes → text for a CSV file. Only UTF-8 is accepted: Excel's plain "CSV" is Windows-1252 and its
 * "Unicode text" is UTF-16, and guessing between encodings silently turns "København" into
 * "K�benhavn". Refusing with the line and the fix is kinder than importing garbled names.
 */
import { problem, rejectImport } from './problems.ts';

const SAVE_AS = 'in Excel choose File → Save As → "CSV UTF-8 (kommasepareret) (*.csv)" and upload that file';

export function decodeUtf8(bytes: Uint8Array): string {
  if (isUtf16(bytes)) throw rejectImport([problem(1, 'file', `the file is UTF-16 ("Unicode text"), not UTF-8; ${SAVE_AS}`)]);
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    const line = lineOf(bytes, bad);
    throw rejectImport([
      problem(line.number, 'file', `the file is not UTF-8 (this line reads ${JSON.stringify(line.asWindows1252)} only as Windows-1252); ${SAVE_AS}`),
    ]);
  }
  if (bytes.includes(0)) throw rejectImport([problem(lineOf(bytes, bytes.indexOf(0)).number, 'file', 'the file is not text; upload a CSV or an XLSX file')]);
  // TextDecoder drops a leading byte order mark, which Excel writes in "CSV UTF-8".
  return new TextDecoder('utf-8').decode(bytes);
}

/** A byte order mark, or text whose every other byte is zero (UTF-16 without a mark). */
function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const sample = bytes.subarray(0, 512);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((byte, index) => {
    if (byte === 0) index % 2 === 0 ? evenZeros++ : oddZeros++;
  });
  return sample.length >= 4 && Math.max(evenZeros, oddZeros) >= sample.length / 4;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    if (length > 1) {
      const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
      const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
      if (bytes[i + 1] < low || bytes[i + 1] > high) return i;
      for (let k = 2; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): { number: number; asWindows1252: string } {
  const start = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  const newline = bytes.indexOf(0x0a, offset);
  const end = newline === -1 ? bytes.length : newline;
  let number = 1;
  for (let i = 0; i < start; i++) if (bytes[i] === 0x0a) number++;
  const text = new TextDecoder('windows-1252').decode(bytes.subarray(start, end)).replace(/\r$/, '');
  return { number, asWindows1252: text.length > 60 ? `${text.slice(0, 60)}…` : text };
}
