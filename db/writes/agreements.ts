/**
 * Cooperation agreements: registered, edited and ended. Two agreements of the same municipality
 * with the same organisation may not overlap in time, or the dashboard would count one twice.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Conn, Db } from '../client.ts';
import { isIsoDate } from '../domain/iso-date.ts';
import { NOTE_MAX_CHARS } from '../domain/limits.ts';
import { normaliseMunicipalityCode } from '../domain/municipality-code.ts';
import { invalid, notFound } from '../errors.ts';
import { ORGANISATIONS, type Organisation } from '../domain/organisation.ts';
import { agreements, municipalities } from '../schema.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';

export interface AgreementInput {
  municipalityCode: string;
  organisation: Organisation;
  signedOn: string;
  endedOn?: string | null;
  note?: string | null;
}

export type Agreement = typeof agreements.$inferSelect;

export function createAgreement(db: Db, input: AgreementInput, actor: Actor, now = new Date()): Agreement {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const clean = check(tx, input, null);
      const created = tx.insert(agreements).values({ ...clean, createdAt: at, updatedAt: at }).returning().get();
      appendAudit(tx, actor, at, {
        action: 'create',
        entity: 'agreement',
        entityKey: String(created.id),
        municipalityCode: created.municipalityCode,
        newValue: content(created),
      });
      return created;
    },
    { behavior: 'immediate' },
  );
}

export function updateAgreement(
  db: Db,
  id: number,
  patch: Partial<Omit<AgreementInput, 'municipalityCode'>>,
  actor: Actor,
  now = new Date(),
): Agreement {
  const at = now.toISOString();
  return db.transaction(
    (tx) => {
      const before = tx.select().from(agreements).where(eq(agreements.id, id)).get();
      if (!before) throw notFound(`id: agreement ${id} does not exist`);
      const clean = check(tx, { ...content(before), ...patch, municipalityCode: before.municipalityCode }, id);
      const after = tx.update(agreements).set({ ...clean, updatedAt: at }).where(eq(agreements.id, id)).returning().get();
      appendAudit(tx, actor, at, {
        action: before.endedOn === null && after.endedOn !== null ? 'end' : 'update',
        entity: 'agreement',
        entityKey: String(id),
        municipalityCode: after.municipalityCode,
        oldValue: content(before),
        newValue: content(after),
      });
      return after;
    },
    { behavior: 'immediate' },
  );
}

function content(a: Pick<Agreement, 'municipalityCode' | 'organisation' | 'signedOn' | 'endedOn' | 'note'>) {
  return { municipalityCode: a.municipalityCode, organisation: a.organisation, signedOn: a.signedOn, endedOn: a.endedOn, note: a.note };
}

function check(tx: Conn, input: AgreementInput, id: number | null) {
  const municipalityCode = normaliseMunicipalityCode(String(input.municipalityCode ?? ''));
  if (!municipalityCode || !tx.select().from(municipalities).where(eq(municipalities.code, municipalityCode)).get()) {
    throw invalid(`municipalityCode: ${JSON.stringify(input.municipalityCode)} is not one of the 98 municipality codes`);
  }
  if (!ORGANISATIONS.includes(input.organisation)) throw invalid('organisation: must be RK or DFH');
  if (!isIsoDate(input.signedOn)) throw invalid(`signedOn: must be a date written YYYY-MM-DD; got ${JSON.stringify(input.signedOn)}`);
  const endedOn = input.endedOn ?? null;
  if (endedOn !== null && !isIsoDate(endedOn)) throw invalid(`endedOn: must be a date written YYYY-MM-DD; got ${JSON.stringify(endedOn)}`);
  if (endedOn !== null && endedOn < input.signedOn) throw invalid('endedOn: an agreement cannot end before it was signed');
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX_CHARS) throw invalid(`note: must be at most ${NOTE_MAX_CHARS} characters`);

  const overlapping = tx
    .select()
    .from(agreements)
    .where(
      and(
        eq(agreements.municipalityCode, municipalityCode),
        eq(agreements.organisation, input.organisation),
        id === null ? undefined : ne(agreements.id, id),
      ),
    )
    .all()
    .find((other) => other.signedOn < (endedOn ?? '9999-12-31') && input.signedOn < (other.endedOn ?? '9999-12-31'));
  if (overlapping) {
    throw invalid(
      `signedOn: ${municipalityCode} already has an agreement with ${input.organisation} from ${overlapping.signedOn}${overlapping.endedOn ? ` to ${overlapping.endedOn}` : ''}; end that one first`,
    );
  }
  return { municipalityCode, organisation: input.organisation, signedOn: input.signedOn, endedOn, note };
}
