import { eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { areaConsultants, areaMunicipalities, areas, users } from '../schema.ts';

export interface Area {
  id: number;
  name: string;
  municipalityCodes: string[];
  /** Names and e-mail addresses as the audience may see them (db/queries/visible.ts). */
  consultants: { id: number; name: string; email: string | null }[];
}

export function listAreas(db: Conn): Area[] {
  const members = db.select().from(areaMunicipalities).orderBy(areaMunicipalities.municipalityCode).all();
  const consultants = db
    .select({ areaId: areaConsultants.areaId, id: users.id, name: users.name, email: users.email })
    .from(areaConsultants)
    .innerJoin(users, eq(users.id, areaConsultants.userId))
    .orderBy(users.name)
    .all();
  return db
    .select()
    .from(areas)
    .orderBy(areas.name)
    .all()
    .map((area) => ({
      id: area.id,
      name: area.name,
      municipalityCodes: members.filter((m) => m.areaId === area.id).map((m) => m.municipalityCode),
      consultants: consultants.filter((c) => c.areaId === area.id).map(({ id, name, email }) => ({ id, name, email })),
    }));
}

/** The municipalities a consultant may edit: those of the areas they are assigned to. */
export function consultantMunicipalities(db: Conn, userId: number): Set<string> {
  const rows = db
    .select({ code: areaMunicipalities.municipalityCode })
    .from(areaConsultants)
    .innerJoin(areaMunicipalities, eq(areaMunicipalities.areaId, areaConsultants.areaId))
    .where(eq(areaConsultants.userId, userId))
    .all();
  return new Set(rows.map((r) => r.code));
}
