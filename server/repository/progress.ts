import type { Db } from '../../db/client.ts';
import { daysLeft } from '../../db/domain/deadline.ts';
import type { Actor } from '../../db/writes/actor.ts';
import { findQuarter } from '../../db/queries/quarters.ts';
import { quarterProgress } from '../../db/queries/progress.ts';
import { currentReminders, type CurrentReminder } from '../../db/queries/reminders.ts';
import { setDeadline } from '../../db/writes/deadlines.ts';
import { recordReminder, type ReminderToSend } from '../../db/writes/reminders.ts';
import type { Progress } from '../schemas/outreach.ts';

/** Deadlines, progress and the reminders they call for (db/queries/progress.ts, reminders.ts). */
export function progressRepository(db: Db) {
  return {
    /** A quarter's progress; `now` counts the days left to its deadline. */
    read: (code: string, now: Date): Progress => {
      const quarter = findQuarter(db, code)!;
      const { national, areas } = quarterProgress(db, code);
      return {
        quarter: code,
        state: quarter.state,
        deadline: quarter.deadline,
        daysLeft: quarter.deadline === null ? null : daysLeft(quarter.deadline, now),
        national,
        areas,
      };
    },
    setDeadline: (code: string, deadline: string | null, actor: Actor, now: Date): void => setDeadline(db, code, deadline, actor, now),
    /** Every reminder that applies on a Copenhagen date. */
    reminders: (today: string, reminderDays: number): CurrentReminder[] => currentReminders(db, today, reminderDays),
    /** Records a reminder once (its key is unique), with its mail and audit row; false when it was sent before. */
    recordReminder: (reminder: ReminderToSend, now: Date): boolean => recordReminder(db, reminder, now),
  };
}
