import type { Db } from '../../db/client.ts';
import type { Audience } from '../../db/domain/audience.ts';
import { findAgreement, listAgreements, type AgreementFilter } from '../../db/queries/index.ts';
import { visibleAgreements } from '../../db/queries/visible.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { createAgreement, updateAgreement, type AgreementInput } from '../../db/writes/agreements.ts';
import type { AgreementRow } from '../schemas/records.ts';

export function agreementsRepository(db: Db) {
  /** An agreement as the list shows it, with its municipality's name. */
  const row = (id: number): AgreementRow => listAgreements(db).find((a) => a.id === id)!;
  return {
    list: (filter: AgreementFilter, audience: Audience): AgreementRow[] => visibleAgreements(listAgreements(db, filter), audience),
    /** Where an agreement belongs, to check who may change it. */
    find: (id: number) => findAgreement(db, id),
    create: (input: AgreementInput, actor: Actor): AgreementRow => row(createAgreement(db, input, actor).id),
    update: (id: number, patch: Partial<Omit<AgreementInput, 'municipalityCode'>>, actor: Actor): AgreementRow =>
      row(updateAgreement(db, id, patch, actor).id),
  };
}
