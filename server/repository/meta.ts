import type { Db } from '../../db/client.ts';
import type { Audience } from '../../db/domain/audience.ts';
import { REASON_LABELS, REASONS } from '../../db/domain/reason.ts';
import { cachedRead } from '../../db/queries/cache.ts';
import { datasetKind, defaultQuarter, listCategoryDefinitions, listRegions, userCount } from '../../db/queries/index.ts';
import type { Meta } from '../schemas/meta.ts';
import { scopeOf } from './answers.ts';

export function metaRepository(db: Db) {
  return {
    read: (audience: Audience): Omit<Meta, 'publicUrl' | 'mail' | 'reminderDays'> => ({
      dataset: datasetKind(db),
      defaultQuarter: defaultQuarter(db, scopeOf(audience)) ?? null,
      categoryDefinitions: listCategoryDefinitions(db),
      reasons: REASONS.map((code) => ({ code, label: REASON_LABELS[code] })),
      regions: listRegions(db),
    }),
    isDemo: () => datasetKind(db) === 'demo',
    /** While true, `ANONYMOUS_READ=auto` lets anyone read: the invented demo data and no accounts yet. */
    isUnclaimedDemo: () => cachedRead(db, 'unclaimed-demo', () => datasetKind(db) === 'demo' && userCount(db) === 0),
  };
}
