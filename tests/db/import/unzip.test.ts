import { describe, expect, it } from 'vitest';
import { storedZip } from '../../../db/import/stored-zip.ts';
import { unzip, UnpackLimitError, ZipFormatError } from '../../../db/import/unzip.ts';
import { packed, packedRepeat, zipArchive } from '../../security/workbooks.ts';

const everything = { total: 1024 * 1024, part: () => 1024 * 1024 };

describe('unzip', () => {
  it('unpacks the wanted parts, deflated or stored, and leaves the others packed', () => {
    const deflated = zipArchive([packed('xl/workbook.xml', '<workbook/>'), packed('docProps/app.xml', '<Properties/>')]);
    const parts = unzip(deflated, { total: 1024, part: (name) => (name.startsWith('xl/') ? 1024 : undefined) });
    expect(parts.map((p) => [p.name, p.data.toString()])).toEqual([['xl/workbook.xml', '<workbook/>']]);
    const stored = Buffer.concat(storedZip([{ name: 'a.xml', data: Buffer.from('<a/>') }, { name: 'b.xml', data: Buffer.from('') }]));
    expect(unzip(stored, everything).map((p) => [p.name, p.data.toString()])).toEqual([['a.xml', '<a/>'], ['b.xml', '']]);
  });

  it('refuses by the declared sizes, before unpacking: one part over its limit, or all together over the total', () => {
    const archive = zipArchive([packedRepeat('xl/styles.xml', '<a>', 'x'.repeat(1024), 600, '</a>'), packed('xl/sheet.xml', '<b/>')]);
    expect(() => unzip(archive, { total: 10 * 1024 * 1024, part: (name) => (name === 'xl/styles.xml' ? 512 * 1024 : 1024) })).toThrow(
      expect.objectContaining({ part: 'xl/styles.xml' }),
    );
    expect(() => unzip(archive, { total: 512 * 1024, part: () => 10 * 1024 * 1024 })).toThrow(expect.objectContaining({ part: null }));
    expect(() => unzip(archive, { total: 512 * 1024, part: () => 10 * 1024 * 1024 })).toThrow(UnpackLimitError);
  });

  it('refuses a part that unpacks to more than it declares, without unpacking the rest of it', () => {
    const lying = { ...packedRepeat('xl/sharedStrings.xml', '<sst>', 'A'.repeat(1024 * 1024), 100, '</sst>'), size: 1024 };
    expect(() => unzip(zipArchive([lying]), everything)).toThrow(ZipFormatError);
  });

  it('refuses what is not a zip archive, or a cut-off one', () => {
    expect(() => unzip(Buffer.from('kommunekode;kategori\n0101;1\n'), everything)).toThrow(ZipFormatError);
    const archive = zipArchive([packed('xl/workbook.xml', '<workbook/>'.repeat(100))]);
    const cut = Buffer.concat([archive.subarray(0, 40), archive.subarray(archive.length - 80)]);
    expect(() => unzip(cut, everything)).toThrow(ZipFormatError);
  });
});
