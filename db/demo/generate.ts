/**
 * The demo dataset: invented municipal histories for 2016K2–2018K4 that reproduce the programme's
 * published figures exactly (DOMAIN.md), so the dashboard can be shown and tested before real data
 * is entered. Everything comes from one seed: the same dataset on every machine.
 *
 * Published figures reproduced:
 * - 2018K4: 63 green, 32 yellow, 3 red;
 * - active agreements: 53 at the end of 2016K2, 61 at the end of 2018K3;
 * - end of 2018: 72 municipalities with an agreement, 5 of them with both organisations;
 * - zero quota: Albertslund, Brøndby, Høje-Taastrup and Ishøj in 2016; twelve in 2018.
 */
import { addDays } from '../domain/iso-date.ts';
import { quarterEnd, quarterRange } from '../domain/quarter.ts';
import { MUNICIPALITIES } from '../reference/municipalities.ts';
import { agreementRow, planAgreements, type DemoAgreement } from './agreements.ts';
import { assignCategories, type DemoStatus } from './categories.ts';
import { DEMO_AREAS, generateConsultantData, type DemoActivity, type DemoRecruitment } from './consultants.ts';
import { demoQuotas, ZERO_QUOTA, type DemoQuota } from './quotas.ts';
import { seededRandom } from './random.ts';

export const DEMO_SEED = 2016;
export const DEMO_AUTHOR = 'Demodata';
export const DEMO_FIRST_QUARTER = '2016K2';
export const DEMO_LAST_QUARTER = '2018K4';

export interface DemoDataset {
  quarters: { code: string; finalisedAt: string }[];
  statuses: DemoStatus[];
  agreements: DemoAgreement[];
  quotas: DemoQuota[];
  areas: typeof DEMO_AREAS;
  recruitment: DemoRecruitment[];
  activities: DemoActivity[];
}

export function generateDemoDataset(seed = DEMO_SEED): DemoDataset {
  const random = seededRandom(seed);
  const quarters = quarterRange(DEMO_FIRST_QUARTER, DEMO_LAST_QUARTER);
  const codes = random.shuffle(MUNICIPALITIES.map((m) => m.code));

  const agreements = planAgreements(codes, random);
  const agreementRows = agreements.map((plan) => agreementRow(plan, random));
  const statuses = assignCategories(quarters, codes, agreementRows, random);
  const quotaRows = demoQuotas(random);
  const category = new Map(statuses.map((s) => [`${s.quarterCode}/${s.municipalityCode}`, s.category]));
  const { recruitment, activities } = generateConsultantData(
    seed,
    (quarter, code) => category.get(`${quarter}/${code}`) ?? null,
    (year, code) => ZERO_QUOTA[year]?.includes(code) ?? false,
  );

  return {
    quarters: quarters.map((code) => ({ code, finalisedAt: `${addDays(quarterEnd(code), 30)}T09:00:00.000Z` })),
    statuses,
    agreements: agreementRows,
    quotas: quotaRows,
    areas: DEMO_AREAS,
    recruitment,
    activities,
  };
}
