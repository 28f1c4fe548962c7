import type { Db } from '../../db/client.ts';
import { commitImport } from '../../db/import/apply.ts';
import { planImport } from '../../db/import/plan.ts';
import { rejectImport } from '../../db/import/problems.ts';
import { readImport } from '../../db/import/read.ts';
import type { Actor } from '../../db/writes/actor.ts';
import type { ImportPreview, ImportResult } from '../schemas/transfer.ts';

/** An uploaded file of statuses (http/upload.ts). */
export interface ImportFile {
  bytes: Buffer;
  fileName: string;
  /** The quarter the whole file is for, or null for a history file with a quarter column. */
  target: string | null;
}

export function importsRepository(db: Db) {
  return {
    /** What importing the file would change; writes nothing, refuses a file with problems. */
    preview: async (upload: ImportFile): Promise<ImportPreview> => {
      const file = await readImport(upload.bytes, upload.target);
      const plan = planImport(db, file, { bytes: upload.bytes, target: upload.target, now: new Date() });
      if (plan.problems.length > 0) throw rejectImport(plan.problems);
      return { ...plan, fileName: upload.fileName, format: file.format, ignoredColumns: file.ignoredColumns };
    },
    /** The previewed file in one transaction; refused when the data changed since the preview (`fingerprint`). */
    commit: async (upload: ImportFile & { fingerprint: string }, actor: Actor): Promise<ImportResult> => {
      const file = await readImport(upload.bytes, upload.target);
      return commitImport(db, file, { bytes: upload.bytes, target: upload.target, now: new Date(), fileName: upload.fileName, fingerprint: upload.fingerprint }, actor);
    },
  };
}
