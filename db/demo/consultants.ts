/**
 * Demo data for the regional consultants' work: the six areas, recruitment numbers and a support
 * log. Drawn from its own seed so the statuses and agreements of the demo stay as they are.
 * Reproduces the published recruitment need: 991 volunteers missing nationally in 2018K4.
 */
import type { Category } from '../domain/category.ts';
import { quarterEnd, quarterRange, quarterStart } from '../domain/quarter.ts';
import { MUNICIPALITIES } from '../reference/municipalities.ts';
import type { ActivityKind } from '../domain/activity.ts';
import { seededRandom, type Random } from './random.ts';

const FUNEN = ['0410', '0420', '0430', '0440', '0450', '0461', '0479', '0480', '0482', '0492'];

/** The six consultant areas of the programme. */
export const DEMO_AREAS: { name: string; codes: string[] }[] = [
  { name: 'Nordjylland', codes: inRegion('1081') },
  { name: 'Midtjylland', codes: inRegion('1082') },
  { name: 'Sydjylland', codes: inRegion('1083').filter((code) => !FUNEN.includes(code)) },
  { name: 'Fyn', codes: FUNEN },
  { name: 'Sjælland', codes: inRegion('1085') },
  { name: 'Hovedstaden', codes: inRegion('1084') },
];

function inRegion(regionCode: string): string[] {
  return MUNICIPALITIES.filter((m) => m.regionCode === regionCode).map((m) => m.code);
}

export interface DemoRecruitment {
  quarterCode: string;
  municipalityCode: string;
  refugeesWaiting: number;
  volunteersMissing: number;
  activeMatches: number;
  newMatches: number;
}

export interface DemoActivity {
  municipalityCode: string;
  kind: ActivityKind;
  happenedOn: string;
  participants: number | null;
  note: string | null;
}

/** National volunteers missing per quarter; 2018K4 is the published 991. */
const VOLUNTEERS_MISSING: Record<string, number> = {
  '2017K1': 1480,
  '2017K2': 1390,
  '2017K3': 1310,
  '2017K4': 1240,
  '2018K1': 1160,
  '2018K2': 1090,
  '2018K3': 1030,
  '2018K4': 991,
};
/** New matches per quarter: 2018 adds up to the 1,200 new friendships reported (RK 645 + DFH 555). */
const NEW_MATCHES: Record<string, number> = {
  '2017K1': 420,
  '2017K2': 380,
  '2017K3': 360,
  '2017K4': 340,
  '2018K1': 330,
  '2018K2': 310,
  '2018K3': 290,
  '2018K4': 270,
};

const NOTES: Record<ActivityKind, string[]> = {
  dialogue_meeting: ['Dialogmøde med jobcentret om henvisninger.', 'Møde med integrationschefen om samarbejdet.'],
  ryk_ud_course: ['Ryk-ud-kursus for nye frivillige.', 'Kursus for aktivitetsledere.'],
  recruitment_campaign: ['Stand på biblioteket og opslag på Facebook.', 'Rekruttering på uddannelsesstederne.'],
  agreement_work: ['Udkast til samarbejdsaftale sendt til kommunen.', 'Forhandling af aftalens indhold.'],
  follow_up_call: ['Opfølgning med kontaktpersonen.', 'Telefonmøde med aktivitetslederen.'],
  other: ['Netværksmøde med andre foreninger.', 'Besøg hos den lokale afdeling.'],
};

/**
 * categoryOf(quarter, code) gives the demo category, zeroQuota(year, code) the quota flag;
 * both come from the main demo dataset so the numbers fit the map.
 */
export function generateConsultantData(
  seed: number,
  categoryOf: (quarter: string, code: string) => Category | null,
  zeroQuota: (year: number, code: string) => boolean,
): { recruitment: DemoRecruitment[]; activities: DemoActivity[] } {
  const random = seededRandom(seed + 1);
  const size = new Map(MUNICIPALITIES.map((m) => [m.code, Math.exp(random.normal() * 0.7)]));
  const recruitment = Object.keys(VOLUNTEERS_MISSING).flatMap((quarter) => recruitmentFor(quarter, size, categoryOf, zeroQuota, random));
  const activities = quarterRange('2016K2', '2018K4').flatMap((quarter) =>
    MUNICIPALITIES.flatMap((m) => activitiesFor(quarter, m.code, categoryOf(quarter, m.code), random)),
  );
  return { recruitment, activities };
}

function recruitmentFor(
  quarter: string,
  size: Map<string, number>,
  categoryOf: (quarter: string, code: string) => Category | null,
  zeroQuota: (year: number, code: string) => boolean,
  random: Random,
): DemoRecruitment[] {
  const year = Number(quarter.slice(0, 4));
  // Red municipalities have no matching to staff, and zero-quota ones have nobody waiting.
  const reporting = MUNICIPALITIES.filter((m) => categoryOf(quarter, m.code) !== 3 && !zeroQuota(year, m.code));
  const need = reporting.map((m) => size.get(m.code)! * (categoryOf(quarter, m.code) === 2 ? 2.2 : 1) * (0.8 + 0.4 * random.next()));
  const missing = apportion(VOLUNTEERS_MISSING[quarter], need);
  const matches = apportion(NEW_MATCHES[quarter], reporting.map((m) => size.get(m.code)!));
  return reporting.map((m, i) => ({
    quarterCode: quarter,
    municipalityCode: m.code,
    volunteersMissing: missing[i],
    refugeesWaiting: Math.round(missing[i] * (1.1 + 0.4 * random.next())),
    newMatches: matches[i],
    activeMatches: Math.round(size.get(m.code)! * 30 + matches[i] * 3),
  }));
}

/** Splits a whole total over weights so the parts are whole numbers that add up exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const remainder = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < remainder; k++) parts[order[k].i]++;
  return parts;
}

function activitiesFor(quarter: string, code: string, category: Category | null, random: Random): DemoActivity[] {
  const chance = category === 3 ? 0.55 : category === 2 ? 0.5 : 0.2;
  const count = random.next() < chance ? (random.next() < 0.3 ? 2 : 1) : 0;
  const kinds: ActivityKind[] =
    category === 3
      ? ['dialogue_meeting', 'agreement_work', 'follow_up_call']
      : ['dialogue_meeting', 'ryk_ud_course', 'recruitment_campaign', 'follow_up_call', 'agreement_work', 'other'];
  const start = Date.parse(`${quarterStart(quarter)}T00:00:00Z`);
  const days = (Date.parse(`${quarterEnd(quarter)}T00:00:00Z`) - start) / 86_400_000;
  return Array.from({ length: count }, () => {
    const kind = random.pick(kinds);
    const withPeople = kind === 'dialogue_meeting' || kind === 'ryk_ud_course' || kind === 'recruitment_campaign';
    return {
      municipalityCode: code,
      kind,
      happenedOn: new Date(start + random.int(0, days) * 86_400_000).toISOString().slice(0, 10),
      participants: withPeople ? random.int(kind === 'ryk_ud_course' ? 6 : 2, kind === 'ryk_ud_course' ? 18 : 8) : null,
      note: random.pick(NOTES[kind]),
    };
  });
}
