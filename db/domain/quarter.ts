/**
 * Quarter codes follow Statistics Denmark: `2016K2` is the 2nd quarter of 2016.
 * `2016Q2` (and lower case) is accepted on input; `2016K2` is always emitted.
 */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** An open quarter is a draft being entered; a final one is what the dashboard shows everyone. */
export const QUARTER_STATES = ['open', 'final'] as const;
export type QuarterState = (typeof QUARTER_STATES)[number];

/** The programme's monitoring starts with the 2nd quarter of 2016. */
export const FIRST_QUARTER = '2016K2';

const QUARTER_INPUT = /^(\d{4})[KkQq]([1-4])$/;

/** Pattern for schemas: the accepted spellings of a quarter code. */
export const QUARTER_CODE_PATTERN = '^[0-9]{4}[KkQq][1-4]$';

export function parseQuarter(input: string): Quarter | null {
  const match = QUARTER_INPUT.exec(input.trim());
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] };
}

export function formatQuarter({ year, quarter }: Quarter): string {
  return `${year}K${quarter}`;
}

/** The canonical code for any accepted spelling, or null when the input is not a quarter code. */
export function normaliseQuarterCode(input: string): string | null {
  const parsed = parseQuarter(input);
  return parsed && formatQuarter(parsed);
}

function mustParse(code: string): Quarter {
  const parsed = parseQuarter(code);
  if (!parsed) throw new RangeError(`not a quarter code: ${JSON.stringify(code)}`);
  return parsed;
}

export function nextQuarter(code: string): string {
  const { year, quarter } = mustParse(code);
  return quarter === 4 ? `${year + 1}K1` : `${year}K${quarter + 1}`;
}

export function previousQuarter(code: string): string {
  const { year, quarter } = mustParse(code);
  return quarter === 1 ? `${year - 1}K4` : `${year}K${quarter - 1}`;
}

/** Every quarter from `first` to `last`, both included. */
export function quarterRange(first: string, last: string): string[] {
  const codes: string[] = [];
  for (let code = formatQuarter(mustParse(first)); compareQuarters(code, last) <= 0; code = nextQuarter(code)) {
    codes.push(code);
  }
  return codes;
}

export function compareQuarters(a: string, b: string): number {
  const qa = mustParse(a);
  const qb = mustParse(b);
  return qa.year - qb.year || qa.quarter - qb.quarter;
}

/** First day of the quarter as an ISO date. */
export function quarterStart(code: string): string {
  const { year, quarter } = mustParse(code);
  return `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
}

/** Last day of the quarter as an ISO date: the reference day for "active" agreements. */
export function quarterEnd(code: string): string {
  const { year, quarter } = mustParse(code);
  return `${year}-${['03-31', '06-30', '09-30', '12-31'][quarter - 1]}`;
}

/** The quarter an ISO date (YYYY-MM-DD) falls in. */
export function quarterOfDate(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return `${year}K${Math.ceil(month / 3)}`;
}

/** "2. kvt. 2016" in Danish, "Q2 2016" in English. */
export function quarterLabel(code: string, language: 'da' | 'en' = 'da'): string {
  const { year, quarter } = mustParse(code);
  return language === 'da' ? `${quarter}. kvt. ${year}` : `Q${quarter} ${year}`;
}
