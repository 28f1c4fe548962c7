import type { Conn } from '../client.ts';
import { auditLog } from '../schema.ts';
import { actorLabel, type Actor } from './actor.ts';


export interface AuditEntry {
  action: string;
  entity: 'status' | 'quarter' | 'agreement' | 'quota' | 'user' | 'dataset' | 'import' | 'area' | 'support' | 'recruitment' | 'reminder' | 'publication';
  entityKey: string;
  municipalityCode?: string | null;
  quarterCode?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

/** An entry about a whole quarter or its publication: keyed by the quarter's code. */
export function aboutQuarter(
  entity: 'quarter' | 'publication',
  quarterCode: string,
  action: string,
  change: Pick<AuditEntry, 'oldValue' | 'newValue' | 'reason'>,
): AuditEntry {
  return { action, entity, entityKey: quarterCode, quarterCode, ...change };
}

/** Audit rows are always written inside the caller's transaction. */
export function appendAudit(tx: Conn, actor: Actor, at: string, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      at,
      actor: actorLabel(actor),
      actorId: actor.id,
      action: entry.action,
      entity: entry.entity,
      entityKey: entry.entityKey,
      municipalityCode: entry.municipalityCode ?? null,
      quarterCode: entry.quarterCode ?? null,
      oldValue: entry.oldValue ?? null,
      newValue: entry.newValue ?? null,
      reason: entry.reason ?? null,
    })
    .run();
}
