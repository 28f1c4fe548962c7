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
import type { Category } from '../domain/category.ts';
import { quarterEnd, quarterOfDate, quarterRange } from '../domain/quarter.ts';
import type { Reason } from '../domain/reason.ts';
import { MUNICIPALITIES } from '../reference/municipalities.ts';
import type { Organisation } from '../schema.ts';
import { DEMO_AREAS, generateConsultantData, type DemoActivity, type DemoRecruitment } from './consultants.ts';
import { seededRandom, type Random } from './random.ts';

export const DEMO_SEED = 2016;
export const DEMO_AUTHOR = 'Demodata';
export const DEMO_FIRST_QUARTER = '2016K2';
export const DEMO_LAST_QUARTER = '2018K4';

export interface DemoStatus {
  quarterCode: string;
  municipalityCode: string;
  category: Category;
  reason: Reason | null;
  reasonText: string | null;
  note: string | null;
  updatedAt: string;
}

export interface DemoAgreement {
  municipalityCode: string;
  organisation: Organisation;
  signedOn: string;
  endedOn: string | null;
  note: string | null;
}

export interface DemoQuota {
  municipalityCode: string;
  year: number;
  quota: number;
  zeroQuota: boolean;
}

export interface DemoDataset {
  quarters: { code: string; finalisedAt: string }[];
  statuses: DemoStatus[];
  agreements: DemoAgreement[];
  quotas: DemoQuota[];
  areas: typeof DEMO_AREAS;
  recruitment: DemoRecruitment[];
  activities: DemoActivity[];
}

/** Category counts per quarter: green, yellow, red, not assessed. More green over time. */
const CATEGORY_TARGETS: Record<string, [number, number, number, number]> = {
  '2016K2': [24, 48, 24, 2],
  '2016K3': [29, 49, 20, 0],
  '2016K4': [34, 48, 16, 0],
  '2017K1': [38, 47, 13, 0],
  '2017K2': [42, 45, 11, 0],
  '2017K3': [45, 44, 9, 0],
  '2017K4': [48, 42, 8, 0],
  '2018K1': [52, 39, 7, 0],
  '2018K2': [55, 37, 6, 0],
  '2018K3': [58, 35, 5, 0],
  '2018K4': [63, 32, 3, 0],
};

const ZERO_QUOTA_2016 = ['0153', '0165', '0169', '0183'];
const ZERO_QUOTA_2017 = [...ZERO_QUOTA_2016, '0147', '0155', '0187'];
const ZERO_QUOTA_2018 = [...ZERO_QUOTA_2017, '0157', '0161', '0167', '0175', '0185'];
const ZERO_QUOTA: Record<number, string[]> = { 2016: ZERO_QUOTA_2016, 2017: ZERO_QUOTA_2017, 2018: ZERO_QUOTA_2018 };
/** Invented national quotas (landstal) for the demo, spread over the municipalities without a zero quota. */
const NATIONAL_QUOTA: Record<number, number> = { 2016: 7500, 2017: 3500, 2018: 1000 };

const DOWNGRADE_REASONS: readonly Reason[] = [
  'too_few_volunteers',
  'municipal_staff_change',
  'activity_leader_change',
  'few_refugees',
  'other',
];

const OTHER_DOWNGRADE_TEXTS = ['Projekttræthed i kommunen', 'Aktiviteten er gået i stå hen over sommeren'];
const OTHER_UPGRADE_TEXTS = ['Nye frivillige rekrutteret', 'Ny aktivitetsleder på plads', 'Fornyet dialog med kommunen'];

const NOTES: Record<Reason, readonly string[]> = {
  too_few_volunteers: [
    'Flere frivillige er stoppet; rekruttering er sat i gang.',
    'Ventelisten vokser, fordi der mangler frivillige.',
  ],
  municipal_staff_change: [
    'Ny kontaktperson i kommunen; samarbejdet skal genopbygges.',
    'Omstrukturering i jobcentret; henvisningerne er faldet.',
  ],
  activity_leader_change: [
    'Aktivitetslederen er fratrådt; ny søges.',
    'Ny aktivitetsleder er under oplæring.',
  ],
  few_refugees: [
    'Meget få nyankomne flygtninge; rutinerne er ved at forsvinde.',
    'Ingen nye henvisninger i kvartalet.',
  ],
  agreement_signed: ['Samarbejdsaftale underskrevet.', 'Aftalen er underskrevet af kommunen og organisationen.'],
  agreement_ended: ['Samarbejdsaftalen er ophørt.', 'Kommunen har opsagt samarbejdsaftalen.'],
  new_cooperation: [
    'Første match gennemført; samarbejdet med kommunen er etableret.',
    'Dialogmøde holdt; kommunen henviser nu flygtninge.',
  ],
  other: ['Status drøftet på regionalt møde.', 'Opfølgning aftalt med konsulenten.'],
};

interface AgreementPlan {
  code: string;
  organisation: Organisation;
  signedQuarter: string;
  endedQuarter?: string;
}

interface Dip {
  from: number;
  to: number;
  depth: number;
  reason: Reason;
  reasonText: string | null;
}

export function generateDemoDataset(seed = DEMO_SEED): DemoDataset {
  const random = seededRandom(seed);
  const quarters = quarterRange(DEMO_FIRST_QUARTER, DEMO_LAST_QUARTER);
  const codes = random.shuffle(MUNICIPALITIES.map((m) => m.code));

  const agreements = planAgreements(codes, random);
  const agreementRows = agreements.map((plan) => agreementRow(plan, random));
  const statuses = assignCategories(quarters, codes, agreementRows, random);
  const quotaRows = quotas(random);
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

/**
 * Municipalities take roles by their place in the shuffled order. The counts are chosen so that
 * 53 agreements are active after 2016K2, 61 after 2018K3 (53 − 2 ended + 10 signed) and 77 after
 * 2018K4 (16 more), held by 72 municipalities of which 5 have both organisations.
 */
function planAgreements(codes: string[], random: Random): AgreementPlan[] {
  const other = (organisation: Organisation): Organisation => (organisation === 'RK' ? 'DFH' : 'RK');
  const some = (): Organisation => (random.next() < 0.45 ? 'RK' : 'DFH');
  const plans: AgreementPlan[] = [];
  const early = (code: string, organisation: Organisation) =>
    plans.push({ code, organisation, signedQuarter: '2016K2' });

  // 49 early single agreements and 2 early pairs: 53 agreements in 51 municipalities.
  const earlyOrganisation = new Map<string, Organisation>();
  for (const code of codes.slice(0, 49)) {
    const organisation = some();
    earlyOrganisation.set(code, organisation);
    early(code, organisation);
  }
  for (const code of codes.slice(49, 51)) {
    early(code, 'RK');
    early(code, 'DFH');
  }

  // Two early agreements end in 2017; the first municipality signs with the other organisation later.
  const [renewed, lapsed, secondA, secondB, secondLate] = codes;
  plans.find((p) => p.code === renewed)!.endedQuarter = '2017K1';
  plans.find((p) => p.code === lapsed)!.endedQuarter = '2017K3';
  plans.push({ code: renewed, organisation: other(earlyOrganisation.get(renewed)!), signedQuarter: '2018K2' });

  // Ten signed from 2016K3 to 2018K3: the renewal above, two second organisations, seven newcomers.
  plans.push({ code: secondA, organisation: other(earlyOrganisation.get(secondA)!), signedQuarter: '2017K2' });
  plans.push({ code: secondB, organisation: other(earlyOrganisation.get(secondB)!), signedQuarter: '2018K1' });
  const middleQuarters = ['2016K3', '2016K4', '2017K1', '2017K2', '2017K4', '2018K1', '2018K3'];
  codes.slice(51, 58).forEach((code, i) => plans.push({ code, organisation: some(), signedQuarter: middleQuarters[i] }));

  // The end-of-project push in 2018K4: one second organisation and fifteen newcomers.
  plans.push({ code: secondLate, organisation: other(earlyOrganisation.get(secondLate)!), signedQuarter: '2018K4' });
  for (const code of codes.slice(58, 73)) plans.push({ code, organisation: some(), signedQuarter: '2018K4' });
  return plans;
}

function agreementRow(plan: AgreementPlan, random: Random): DemoAgreement {
  const signedOn =
    plan.signedQuarter === '2016K2'
      ? addDays('2016-01-04', random.int(0, 175))
      : addDays(quarterEnd(plan.signedQuarter), -random.int(5, 85));
  const endedOn = plan.endedQuarter ? addDays(quarterEnd(plan.endedQuarter), -random.int(5, 60)) : null;
  return {
    municipalityCode: plan.code,
    organisation: plan.organisation,
    signedOn,
    endedOn,
    note: endedOn ? 'Opsagt af kommunen (demodata)' : null,
  };
}

function isActive(agreement: DemoAgreement, onDate: string): boolean {
  return agreement.signedOn <= onDate && (agreement.endedOn === null || agreement.endedOn > onDate);
}

/**
 * Categories come from ranking a latent "anchoring" score each quarter and cutting it at the
 * quarter's target counts. Agreements and zero quotas raise the score; dips (volunteers leaving,
 * staff changes, …) make green municipalities fall to yellow for a while and recover. A municipality
 * with an active agreement is never red, since red means no cooperation at all.
 */
function assignCategories(
  quarters: string[],
  codes: string[],
  agreements: DemoAgreement[],
  random: Random,
): DemoStatus[] {
  const base = new Map(codes.map((code) => [code, random.normal()]));
  const slope = new Map(codes.map((code) => [code, 0.05 + 0.1 * random.next()]));
  const dips = new Map(codes.map((code) => [code, plannedDips(quarters.length, random)]));
  const neverAssessedFirst = new Set(codes.slice(-2));

  const statuses: DemoStatus[] = [];
  let previous = new Map<string, Category>();
  quarters.forEach((quarterCode, t) => {
    const end = quarterEnd(quarterCode);
    const year = Number(quarterCode.slice(0, 4));
    const [green, , red, notAssessed] = CATEGORY_TARGETS[quarterCode];
    const activeOrganisations = (code: string) =>
      agreements.filter((a) => a.municipalityCode === code && isActive(a, end));
    const dipNow = (code: string) => dips.get(code)!.find((d) => d.from <= t && t <= d.to);

    const score = (code: string) =>
      base.get(code)! +
      slope.get(code)! * t +
      (activeOrganisations(code).length > 0 ? 1.2 : 0) +
      (ZERO_QUOTA[year]?.includes(code) ? 0.8 : 0) -
      (dipNow(code)?.depth ?? 0);

    const assessed = codes.filter((code) => !(notAssessed > 0 && neverAssessedFirst.has(code)));
    const scores = new Map(assessed.map((code) => [code, score(code)]));
    // Some stickiness: a category tends to last, as in the real quarterly reviews.
    const withoutCooperation = assessed
      .filter((code) => activeOrganisations(code).length === 0)
      .sort((a, b) => stayRed(a) - stayRed(b));
    function stayRed(code: string) {
      return scores.get(code)! - (previous.get(code) === 3 ? 0.5 : 0);
    }
    const reds = new Set(withoutCooperation.slice(0, red));
    const ranked = assessed
      .filter((code) => !reds.has(code))
      .sort((a, b) => stayGreen(b) - stayGreen(a));
    function stayGreen(code: string) {
      return scores.get(code)! + (previous.get(code) === 1 ? 0.4 : 0);
    }
    const greens = new Set(ranked.slice(0, green));

    const current = new Map<string, Category>();
    for (const code of assessed) {
      const category: Category = reds.has(code) ? 3 : greens.has(code) ? 1 : 2;
      current.set(code, category);
      const before = previous.get(code);
      const change = before === undefined ? null : changeReason(before, category, code, quarterCode, t);
      statuses.push({
        quarterCode,
        municipalityCode: code,
        category,
        reason: change?.reason ?? null,
        reasonText: change?.reasonText ?? null,
        note: change ? random.pick(NOTES[change.reason]) : random.next() < 0.04 ? random.pick(NOTES.other) : null,
        updatedAt: `${addDays(end, random.int(5, 20))}T10:00:00.000Z`,
      });
    }
    previous = current;
  });
  return statuses;

  function changeReason(before: Category, after: Category, code: string, quarterCode: string, t: number) {
    if (before === after) return null;
    const inQuarter = (date: string | null) => date !== null && quarterOfDate(date) === quarterCode;
    const own = agreements.filter((a) => a.municipalityCode === code);
    if (after > before) {
      if (own.some((a) => inQuarter(a.endedOn))) return { reason: 'agreement_ended' as Reason, reasonText: null };
      const dip = dips.get(code)!.find((d) => d.from <= t && t <= d.to);
      const reason = dip?.reason ?? random.pick(DOWNGRADE_REASONS);
      const reasonText = reason === 'other' ? (dip?.reasonText ?? random.pick(OTHER_DOWNGRADE_TEXTS)) : null;
      return { reason, reasonText };
    }
    if (own.some((a) => inQuarter(a.signedOn))) return { reason: 'agreement_signed' as Reason, reasonText: null };
    if (before === 3) return { reason: 'new_cooperation' as Reason, reasonText: null };
    return { reason: 'other' as Reason, reasonText: random.pick(OTHER_UPGRADE_TEXTS) };
  }
}

function plannedDips(quarterCount: number, random: Random): Dip[] {
  const dips: Dip[] = [];
  const count = random.next() < 0.35 ? 1 : random.next() < 0.1 ? 2 : 0;
  for (let i = 0; i < count; i++) {
    const from = random.int(1, quarterCount - 2);
    const reason = random.pick(DOWNGRADE_REASONS);
    dips.push({
      from,
      to: from + random.int(0, 2),
      depth: 1.5 + random.next(),
      reason,
      reasonText: reason === 'other' ? random.pick(OTHER_DOWNGRADE_TEXTS) : null,
    });
  }
  return dips;
}

function quotas(random: Random): DemoQuota[] {
  const weight = new Map(MUNICIPALITIES.map((m) => [m.code, Math.exp(random.normal() * 0.6)]));
  return Object.entries(ZERO_QUOTA).flatMap(([yearText, zero]) => {
    const year = Number(yearText);
    const receiving = MUNICIPALITIES.filter((m) => !zero.includes(m.code));
    const total = receiving.reduce((sum, m) => sum + weight.get(m.code)!, 0);
    return MUNICIPALITIES.map((m) => {
      const zeroQuota = zero.includes(m.code);
      const quota = zeroQuota ? 0 : Math.max(1, Math.round((NATIONAL_QUOTA[year] * weight.get(m.code)!) / total));
      return { municipalityCode: m.code, year, quota, zeroQuota };
    });
  });
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

