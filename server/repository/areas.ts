import type { Db } from '../../db/client.ts';
import type { Audience } from '../../db/domain/audience.ts';
import { consultantMunicipalities, listAreas } from '../../db/queries/index.ts';
import { visibleAreas } from '../../db/queries/visible.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { saveArea, type AreaInput } from '../../db/writes/areas.ts';
import type { Area } from '../schemas/consultants.ts';

export function areasRepository(db: Db) {
  const find = (id: number): Area | undefined => listAreas(db).find((area) => area.id === id);
  return {
    list: (audience: Audience): Area[] => visibleAreas(listAreas(db), audience),
    find,
    /** Creates an area when `id` is null; answers it as administrators see it. */
    save: (id: number | null, input: AreaInput, actor: Actor): Area => find(saveArea(db, id, input, actor))!,
    /** The municipalities a consultant may change: those of the areas they are assigned to. */
    municipalitiesOf: (userId: number): Set<string> => consultantMunicipalities(db, userId),
  };
}
