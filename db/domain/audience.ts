/**
 * Who sees what. Every reader falls into one of three audiences, and every read answer is cut to
 * its audience before it leaves the server (db/queries/visible.ts):
 *
 * | | public (no login) | reader (viewer) | editor (consultant, admin) |
 * |---|---|---|---|
 * | final quarters: categories, reason codes, counts, agreements | yes | yes | yes |
 * | draft (open) quarters | – | – | yes |
 * | notes and reason texts (free text) | – | yes | yes |
 * | consultants' names on areas | – | yes | yes |
 * | who changed a status, logged an activity or finalised a quarter | – | – | yes |
 * | consultants' e-mail addresses | – | – | yes |
 *
 * Accounts (names, e-mail addresses) and the audit log are for administrators only; their routes
 * say so. Free text is hidden from the public because people write names into notes.
 */
import type { Role } from './role.ts';

export const AUDIENCES = ['public', 'reader', 'editor'] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Visibility {
  /** Open quarters, which are still being entered. */
  drafts: boolean;
  /** Notes and reason texts. */
  freeText: boolean;
  /** Consultants' names on their areas. */
  consultantNames: boolean;
  /** Who made an entry: updatedBy, createdBy, finalisedBy. */
  editors: boolean;
  /** Consultants' e-mail addresses. */
  emails: boolean;
}

export const VISIBILITY: Record<Audience, Visibility> = {
  public: { drafts: false, freeText: false, consultantNames: false, editors: false, emails: false },
  reader: { drafts: false, freeText: true, consultantNames: true, editors: false, emails: false },
  editor: { drafts: true, freeText: true, consultantNames: true, editors: true, emails: true },
};

export function audienceOfRole(role: Role | null | undefined): Audience {
  if (role === 'admin' || role === 'consultant') return 'editor';
  if (role === 'viewer') return 'reader';
  return 'public';
}
