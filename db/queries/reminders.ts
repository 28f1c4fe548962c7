/**
 * Which reminders apply on a day (db/domain/deadline.ts): to each consultant whose area has
 * municipalities still to settle in an open quarter with a deadline, and to administrators once an
 * open quarter is ready to be finalised. The scheduler mails them (once each, from 08:00); the
 * dashboard shows the same list in the app.
 */
import { and, eq } from 'drizzle-orm';
import type { Conn } from '../client.ts';
import { deadlineReminder } from '../domain/deadline.ts';
import { daysBetween } from '../domain/copenhagen.ts';
import type { ProgressCounts } from '../domain/progress.ts';
import type { ReminderKind } from '../domain/mail.ts';
import { areaConsultants, quarters, users } from '../schema.ts';
import { quarterProgress, type UnsettledMunicipality } from './progress.ts';

export interface CurrentReminder {
  /** Names the reason: kind, quarter, deadline and person. The same reason gives the same key. */
  key: string;
  kind: ReminderKind;
  quarter: string;
  deadline: string | null;
  /** Days from today to the deadline (negative when it has passed); null without a deadline. */
  daysLeft: number | null;
  userId: number;
  /** A consultant's municipalities still to settle, in all their areas. */
  municipalities: UnsettledMunicipality[];
  /** The quarter's national progress. */
  national: ProgressCounts;
}

/** Every reminder that applies on `today` (a Copenhagen date), for people who have not turned them off. */
export function currentReminders(db: Conn, today: string, reminderDays: number): CurrentReminder[] {
  const open = db.select({ code: quarters.code, deadline: quarters.deadline }).from(quarters).where(eq(quarters.state, 'open')).orderBy(quarters.year, quarters.quarter).all();
  if (open.length === 0) return [];
  const people = db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.disabled, false), eq(users.reminders, true)))
    .orderBy(users.id)
    .all();
  const areasOf = new Map<number, number[]>();
  for (const { areaId, userId } of db.select().from(areaConsultants).all()) areasOf.set(userId, [...(areasOf.get(userId) ?? []), areaId]);

  const reminders: CurrentReminder[] = [];
  for (const quarter of open) {
    const progress = quarterProgress(db, quarter.code);
    const daysLeft = quarter.deadline === null ? null : daysBetween(today, quarter.deadline);
    const kind = quarter.deadline === null ? null : deadlineReminder(quarter.deadline, today, reminderDays);
    for (const person of people) {
      if (kind && person.role === 'consultant') {
        const mine = progress.areas.filter((area) => areasOf.get(person.id)?.includes(area.id));
        const municipalities = mine.flatMap((area) => area.unsettled).sort((a, b) => a.code.localeCompare(b.code));
        if (municipalities.length > 0) {
          const key = `${kind}:${quarter.code}:${quarter.deadline}:${person.id}`;
          reminders.push({ key, kind, quarter: quarter.code, deadline: quarter.deadline, daysLeft, userId: person.id, municipalities, national: progress.national });
        }
      }
      if (person.role === 'admin' && progress.national.remaining === 0) {
        const key = `ready_to_finalise:${quarter.code}:${person.id}`;
        reminders.push({ key, kind: 'ready_to_finalise', quarter: quarter.code, deadline: quarter.deadline, daysLeft, userId: person.id, municipalities: [], national: progress.national });
      }
    }
  }
  return reminders;
}
