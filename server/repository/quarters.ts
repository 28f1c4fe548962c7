import type { Db } from '../../db/client.ts';
import { VISIBILITY, type Audience } from '../../db/domain/audience.ts';
import type { QuarterState } from '../../db/domain/quarter.ts';
import { defaultQuarter, findQuarter, listQuarters, quarterSummary, quarterTrends } from '../../db/queries/index.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { finaliseQuarter, openNextQuarter, reopenQuarter } from '../../db/writes/quarters.ts';
import type { OpenedQuarter } from '../schemas/entry.ts';
import type { Quarter, QuarterTrend, Summary } from '../schemas/quarter.ts';
import { cachedAnswer, scopeOf } from './answers.ts';

export function quartersRepository(db: Db) {
  /** A quarter with its counts, as the list shows it: what a change of state answers. */
  const withCounts = (code: string): Quarter => listQuarters(db).find((q) => q.code === code)!;
  return {
    list: (audience: Audience) => cachedAnswer<Quarter[]>(db, 'quarters', audience, () => listQuarters(db, scopeOf(audience))),
    /** The codes of the quarters the audience may read, oldest first. */
    codes: (audience: Audience): string[] => listQuarters(db, scopeOf(audience)).map((q) => q.code),
    find: (code: string) => findQuarter(db, code),
    /** One quarter as the list shows it, with its counts. */
    get: withCounts,
    /** Whether the audience may see the quarter: drafts only for those who enter them. */
    mayRead: (quarter: { state: QuarterState }, audience: Audience) => quarter.state === 'final' || VISIBILITY[audience].drafts,
    /** The quarter the dashboard shows first to this audience. */
    defaultCode: (audience: Audience): string | undefined => defaultQuarter(db, scopeOf(audience)),
    summary: (code: string, audience: Audience) => cachedAnswer<Summary>(db, `summary:${code}`, audience, () => quarterSummary(db, code)),
    trends: (audience: Audience) => cachedAnswer<QuarterTrend[]>(db, 'trends', audience, () => quarterTrends(db, scopeOf(audience))),
    /** `first` chooses the first quarter of an empty database; `deadline` is optional. */
    open: (actor: Actor, first?: string, deadline?: string): OpenedQuarter => openNextQuarter(db, actor, new Date(), first, deadline),
    finalise: (code: string, actor: Actor): Quarter => {
      finaliseQuarter(db, code, actor);
      return withCounts(code);
    },
    reopen: (code: string, reason: string, actor: Actor): Quarter => {
      reopenQuarter(db, code, reason, actor);
      return withCounts(code);
    },
  };
}
