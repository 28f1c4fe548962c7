import { describe, expect, it } from 'vitest';
import {
  compareQuarters,
  nextQuarter,
  normaliseQuarterCode,
  previousQuarter,
  quarterEnd,
  quarterLabel,
  quarterOfDate,
  quarterRange,
  quarterStart,
} from '../../../db/domain/quarter.ts';

describe('normaliseQuarterCode', () => {
  it('keeps the canonical K form', () => expect(normaliseQuarterCode('2016K2')).toBe('2016K2'));
  it('accepts Q and lower case', () => {
    expect(normaliseQuarterCode('2016Q2')).toBe('2016K2');
    expect(normaliseQuarterCode('2018k4')).toBe('2018K4');
    expect(normaliseQuarterCode(' 2018q1 ')).toBe('2018K1');
  });
  it.each(['2016K5', '2016K0', '16K2', '2016-2', '2016K', 'K22016', '', '2016K2x', '２０１６K2'])('rejects %j', (input) =>
    expect(normaliseQuarterCode(input)).toBeNull(),
  );
});

describe('quarter arithmetic', () => {
  it('steps across a year boundary', () => {
    expect(nextQuarter('2016K4')).toBe('2017K1');
    expect(previousQuarter('2017K1')).toBe('2016K4');
  });
  it('lists the eleven quarters of the programme period', () => {
    const range = quarterRange('2016K2', '2018K4');
    expect(range).toHaveLength(11);
    expect(range[0]).toBe('2016K2');
    expect(range.at(-1)).toBe('2018K4');
  });
  it('orders quarters chronologically, not alphabetically', () => {
    expect(compareQuarters('2016K4', '2017K1')).toBeLessThan(0);
    expect(compareQuarters('2018K2', '2018K2')).toBe(0);
  });
  it('knows the first and last day of a quarter', () => {
    expect(quarterStart('2016K2')).toBe('2016-04-01');
    expect(quarterEnd('2016K2')).toBe('2016-06-30');
    expect(quarterEnd('2018K4')).toBe('2018-12-31');
    expect(quarterOfDate('2018-10-01')).toBe('2018K4');
    expect(quarterOfDate('2016-06-30')).toBe('2016K2');
  });
});

describe('quarterLabel', () => {
  it('reads "2. kvt. 2016" in Danish and "Q2 2016" in English', () => {
    expect(quarterLabel('2016K2')).toBe('2. kvt. 2016');
    expect(quarterLabel('2016K2', 'en')).toBe('Q2 2016');
  });
});
