import type { Db } from '../../db/client.ts';
import type { Audience } from '../../db/domain/audience.ts';
import { EXPORT_HEADER, exportCells } from '../../db/export/columns.ts';
import { toCsv } from '../../db/export/csv.ts';
import { exportFileName } from '../../db/export/file-name.ts';
import { exportRows } from '../../db/export/rows.ts';
import { toXlsx } from '../../db/export/xlsx.ts';
import { datasetKind } from '../../db/queries/index.ts';

/** The quarters of an export, `from` and `to` included. */
export interface ExportRange {
  from: string;
  to: string;
  quarters: string[];
}

export interface ExportFile {
  fileName: string;
  body: Buffer;
}

export function exportsRepository(db: Db) {
  const isDemo = () => datasetKind(db) === 'demo';
  return {
    /** For Danish Excel: UTF-8 with BOM, ";", CRLF. */
    csv: (range: ExportRange, audience: Audience): ExportFile => {
      const body = toCsv(EXPORT_HEADER, exportRows(db, range.quarters, audience).map(exportCells));
      return { fileName: exportFileName(range.from, range.to, isDemo(), 'csv'), body };
    },
    xlsx: async (range: ExportRange, audience: Audience): Promise<ExportFile> => {
      const body = await toXlsx(exportRows(db, range.quarters, audience), { from: range.from, to: range.to, demo: isDemo(), exportedAt: new Date() });
      return { fileName: exportFileName(range.from, range.to, isDemo(), 'xlsx'), body };
    },
  };
}
