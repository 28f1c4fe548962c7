/**
 * Consultant areas: created and redrawn by administrators. A municipality belongs to at most one
 * area; an area can have several consultants and a consultant several areas.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Conn, Db } from '../client.ts';
import { normaliseMunicipalityCode } from '../domain/municipality-code.ts';
import { invalid, notFound } from '../errors.ts';
import { areaConsultants, areaMunicipalities, areas, municipalities, users } from '../schema.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit.ts';

export interface AreaInput {
  name: string;
  municipalityCodes: string[];
  consultantIds: number[];
}

export function saveArea(db: Db, id: number | null, input: AreaInput, actor: Actor, now = new Date()): number {
  const at = now.toISOString();
  const name = input.name.trim();
  if (!name || name.length > 80) throw invalid('name: must be 1 to 80 characters');
  return db.transaction(
    (tx) => {
      const codes = checkMunicipalities(tx, input.municipalityCodes);
      const consultants = checkConsultants(tx, input.consultantIds);
      const before = id === null ? undefined : describe(tx, id);
      if (id !== null && !before) throw notFound(`id: area ${id} does not exist`);
      const clash = tx.select().from(areas).where(eq(areas.name, name)).get();
      if (clash && clash.id !== id) throw invalid(`name: there is already an area called ${name}`);

      let areaId = id;
      if (areaId === null) {
        areaId = tx.insert(areas).values({ name, createdAt: at, updatedAt: at }).returning({ id: areas.id }).get().id;
      } else {
        tx.update(areas).set({ name, updatedAt: at }).where(eq(areas.id, areaId)).run();
        tx.delete(areaMunicipalities).where(eq(areaMunicipalities.areaId, areaId)).run();
        tx.delete(areaConsultants).where(eq(areaConsultants.areaId, areaId)).run();
      }
      // A municipality moves: taking it into this area takes it out of its old one.
      if (codes.length > 0) tx.delete(areaMunicipalities).where(inArray(areaMunicipalities.municipalityCode, codes)).run();
      for (const municipalityCode of codes) tx.insert(areaMunicipalities).values({ municipalityCode, areaId }).run();
      for (const userId of consultants) tx.insert(areaConsultants).values({ areaId, userId }).run();

      appendAudit(tx, actor, at, {
        action: id === null ? 'create' : 'update',
        entity: 'area',
        entityKey: String(areaId),
        oldValue: before ?? null,
        newValue: { name, municipalityCodes: codes, consultantIds: consultants },
      });
      return areaId;
    },
    { behavior: 'immediate' },
  );
}

function describe(tx: Conn, id: number) {
  const area = tx.select().from(areas).where(eq(areas.id, id)).get();
  if (!area) return undefined;
  return {
    name: area.name,
    municipalityCodes: tx.select().from(areaMunicipalities).where(eq(areaMunicipalities.areaId, id)).all().map((m) => m.municipalityCode),
    consultantIds: tx.select().from(areaConsultants).where(eq(areaConsultants.areaId, id)).all().map((c) => c.userId),
  };
}

function checkMunicipalities(tx: Conn, input: string[]): string[] {
  const known = new Set(tx.select({ code: municipalities.code }).from(municipalities).all().map((m) => m.code));
  const codes = input.map((raw) => {
    const code = normaliseMunicipalityCode(String(raw));
    if (!code || !known.has(code)) throw invalid(`municipalityCodes: ${JSON.stringify(raw)} is not one of the 98 municipality codes`);
    return code;
  });
  const duplicate = codes.find((code, i) => codes.indexOf(code) !== i);
  if (duplicate) throw invalid(`municipalityCodes: ${duplicate} appears more than once`);
  return codes;
}

function checkConsultants(tx: Conn, ids: number[]): number[] {
  for (const id of ids) {
    const user = tx.select().from(users).where(eq(users.id, id)).get();
    if (!user) throw invalid(`consultantIds: user ${id} does not exist`);
    if (user.role !== 'consultant') throw invalid(`consultantIds: ${user.name} is not a regional consultant (role ${user.role})`);
  }
  return [...new Set(ids)];
}
