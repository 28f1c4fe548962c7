import { describe, expect, it } from 'vitest';
import { daysLeft, deadlineReminder, mayMailAt } from '../../../db/domain/deadline.ts';
import { progressState } from '../../../db/domain/progress.ts';

describe('deadlineReminder', () => {
  it('is nothing before the window, soon within REMINDER_DAYS, today on the day, overdue after', () => {
    expect(deadlineReminder('2019-03-29', '2019-03-21', 7)).toBeNull();
    expect(deadlineReminder('2019-03-29', '2019-03-22', 7)).toBe('deadline_soon');
    expect(deadlineReminder('2019-03-29', '2019-03-28', 7)).toBe('deadline_soon');
    expect(deadlineReminder('2019-03-29', '2019-03-29', 7)).toBe('deadline_today');
    expect(deadlineReminder('2019-03-29', '2019-03-30', 7)).toBe('overdue');
  });

  it('has no early reminder with REMINDER_DAYS 0', () => {
    expect(deadlineReminder('2019-03-29', '2019-03-28', 0)).toBeNull();
    expect(deadlineReminder('2019-03-29', '2019-03-29', 0)).toBe('deadline_today');
  });
});

describe('mayMailAt and daysLeft', () => {
  it('allow mail from 08:00 Copenhagen time and count days there', () => {
    expect(mayMailAt(new Date('2019-03-22T06:59:59Z'))).toBe(false);
    expect(mayMailAt(new Date('2019-03-22T07:00:00Z'))).toBe(true);
    expect(mayMailAt(new Date('2019-06-22T05:59:59Z'))).toBe(false);
    expect(mayMailAt(new Date('2019-06-22T06:00:00Z'))).toBe(true);
    expect(daysLeft('2019-03-29', new Date('2019-03-28T23:00:00Z'))).toBe(0);
  });
});

describe('progressState', () => {
  const row = { exists: true, category: 1 as const, reasonText: null, carriedOver: false, previous: 1 as const };
  it('tells confirmed from assessed by the quarter before, and what remains', () => {
    expect(progressState(row)).toBe('confirmed');
    expect(progressState({ ...row, previous: 2 })).toBe('assessed');
    expect(progressState({ ...row, previous: null })).toBe('assessed');
    expect(progressState({ ...row, carriedOver: true })).toBe('remaining');
    expect(progressState({ ...row, exists: false })).toBe('remaining');
    expect(progressState({ ...row, category: null, reasonText: 'ingen kontakt' })).toBe('notAssessed');
    expect(progressState({ ...row, category: null })).toBe('remaining');
  });
});
