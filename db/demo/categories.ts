/**
 * The demo's categories per quarter, cut at the published counts, with a reason and often a note
 * for every change.
 */
import type { Category } from '../domain/category.ts';
import { addDays } from '../domain/iso-date.ts';
import { quarterEnd, quarterOfDate } from '../domain/quarter.ts';
import type { Reason } from '../domain/reason.ts';
import { isActive, type DemoAgreement } from './agreements.ts';
import { ZERO_QUOTA } from './quotas.ts';
import type { Random } from './random.ts';

export interface DemoStatus {
  quarterCode: string;
  municipalityCode: string;
  category: Category;
  reason: Reason | null;
  reasonText: string | null;
  note: string | null;
  updatedAt: string;
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

interface Dip {
  from: number;
  to: number;
  depth: number;
  reason: Reason;
  reasonText: string | null;
}

/**
 * Categories come from ranking a latent "anchoring" score each quarter and cutting it at the
 * quarter's target counts. Agreements and zero quotas raise the score; dips (volunteers leaving,
 * staff changes, …) make green municipalities fall to yellow for a while and recover. A municipality
 * with an active agreement is never red, since red means no cooperation at all.
 */
export function assignCategories(
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
