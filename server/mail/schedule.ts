/**
 * The reminder scheduler, run by the server itself (like scheduled backups, db/backup/schedule.ts).
 * It runs at start (catching up on a morning the server was down), at 08:00 in Copenhagen, and at
 * least every hour, so a deadline set or a quarter settled during the day is seen the same day.
 * What a run sends is decided by the rules, not by when it runs: a reminder goes out once, from
 * 08:00 (server/plugins/outreach.ts), so an extra run sends nothing twice.
 */
import { copenhagenInstant, copenhagenTime, addDays } from '../../db/domain/copenhagen.ts';
import { REMINDER_HOUR } from '../../db/domain/deadline.ts';

export interface ReminderScheduleOptions {
  /** Queues the reminders due at `now`; answers how many. */
  run(now: Date): number;
  clock: () => Date;
  log: { info(details: object, message: string): void; error(details: object, message: string): void };
}

const MAX_SLEEP_MS = 60 * 60 * 1000;

/** The next 08:00 in Copenhagen after `now`. */
export function nextReminderTime(now: Date): Date {
  const today = copenhagenInstant(copenhagenTime(now).date, REMINDER_HOUR);
  return today > now ? today : copenhagenInstant(addDays(copenhagenTime(now).date, 1), REMINDER_HOUR);
}

export function scheduleReminders(options: ReminderScheduleOptions): { stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = () => {
    timer = null;
    if (stopped) return;
    const now = options.clock();
    try {
      const queued = options.run(now);
      if (queued > 0) options.log.info({ queued }, 'reminders queued');
    } catch (err) {
      options.log.error({ err }, 'reminders could not be prepared; trying again at the next run');
    }
    const wait = Math.min(MAX_SLEEP_MS, nextReminderTime(now).getTime() - now.getTime());
    timer = setTimeout(tick, Math.max(1_000, wait)).unref();
  };
  timer = setTimeout(tick, 0).unref();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
