import { describe, expect, it } from 'vitest';
import { newQuarters } from '../../../db/import/new-quarters.ts';

const now = new Date('2019-08-15T12:00:00Z');
const existing = ['2018K3', '2018K4'];

describe('newQuarters', () => {
  it('creates the quarters that continue the database’s run, up to the current quarter', () => {
    expect(newQuarters(existing, ['2018K4', '2019K2', '2019K1', '2019K3'], now)).toEqual({ create: ['2019K1', '2019K2', '2019K3'], refused: new Map() });
  });

  it('creates earlier quarters back to 2016K2, but none before it', () => {
    const { create, refused } = newQuarters(existing, ['2018K2', '2018K1', '2016K1'], now);
    expect(create).toEqual(['2018K1', '2018K2']);
    expect(refused.get('2016K1')).toMatch(/before 2016K2/);
  });

  it('refuses quarters that have not begun and quarters that would leave a gap', () => {
    const { create, refused } = newQuarters(existing, ['2019K4', '2019K2'], now);
    expect(create).toEqual([]);
    expect(refused.get('2019K4')).toBe('it has not begun yet (the current quarter is 2019K3)');
    expect(refused.get('2019K2')).toBe('2019K1 is neither in the database nor in the file, and quarters must follow each other without gaps');
  });

  it('starts an empty database at the file’s earliest quarter', () => {
    expect(newQuarters([], ['2017K2', '2017K1', '2017K4'], now)).toEqual({
      create: ['2017K1', '2017K2'],
      refused: new Map([['2017K4', '2017K3 is neither in the database nor in the file, and quarters must follow each other without gaps']]),
    });
  });
});
