/**
 * Typed calls and small rules for cooperation agreements, shared by the agreements page and the
 * municipality page (both register, edit and end agreements through AgreementForm).
 */
import { ORGANISATIONS, type Organisation } from '../../../../db/domain/organisation.ts';
import { get, patch, post } from '../../lib/api.ts';
import type { AgreementRow, Municipality } from '../../lib/contract.ts';

/** What the form edits: an agreement as the municipality page and the list both know it. */
export type AgreementFields = Pick<AgreementRow, 'municipalityCode' | 'organisation' | 'signedOn' | 'endedOn' | 'note'>;

export const agreementsApi = {
  list: () => get<AgreementRow[]>('/api/agreements'),
  create: (fields: AgreementFields) => post<AgreementRow>('/api/agreements', fields),
  update: (id: number, changes: Partial<AgreementFields>) => patch<AgreementRow>(`/api/agreements/${id}`, changes),
  municipalities: () => get<Municipality[]>('/api/municipalities'),
};

/**
 * The server's rule (db/queries/agreements.ts): active on a day when signed on or before it and
 * not ended by then, so an agreement ended today no longer counts today.
 */
export function isActiveOn(agreement: Pick<AgreementRow, 'signedOn' | 'endedOn'>, isoDate: string): boolean {
  return agreement.signedOn <= isoDate && (agreement.endedOn === null || agreement.endedOn > isoDate);
}

/** Today in the user's own time zone, as YYYY-MM-DD (toISOString would give the UTC day). */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export interface AgreementCounts {
  active: number;
  municipalities: number;
  withBoth: number;
}

export function countActive(agreements: AgreementRow[], isoDate: string): AgreementCounts {
  const organisations = new Map<string, Set<Organisation>>();
  let active = 0;
  for (const agreement of agreements) {
    if (!isActiveOn(agreement, isoDate)) continue;
    active += 1;
    const set = organisations.get(agreement.municipalityCode) ?? new Set();
    set.add(agreement.organisation);
    organisations.set(agreement.municipalityCode, set);
  }
  return {
    active,
    municipalities: organisations.size,
    withBoth: [...organisations.values()].filter((set) => set.size === ORGANISATIONS.length).length,
  };
}
