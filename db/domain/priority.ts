/**
 * Which municipalities need support most: a transparent score, the sum of the rules a municipality
 * meets, each with its reason in plain words. One function, so the dashboard, the CSV export and
 * the documentation all mean the same thing.
 *
 * | rule              | points | when                                                              |
 * |-------------------|-------:|-------------------------------------------------------------------|
 * | red               |     40 | category 3 (no cooperation) this quarter                          |
 * | notAssessed       |     30 | not assessed this quarter: nobody knows how it is doing           |
 * | downgraded        |     25 | the category got worse this quarter or last quarter               |
 * | unstable          |     15 | two or more changes of category within the last four quarters     |
 * | longYellow        |     15 | yellow this quarter and the three before it (four in a row)       |
 * | noAgreement       |     10 | no active cooperation agreement on the quarter's last day         |
 * | volunteersMissing |     10 | volunteers missing reported for this quarter (more than zero)      |
 * | noSupport         |     10 | no support activity logged this quarter or last quarter           |
 *
 * Ties are broken by: more rules met, then more volunteers missing, then the worse category, then
 * the name (Danish alphabetical order), so the list is stable from one day to the next. A
 * municipality not assessed needs attention: it is never ranked as if it were green.
 */
import type { Category } from './category.ts';

export const PRIORITY_RULES = [
  'red',
  'notAssessed',
  'downgraded',
  'unstable',
  'longYellow',
  'noAgreement',
  'volunteersMissing',
  'noSupport',
] as const;
export type PriorityRule = (typeof PRIORITY_RULES)[number];

export const PRIORITY_POINTS: Record<PriorityRule, number> = {
  red: 40,
  notAssessed: 30,
  downgraded: 25,
  unstable: 15,
  longYellow: 15,
  noAgreement: 10,
  volunteersMissing: 10,
  noSupport: 10,
};

export interface PriorityFacts {
  code: string;
  name: string;
  /** Categories from oldest to this quarter (the last entry); null = not assessed. */
  categories: (Category | null)[];
  hasActiveAgreement: boolean;
  volunteersMissing: number | null;
  /** Support activities logged in this quarter and in the one before. */
  activitiesThisQuarter: number;
  activitiesLastQuarter: number;
}

export interface PriorityReason {
  rule: PriorityRule;
  points: number;
  /** Numbers for the plain-words text, e.g. how many volunteers are missing. */
  detail?: Record<string, number>;
}

export interface Priority {
  code: string;
  name: string;
  score: number;
  category: Category | null;
  reasons: PriorityReason[];
  volunteersMissing: number;
}

export function prioritise(facts: PriorityFacts): Priority {
  const history = facts.categories;
  const now = history.at(-1) ?? null;
  const reasons: PriorityReason[] = [];
  const add = (rule: PriorityRule, detail?: Record<string, number>) => reasons.push({ rule, points: PRIORITY_POINTS[rule], detail });

  const worse = (i: number) => i > 0 && history[i] !== null && history[i - 1] !== null && history[i]! > history[i - 1]!;
  const changed = (i: number) => i > 0 && history[i] !== null && history[i - 1] !== null && history[i] !== history[i - 1];
  const last = history.length - 1;

  if (now === 3) add('red');
  if (now === null) add('notAssessed');
  if (worse(last) || worse(last - 1)) add('downgraded');
  const changes = [last, last - 1, last - 2, last - 3].filter(changed).length;
  if (changes >= 2) add('unstable', { changes });
  if (history.length >= 4 && history.slice(-4).every((c) => c === 2)) {
    let run = 0;
    for (let i = last; i >= 0 && history[i] === 2; i--) run++;
    add('longYellow', { quarters: run });
  }
  if (!facts.hasActiveAgreement) add('noAgreement');
  if ((facts.volunteersMissing ?? 0) > 0) add('volunteersMissing', { volunteers: facts.volunteersMissing! });
  if (facts.activitiesThisQuarter + facts.activitiesLastQuarter === 0) add('noSupport');

  return {
    code: facts.code,
    name: facts.name,
    score: reasons.reduce((sum, r) => sum + r.points, 0),
    category: now,
    reasons,
    volunteersMissing: facts.volunteersMissing ?? 0,
  };
}

/** Highest need first; see the tie rules above. */
export function comparePriority(a: Priority, b: Priority): number {
  return (
    b.score - a.score ||
    b.reasons.length - a.reasons.length ||
    b.volunteersMissing - a.volunteersMissing ||
    severity(b.category) - severity(a.category) ||
    a.name.localeCompare(b.name, 'da')
  );
}

/** For ties: red, then not assessed (it may be anything), then yellow, then green. */
function severity(category: Category | null): number {
  return category === null ? 2.5 : category;
}
