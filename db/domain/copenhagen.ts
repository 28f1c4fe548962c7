/**
 * Calendar dates and hours in Europe/Copenhagen, where the programme works: a deadline is a date
 * there, and reminders go out at 08:00 there, in winter (UTC+1) and in summer (UTC+2) alike.
 */
const ZONE = 'Europe/Copenhagen';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface LocalTime {
  date: string;
  hour: number;
  minute: number;
}

/** The date (YYYY-MM-DD) and time of day in Copenhagen at an instant. */
export function copenhagenTime(at: Date): LocalTime {
  const p = Object.fromEntries(parts.formatToParts(at).map((part) => [part.type, part.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute) };
}

export function copenhagenDate(at: Date): string {
  return copenhagenTime(at).date;
}

/** Whole days from `from` to `to` (dates YYYY-MM-DD): 1 from a day to the next, negative backwards. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant when it is `hour`:00 in Copenhagen on `date`. The offset is read at a first guess
 * and read again there, which settles it also on the days the clocks change.
 */
export function copenhagenInstant(date: string, hour: number): Date {
  const wanted = Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  let guess = wanted - 60 * 60 * 1000;
  for (let i = 0; i < 2; i++) {
    const local = copenhagenTime(new Date(guess));
    const shown = Date.parse(`${local.date}T${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}:00Z`);
    guess += wanted - shown;
  }
  return new Date(guess);
}
