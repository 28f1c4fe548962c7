import type { Db } from '../../db/client.ts';

export function healthRepository(db: Db) {
  // Prepared once: a health check is asked often (load balancers, monitors) and must stay cheap,
  // yet it reads a real table, which proves the file is open and the schema in place.
  const anyMunicipality = db.$client.prepare('SELECT 1 FROM municipalities LIMIT 1').pluck();
  return {
    /** Throws when the database cannot be read; false when it holds no municipalities. */
    check: (): boolean => anyMunicipality.get() === 1,
  };
}
