/**
 * Parts → a zip archive without compression, as a list of buffers (nothing is copied). The XLSX
 * parser hands exceljs only parts that unzip.ts has unpacked within its budget, in the order its
 * stream reader needs, so what exceljs reads is exactly what was measured.
 */
import { crc32 } from 'node:zlib';
import type { ZipEntry } from './unzip.ts';

const UTF8_NAMES = 0x0800;

export function storedZip(entries: ZipEntry[]): Buffer[] {
  return zipRecords(entries.map(({ name, data }) => ({ name: Buffer.from(name, 'utf8'), data, flags: UTF8_NAMES, method: 0, crc: crc32(data), size: data.length })));
}

/** One part as the zip headers describe it: `data` as stored (deflated when `method` is 8), `size` the unpacked size they declare. */
export interface ZipRecord {
  name: Buffer;
  data: Buffer;
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  size: number;
}

/** A zip archive of parts as they are given, as a list of buffers: local headers and data, the central directory, its end. */
export function zipRecords(records: ZipRecord[]): Buffer[] {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data, flags, method, crc, size } of records) {
    // Local file header: version needed 2.0, then the fields it shares with the central header.
    const local = header(30, 0x04034b50, [[4, 2, 20], [6, 2, flags], [8, 2, method], [14, 4, crc], [18, 4, data.length], [22, 4, size], [26, 2, name.length]]);
    // Central directory header: made by and needing 2.0, and where the local header starts.
    const central = header(46, 0x02014b50, [[4, 2, 20], [6, 2, 20], [8, 2, flags], [10, 2, method], [16, 4, crc], [20, 4, data.length], [24, 4, size], [28, 2, name.length], [42, 4, offset]]);
    chunks.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directorySize = directory.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = header(22, 0x06054b50, [[8, 2, records.length], [10, 2, records.length], [12, 4, directorySize], [16, 4, offset]]);
  return [...chunks, ...directory, end];
}

/** A zeroed header of `length` bytes with its signature and little-endian fields written as [offset, bytes, value]. */
function header(length: number, signature: number, fields: [number, 2 | 4, number][]): Buffer {
  const bytes = Buffer.alloc(length);
  bytes.writeUInt32LE(signature, 0);
  for (const [at, size, value] of fields) {
    if (size === 2) bytes.writeUInt16LE(value, at);
    else bytes.writeUInt32LE(value, at);
  }
  return bytes;
}
