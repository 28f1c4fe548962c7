import { count, eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { municipalities, regions } from '../schema.ts';
import { cachedRead } from './cache.ts';

export interface Municipality {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

const columns = {
  code: municipalities.code,
  name: municipalities.name,
  regionCode: municipalities.regionCode,
  regionName: regions.name,
};

export function listMunicipalities(db: Conn): Municipality[] {
  return db
    .select(columns)
    .from(municipalities)
    .innerJoin(regions, eq(regions.code, municipalities.regionCode))
    .orderBy(municipalities.code)
    .all();
}

export function findMunicipality(db: Conn, code: string): Municipality | undefined {
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
