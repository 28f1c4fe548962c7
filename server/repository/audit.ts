import type { Db } from '../../db/client.ts';
import { listAudit, type AuditFilter } from '../../db/queries/index.ts';
import type { AuditPage } from '../schemas/records.ts';

export function auditRepository(db: Db) {
  return {
    /** Newest first, filtered and paged. */
    list: (filter: AuditFilter): AuditPage => listAudit(db, filter),
  };
}
