import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../server/mail/outbox.ts';
import { nextReminderTime, scheduleReminders } from '../../../server/mail/schedule.ts';
import { waitFor } from '../../wait-for.ts';

describe('nextReminderTime', () => {
  it('is the next 08:00 in Copenhagen', () => {
    expect(nextReminderTime(new Date('2019-03-22T06:00:00Z')).toISOString()).toBe('2019-03-22T07:00:00.000Z');
    expect(nextReminderTime(new Date('2019-03-22T07:00:00Z')).toISOString()).toBe('2019-03-23T07:00:00.000Z');
    expect(nextReminderTime(new Date('2019-03-30T12:00:00Z')).toISOString()).toBe('2019-03-31T06:00:00.000Z');
  });
});

describe('scheduleReminders', () => {
  it('runs at once with the injected clock, and logs what it queued', async () => {
    const runs: string[] = [];
    const logged: object[] = [];
    const schedule = scheduleReminders({
      run: (now) => (runs.push(now.toISOString()), 2),
      clock: () => new Date('2019-03-22T07:00:00Z'),
      log: { info: (details) => logged.push(details), error: () => {} },
    });
    await waitFor(() => runs.length === 1);
    schedule.stop();
    expect(runs).toEqual(['2019-03-22T07:00:00.000Z']);
    expect(logged).toEqual([{ queued: 2 }]);
  });

  it('keeps running after a run that throws, and logs it', async () => {
    const errors: object[] = [];
    const schedule = scheduleReminders({
      run: () => {
        throw new Error('database locked');
      },
      clock: () => new Date(),
      log: { info: () => {}, error: (details) => errors.push(details) },
    });
    await waitFor(() => errors.length === 1);
    schedule.stop();
  });
});

describe('retryDelayMs', () => {
  it('doubles from a minute up to an hour', () => {
    expect([1, 2, 3, 7, 8, 12].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 60, 60, 60]);
  });
});
