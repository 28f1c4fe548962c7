import { describe, expect, it } from 'vitest';
import { addDays, copenhagenDate, copenhagenInstant, copenhagenTime, daysBetween } from '../../../db/domain/copenhagen.ts';

describe('copenhagenTime', () => {
  it('is UTC+1 in winter and UTC+2 in summer', () => {
    expect(copenhagenTime(new Date('2019-01-15T07:00:00Z'))).toEqual({ date: '2019-01-15', hour: 8, minute: 0 });
    expect(copenhagenTime(new Date('2019-07-15T06:00:00Z'))).toEqual({ date: '2019-07-15', hour: 8, minute: 0 });
  });

  it('turns the date at local midnight, not at UTC midnight', () => {
    expect(copenhagenDate(new Date('2019-03-28T23:30:00Z'))).toBe('2019-03-29');
    expect(copenhagenDate(new Date('2019-03-28T22:59:00Z'))).toBe('2019-03-28');
  });
});

describe('copenhagenInstant', () => {
  it('finds 08:00 local time in both seasons and on the days the clocks change', () => {
    expect(copenhagenInstant('2019-01-15', 8).toISOString()).toBe('2019-01-15T07:00:00.000Z');
    expect(copenhagenInstant('2019-07-15', 8).toISOString()).toBe('2019-07-15T06:00:00.000Z');
    expect(copenhagenInstant('2019-03-31', 8).toISOString()).toBe('2019-03-31T06:00:00.000Z');
    expect(copenhagenInstant('2019-10-27', 8).toISOString()).toBe('2019-10-27T07:00:00.000Z');
  });
});

describe('daysBetween and addDays', () => {
  it('count whole calendar days across months and clock changes', () => {
    expect(daysBetween('2019-03-22', '2019-03-29')).toBe(7);
    expect(daysBetween('2019-03-29', '2019-03-22')).toBe(-7);
    expect(daysBetween('2019-03-30', '2019-04-01')).toBe(2);
    expect(addDays('2019-03-29', -7)).toBe('2019-03-22');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
  });
});
