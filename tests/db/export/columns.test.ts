import { describe, expect, it } from 'vitest';
import { EXPORT_HEADER, exportCells } from '../../../db/export/columns.ts';
import type { ExportRow } from '../../../db/export/rows.ts';

const row: ExportRow = {
  quarter: '2018K4',
  recorded: true,
  code: '0101',
  name: 'København',
  regionName: 'Region Hovedstaden',
  category: 2,
  reason: 'too_few_volunteers',
  reasonText: null,
  note: 'Tre frivillige stoppede',
  agreements: ['RK', 'DFH'],
  zeroQuota: false,
  updatedBy: 'Anne',
  updatedAt: '2018-12-20T12:00:00.000Z',
};

describe('exportCells', () => {
  it('gives one cell per header, with words the import understands', () => {
    const cells = exportCells(row);
    expect(cells).toHaveLength(EXPORT_HEADER.length);
    expect(Object.fromEntries(EXPORT_HEADER.map((h, i) => [h, cells[i]]))).toEqual({
      kvartal: '2018K4',
      kommunekode: '0101',
      kommune: 'København',
      region: 'Region Hovedstaden',
      kategori: 2,
      kategori_tekst: 'gul',
      årsag: 'For få frivillige',
      årsagstekst: '',
      note: 'Tre frivillige stoppede',
      aftaler: 'RK, DFH',
      '0-kvote': 'nej',
      ændret_af: 'Anne',
      ændret: '2018-12-20T12:00:00.000Z',
    });
  });

  it('writes empty category cells for a municipality never assessed in the quarter', () => {
    expect(exportCells({ ...row, recorded: false, category: null, reason: null, note: null, updatedBy: null, updatedAt: null }).slice(4, 9)).toEqual(['', '', '', '', '']);
  });

  it('writes "ikke vurderet" for a municipality explicitly not assessed', () => {
    expect(exportCells({ ...row, category: null, reason: null, reasonText: 'Ingen kontakt' }).slice(4, 8)).toEqual(['ikke vurderet', 'ikke vurderet', '', 'Ingen kontakt']);
  });

  it('puts an apostrophe before free text that starts like a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(exportCells({ ...row, note: `${start}1` })[8]).toBe(`'${start}1`);
    }
    expect(exportCells({ ...row, reasonText: '=cmd', updatedBy: '@anne' }).slice(7, 12)).toEqual(["'=cmd", 'Tre frivillige stoppede', 'RK, DFH', 'nej', "'@anne"]);
  });
});
