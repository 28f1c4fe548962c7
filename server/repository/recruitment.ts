import type { Db } from '../../db/client.ts';
import { quarterRecruitment } from '../../db/queries/index.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { saveRecruitment, type RecruitmentInput } from '../../db/writes/recruitment.ts';
import type { Recruitment } from '../schemas/consultants.ts';

export function recruitmentRepository(db: Db) {
  return {
    /** The 98 municipalities' numbers for a quarter, and the national sums. */
    ofQuarter: (quarterCode: string): Recruitment => quarterRecruitment(db, quarterCode),
    save: (quarterCode: string, rows: RecruitmentInput[], actor: Actor): Recruitment => {
      saveRecruitment(db, quarterCode, rows, actor);
      return quarterRecruitment(db, quarterCode);
    },
  };
}
