import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { addDays } from '../domain/iso-date.ts';
import { auditLog, users } from '../schema.ts';
import { actorLabel } from '../writes/actor.ts';

export interface AuditFilter {
  actorId?: number;
  municipalityCode?: string;
  quarterCode?: string;
  /** From this day (YYYY-MM-DD), inclusive. */
  from?: string;
  /** To this day (YYYY-MM-DD), inclusive. */
  to?: string;
  limit: number;
  offset: number;
}

/**
 * The audit log, newest first, filtered and paged. Who acted is read from the account at read
 * time, so a renamed or pseudonymised person shows as they are now; the stored label is kept for
 * scripts and the demo loader, which have no account.
 */
export function listAudit(db: Conn, filter: AuditFilter) {
  const conditions: (SQL | undefined)[] = [
    filter.actorId === undefined ? undefined : eq(auditLog.actorId, filter.actorId),
    filter.municipalityCode ? eq(auditLog.municipalityCode, filter.municipalityCode) : undefined,
    filter.quarterCode ? eq(auditLog.quarterCode, filter.quarterCode) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lt(auditLog.at, addDays(filter.to, 1)) : undefined,
  ];
  const where = and(...conditions);
  const total = db.select({ n: count() }).from(auditLog).where(where).get()!.n;
  const rows = db
    .select({ row: auditLog, name: users.name, email: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset)
    .all()
    .map(({ row, name, email }) => ({ ...row, actor: name === null ? row.actor : actorLabel({ id: row.actorId, name, email }) }));
  return { total, rows };
}
