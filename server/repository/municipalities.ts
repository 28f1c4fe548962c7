import type { Db } from '../../db/client.ts';
import type { Audience } from '../../db/domain/audience.ts';
import { findMunicipality, listMunicipalities, municipalityHistory } from '../../db/queries/index.ts';
import { visibleHistory } from '../../db/queries/visible.ts';
import type { Municipality, MunicipalityHistory } from '../schemas/municipality.ts';
import { cachedAnswer, scopeOf } from './answers.ts';

export function municipalitiesRepository(db: Db) {
  return {
    list: (): Municipality[] => listMunicipalities(db),
    find: (code: string): Municipality | undefined => findMunicipality(db, code),
    /** For a known municipality (routes/api/resolve.ts). */
    history: (code: string, audience: Audience) =>
      cachedAnswer<MunicipalityHistory>(db, `history:${code}`, audience, () =>
        visibleHistory(municipalityHistory(db, code, scopeOf(audience))!, audience),
      ),
  };
}
