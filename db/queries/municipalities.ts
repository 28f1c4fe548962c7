import { count, eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { municipalities, regions } from '../schema.ts';
import { cachedRead } from './cache.ts';

const columns = {
  code: municipalities.code,
  name: municipalities.name,
  regionCode: municipalities.regionCode,
  regionName: regions.name,
};

export function listMunicipalities(db: Conn) {
  return db
    .select(columns)
    .from(municipalities)
    .innerJoin(regions, eq(regions.code, municipalities.regionCode))
    .orderBy(municipalities.code)
    .all();
}

export function findMunicipality(db: Conn, code: string) {
  return cachedRead(db, `municipality:${code}`, () =>
    db
      .select(columns)
      .from(municipalities)
      .innerJoin(regions, eq(regions.code, municipalities.regionCode))
      .where(eq(municipalities.code, code))
      .get(),
  );
}

export function municipalityCount(db: Conn): number {
  return db.select({ n: count() }).from(municipalities).get()!.n;
}
