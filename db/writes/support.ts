/** The support log: what a consultant did with a municipality, and when. */
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { isIsoDate } from '../domain/iso-date.ts';
import { NOTE_MAX_CHARS } from '../domain/limits.ts';
import { normaliseMunicipalityCode } from '../domain/municipality-code.ts';
import { invalid } from '../errors.ts';
import { ACTIVITY_KINDS, type ActivityKind } from '../domain/activity.ts';
import { municipalities, supportActivities } from '../schema.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';

export interface ActivityInput {
  municipalityCode: string;
  kind: ActivityKind;
  happenedOn: string;
  participants?: number | null;
  note?: string | null;
}

export function logActivity(db: Db, input: ActivityInput, actor: Actor, now = new Date()) {
  const at = now.toISOString();
  const municipalityCode = normaliseMunicipalityCode(String(input.municipalityCode ?? ''));
  if (!municipalityCode || !db.select().from(municipalities).where(eq(municipalities.code, municipalityCode)).get()) {
    throw invalid(`municipalityCode: ${JSON.stringify(input.municipalityCode)} is not one of the 98 municipality codes`);
  }
  if (!ACTIVITY_KINDS.includes(input.kind)) throw invalid(`kind: must be one of ${ACTIVITY_KINDS.join(', ')}`);
  if (!isIsoDate(input.happenedOn)) throw invalid(`happenedOn: must be a date written YYYY-MM-DD; got ${JSON.stringify(input.happenedOn)}`);
  // Danish time runs up to two hours ahead of UTC: "today" in Copenhagen may be tomorrow in UTC terms.
  const latest = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  if (input.happenedOn > latest) throw invalid('happenedOn: the activity cannot be in the future; log it when it has happened');
  const participants = input.participants ?? null;
  if (participants !== null && (!Number.isInteger(participants) || participants < 0 || participants > 10_000)) {
    throw invalid('participants: must be a whole number from 0 to 10000, or empty');
  }
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX_CHARS) throw invalid(`note: must be at most ${NOTE_MAX_CHARS} characters`);

  return db.transaction(
    (tx) => {
      const row = tx
        .insert(supportActivities)
        .values({
          municipalityCode,
          kind: input.kind,
          happenedOn: input.happenedOn,
          participants,
          note,
          createdBy: actor.name,
          createdById: actor.id,
          createdAt: at,
        })
        .returning()
        .get();
      appendAudit(tx, actor, at, {
        action: 'create',
        entity: 'support',
        entityKey: String(row.id),
        municipalityCode,
        newValue: { kind: row.kind, happenedOn: row.happenedOn, participants, note },
      });
      return row;
    },
    { behavior: 'immediate' },
  );
}
