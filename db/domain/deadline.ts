/**
 * When a quarter's deadline calls for a reminder. Pure rules on Copenhagen dates and hours, so the
 * scheduler, the e-mail and the reminders shown in the app agree, and tests need no waiting.
 */
import { copenhagenTime, daysBetween } from './copenhagen.ts';
import type { ReminderKind } from './mail.ts';

/** Reminders go out from this hour (Copenhagen time), never at night. */
export const REMINDER_HOUR = 8;

/** Days from today (Copenhagen) to the deadline: 0 on the day, negative once it has passed. */
export function daysLeft(deadline: string, now: Date): number {
  return daysBetween(copenhagenTime(now).date, deadline);
}

/**
 * Which deadline reminder applies on a day: `deadline_soon` from `reminderDays` before the deadline
 * until the day before it, `deadline_today` on the day, `overdue` after it; null before the window.
 * With `reminderDays` 0 there is no early reminder.
 */
export function deadlineReminder(deadline: string, today: string, reminderDays: number): ReminderKind | null {
  const left = daysBetween(today, deadline);
  if (left < 0) return 'overdue';
  if (left === 0) return 'deadline_today';
  return reminderDays > 0 && left <= reminderDays ? 'deadline_soon' : null;
}

/** Whether e-mail may go out at this instant: from 08:00 in Copenhagen. */
export function mayMailAt(now: Date): boolean {
  return copenhagenTime(now).hour >= REMINDER_HOUR;
}

