/**
 * Commit: re-plan inside one immediate transaction, refuse when the plan has problems or the data
 * changed since the preview, then create the missing quarters and write every change through the
 * status write path (each with its audit row), oldest quarter first so each quarter's reason
 * check sees the previous quarter as imported. One audit row records the import itself.
 */
import type { Db, Transaction } from '../client.ts';
import { compareQuarters } from '../domain/quarter.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../writes/actor.ts';
import { appendAudit } from '../writes/audit.ts';
import { insertOpenQuarter } from '../writes/quarters.ts';
import { applyStatuses } from '../writes/statuses.ts';
import { planImport, type ImportSource } from './plan.ts';
import { rejectImport } from './problems.ts';
import type { ParsedImport } from './read.ts';

export interface ImportResult {
  saved: number;
  unchanged: number;
  quartersCreated: string[];
}

export function commitImport(
  db: Db,
  file: ParsedImport,
  source: ImportSource & { fileName: string; fingerprint: string },
  actor: Actor,
): ImportResult {
  const at = source.now.toISOString();
  return db.transaction(
    (tx) => {
      const plan = planImport(tx, file, source);
      if (plan.problems.length > 0) throw rejectImport(plan.problems);
      if (plan.fingerprint !== source.fingerprint) {
        throw new DomainError('conflict', 'the data changed since the preview; preview again');
      }
      for (const code of plan.quartersToCreate) createQuarter(tx, code, source.fileName, actor, at);
      const quartersInOrder = [...new Set(plan.changes.map((c) => c.quarter))].sort(compareQuarters);
      for (const quarter of quartersInOrder) {
        const inputs = plan.changes.filter((c) => c.quarter === quarter).map((c) => ({ code: c.code, ...c.after, version: c.version }));
        applyStatuses(tx, quarter, inputs, actor, at);
      }
      appendAudit(tx, actor, at, {
        action: 'import',
        entity: 'import',
        entityKey: source.fileName,
        quarterCode: source.target,
        newValue: { rows: plan.rows, changed: plan.changes.length, quartersCreated: plan.quartersToCreate },
      });
      return { saved: plan.changes.length, unchanged: plan.unchanged, quartersCreated: plan.quartersToCreate };
    },
    { behavior: 'immediate' },
  );
}

/** Like opening a quarter, but empty: the file supplies its rows, so nothing is carried over. */
function createQuarter(tx: Transaction, code: string, fileName: string, actor: Actor, at: string): void {
  insertOpenQuarter(tx, code, actor, at, { carriedOver: 0 }, `created by the import of ${fileName}`);
}
