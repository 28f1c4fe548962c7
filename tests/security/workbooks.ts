/**
 * Hostile XLSX files, built in the test rather than checked in: a tiny zip writer that can declare
 * any size for a part, and a minimal workbook around a sheet's XML.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { zipRecords } from '../../db/import/stored-zip.ts';

export interface PackedPart {
  name: string;
  deflated: Buffer;
  /** The size the archive declares; a hostile file may declare less than the part unpacks to. */
  size: number;
  crc: number;
}

export function packed(name: string, content: string): PackedPart {
  const bytes = Buffer.from(content, 'utf8');
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * `head`, then `unit` `times` over, then `tail`, deflated without ever holding the whole text: each
 * piece is a complete deflate block, and such blocks may follow each other.
 */
export function packedRepeat(name: string, head: string, unit: string, times: number, tail: string): PackedPart {
  const flushed = (text: string) => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_FULL_FLUSH });
  const unitBytes = Buffer.from(unit);
  const block = flushed(unit);
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(unitBytes, crc);
  crc = crc32(tail, crc);
  return {
    name,
    deflated: Buffer.concat([flushed(head), ...Array.from({ length: times }, () => block), deflateRawSync(Buffer.from(tail))]),
    size: Buffer.byteLength(head) + unitBytes.length * times + Buffer.byteLength(tail),
    crc,
  };
}

export function zipArchive(parts: PackedPart[]): Buffer {
  return Buffer.concat(zipRecords(parts.map((part) => ({ name: Buffer.from(part.name), data: part.deflated, flags: 0, method: 8, crc: part.crc, size: part.size }))));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts every workbook has, around one sheet; shared strings and styles may be given. */
export function workbook({ sheet, sharedStrings, styles }: { sheet: PackedPart; sharedStrings?: PackedPart; styles?: PackedPart }): Buffer {
  return zipArchive([
    packed(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    ),
    packed(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    packed(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    packed(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
        `<Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId3" Type="${RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    styles ??
      packed(
        'xl/styles.xml',
        `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
          '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
          '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>',
      ),
    sheet,
    sharedStrings ?? packed('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="0" uniqueCount="0"/>`),
  ]);
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';
export const STRINGS_HEAD = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">`;
export const STRINGS_TAIL = '</sst>';
export const STYLES_HEAD = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">`;
export const STYLES_TAIL = '</styleSheet>';

/** A cell with inline text, as some programs write instead of shared strings. */
export const textCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** A cell that shows shared string number `index`. */
export const sharedCell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
