/**
 * The wanted parts of a zip archive (an XLSX file), unpacked within a budget. Deflate packs a
 * hundred megabytes of one repeated letter into a hundred kilobytes, and the sizes a zip declares
 * may lie, so the declared sizes are checked before anything is unpacked and every part is then
 * inflated with a hard cap on its output. Read from the central directory (the archive's index),
 * as spreadsheet programs do.
 */
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** The wanted parts, or `part` alone, would unpack to more than allowed. */
export class UnpackLimitError extends Error {
  constructor(readonly part: string | null) {
    super(part === null ? 'the parts to read unpack to more than the budget' : `${part} unpacks to more than its limit`);
  }
}

export interface UnzipLimits {
  /** All wanted parts together. */
  total: number;
  /** The most a part may unpack to, or undefined for a part that is not wanted. */
  part(name: string): number | undefined;
}

/** Not a zip archive this reader understands (damaged, encrypted, or sizes that lie). */
export class ZipFormatError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ZIP64_MARK = 0xffffffff;

interface DirectoryEntry {
  name: string;
  flags: number;
  method: number;
  packedSize: number;
  size: number;
  localOffset: number;
}

export function unzip(bytes: Buffer, limits: UnzipLimits): ZipEntry[] {
  const entries = readDirectory(bytes).filter((entry) => limits.part(entry.name) !== undefined);
  for (const entry of entries) if (entry.size > limits.part(entry.name)!) throw new UnpackLimitError(entry.name);
  if (entries.reduce((sum, entry) => sum + entry.size, 0) > limits.total) throw new UnpackLimitError(null);
  // Each part is held to its declared size while it is unpacked, so the checks above hold.
  return entries.map((entry) => ({ name: entry.name, data: unpack(bytes, entry) }));
}

function readDirectory(bytes: Buffer): DirectoryEntry[] {
  const end = findEndOfDirectory(bytes);
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if (offset === ZIP64_MARK || count === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) throw new ZipFormatError('no zip64 locator');
    const record = safeNumber(bytes.readBigUInt64LE(locator + 8));
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_END_OF_DIRECTORY) throw new ZipFormatError('no zip64 directory end');
    count = safeNumber(bytes.readBigUInt64LE(record + 32));
    offset = safeNumber(bytes.readBigUInt64LE(record + 48));
  }
  const entries: DirectoryEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new ZipFormatError('damaged directory');
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const entry: DirectoryEntry = {
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
      flags: bytes.readUInt16LE(offset + 8),
      method: bytes.readUInt16LE(offset + 10),
      packedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
    };
    readZip64Sizes(bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The directory ends with a fixed record, followed only by a comment of at most 64 KB. */
function findEndOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new ZipFormatError('no end of directory');
}

/** Sizes too large for 32 bits sit in the zip64 extra field (id 1), in this order. */
function readZip64Sizes(extra: Buffer, entry: DirectoryEntry): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 1) continue;
    let field = at + 4;
    for (const key of ['size', 'packedSize', 'localOffset'] as const) {
      if (entry[key] !== ZIP64_MARK) continue;
      if (field + 8 > extra.length) throw new ZipFormatError('damaged zip64 field');
      entry[key] = safeNumber(extra.readBigUInt64LE(field));
      field += 8;
    }
  }
}

function unpack(bytes: Buffer, entry: DirectoryEntry): Buffer {
  if (entry.flags & 1) throw new ZipFormatError(`${entry.name} is encrypted`);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) throw new ZipFormatError('damaged local header');
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  if (start + entry.packedSize > bytes.length) throw new ZipFormatError(`${entry.name} is cut off`);
  const packed = bytes.subarray(start, start + entry.packedSize);
  if (entry.method === STORED) {
    if (packed.length !== entry.size) throw new ZipFormatError(`${entry.name} has the wrong size`);
    return packed;
  }
  if (entry.method !== DEFLATED) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  try {
    // Capped at the declared size: a part that unpacks larger fails here instead of growing
    // until the memory runs out.
    const data = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
    if (data.length !== entry.size) throw new ZipFormatError(`${entry.name} has the wrong size`);
    return data;
  } catch (error) {
    if (error instanceof ZipFormatError) throw error;
    throw new ZipFormatError(`${entry.name} cannot be unpacked: ${(error as Error).message}`);
  }
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('size out of range');
  return Number(value);
}
