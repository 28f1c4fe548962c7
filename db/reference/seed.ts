/**
 * Reference data is kept in code (reviewed, tested against DAGI) and upserted at every start, so a
 * corrected name reaches existing databases without a hand-written migration.
 */
import { sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { CATEGORY_DEFINITIONS_V1 } from '../domain/category.ts';
import { FIRST_QUARTER } from '../domain/quarter.ts';
import { categoryDefinitions, municipalities, regions } from '../schema.ts';
import type * as schema from '../schema.ts';
import { MUNICIPALITIES } from './municipalities.ts';
import { REGIONS } from './regions.ts';

export function seedReferenceData(db: BetterSQLite3Database<typeof schema>): void {
  db.transaction((tx) => {
    tx.insert(regions)
      .values([...REGIONS])
      .onConflictDoUpdate({ target: regions.code, set: { name: sql`excluded.name` } })
      .run();
    tx.insert(municipalities)
      .values([...MUNICIPALITIES])
      .onConflictDoUpdate({
        target: municipalities.code,
        set: { name: sql`excluded.name`, regionCode: sql`excluded.region_code` },
      })
      .run();
    tx.insert(categoryDefinitions)
      .values({ version: 1, validFrom: FIRST_QUARTER, definitions: CATEGORY_DEFINITIONS_V1 })
      .onConflictDoNothing()
      .run();
  });
}
