import { describe, expect, it } from 'vitest';
import { comparePriority, prioritise, PRIORITY_POINTS, type PriorityFacts } from '../../../db/domain/priority.ts';

/** A municipality that meets no rule: green for a year, agreement, no volunteers missing, supported. */
const calm: PriorityFacts = {
  code: '0101',
  name: 'København',
  categories: [1, 1, 1, 1, 1],
  hasActiveAgreement: true,
  volunteersMissing: 0,
  activitiesThisQuarter: 1,
  activitiesLastQuarter: 0,
};

const rules = (facts: Partial<PriorityFacts>) => prioritise({ ...calm, ...facts }).reasons.map((r) => r.rule);

describe('prioritise', () => {
  it('scores a settled municipality 0 with no reasons', () => {
    expect(prioritise(calm)).toMatchObject({ score: 0, reasons: [] });
  });

  it('red: no cooperation this quarter', () => {
    expect(rules({ categories: [3, 3, 3, 3, 3], hasActiveAgreement: false })).toContain('red');
    expect(rules({ categories: [3, 3, 3, 3, 2] })).not.toContain('red');
  });

  it('downgraded: worse this quarter or last quarter, not earlier', () => {
    expect(rules({ categories: [1, 1, 1, 1, 2] })).toContain('downgraded');
    expect(rules({ categories: [1, 1, 1, 2, 2] })).toContain('downgraded');
    expect(rules({ categories: [1, 1, 2, 2, 2] })).not.toContain('downgraded');
    expect(rules({ categories: [2, 2, 2, 2, 1] })).not.toContain('downgraded');
    expect(rules({ categories: [1, 1, 1, null, 2] })).not.toContain('downgraded');
  });

  it('unstable: two or more changes within the last four quarters', () => {
    expect(rules({ categories: [1, 1, 2, 1, 1] })).toContain('unstable');
    expect(prioritise({ ...calm, categories: [1, 2, 1, 2, 1] }).reasons.find((r) => r.rule === 'unstable')?.detail).toEqual({ changes: 4 });
    expect(rules({ categories: [2, 1, 1, 1, 1] })).not.toContain('unstable');
    expect(rules({ categories: [1, 2, 1, 1, 1] })).toContain('unstable');
    expect(rules({ categories: [2, 2, 1, 1, 1] })).not.toContain('unstable');
    expect(rules({ categories: [2, 1, 2, 2, 2] })).toContain('unstable');
  });

  it('longYellow: yellow four quarters or more in a row, counting the run', () => {
    expect(prioritise({ ...calm, categories: [2, 2, 2, 2, 2] }).reasons.find((r) => r.rule === 'longYellow')?.detail).toEqual({ quarters: 5 });
    expect(rules({ categories: [1, 2, 2, 2, 2] })).toContain('longYellow');
    expect(rules({ categories: [1, 1, 2, 2, 2] })).not.toContain('longYellow');
    expect(rules({ categories: [2, 2, 2] })).not.toContain('longYellow');
  });

  it('noAgreement: no active agreement', () => {
    expect(rules({ hasActiveAgreement: false })).toEqual(['noAgreement']);
  });

  it('volunteersMissing: some reported missing, with the number', () => {
    expect(prioritise({ ...calm, volunteersMissing: 12 }).reasons).toEqual([{ rule: 'volunteersMissing', points: 10, detail: { volunteers: 12 } }]);
    expect(rules({ volunteersMissing: null })).toEqual([]);
  });

  it('notAssessed: not assessed this quarter needs attention, worth more than a downgrade', () => {
    expect(rules({ categories: [1, 1, 1, 1, null] })).toEqual(['notAssessed']);
    expect(prioritise({ ...calm, categories: [1, 1, 1, 1, null] }).score).toBeGreaterThan(prioritise({ ...calm, categories: [1, 1, 1, 1, 2] }).score);
  });

  it('noSupport: nothing logged this quarter or last quarter', () => {
    expect(rules({ activitiesThisQuarter: 0, activitiesLastQuarter: 0 })).toEqual(['noSupport']);
    expect(rules({ activitiesThisQuarter: 0, activitiesLastQuarter: 2 })).toEqual([]);
  });

  it('adds the points of every rule met', () => {
    const all = prioritise({
      ...calm,
      categories: [2, 1, 2, 2, 3],
      hasActiveAgreement: false,
      volunteersMissing: 4,
      activitiesThisQuarter: 0,
      activitiesLastQuarter: 0,
    });
    expect(all.reasons.map((r) => r.rule)).toEqual(['red', 'downgraded', 'unstable', 'noAgreement', 'volunteersMissing', 'noSupport']);
    expect(all.score).toBe(40 + 25 + 15 + 10 + 10 + 10);
    expect(Object.values(PRIORITY_POINTS).every((p) => p > 0)).toBe(true);
  });
});

describe('comparePriority (ties)', () => {
  const ranked = (...list: PriorityFacts[]) => list.map(prioritise).sort(comparePriority).map((p) => p.name);

  it('puts the higher score first', () => {
    expect(ranked({ ...calm, name: 'A', hasActiveAgreement: false }, { ...calm, name: 'B', categories: [3, 3, 3, 3, 3] })).toEqual(['B', 'A']);
  });

  it('on equal score, more rules met first', () => {
    // 25 (downgraded) vs 15 + 10 (longYellow, noSupport)
    const one = { ...calm, name: 'One', categories: [1, 1, 1, 1, 2] as PriorityFacts['categories'] };
    const two = { ...calm, name: 'Two', categories: [2, 2, 2, 2, 2] as PriorityFacts['categories'], activitiesThisQuarter: 0 };
    expect(prioritise(one).score).toBe(prioritise(two).score);
    expect(ranked(one, two)).toEqual(['Two', 'One']);
  });

  it('then more volunteers missing, then the worse category, then the name', () => {
    expect(ranked({ ...calm, name: 'A', volunteersMissing: 3 }, { ...calm, name: 'B', volunteersMissing: 9 })).toEqual(['B', 'A']);
    expect(ranked({ ...calm, name: 'A', categories: [1, 1, 1, 1, 1] }, { ...calm, name: 'B', categories: [2, 2, 2, 1, 2] })[0]).toBe('B');
    expect(ranked({ ...calm, name: 'Ærø' }, { ...calm, name: 'Aabenraa' }, { ...calm, name: 'Odense' })).toEqual(['Odense', 'Ærø', 'Aabenraa']);
  });

  it('never ranks a municipality not assessed below a green one', () => {
    const unknown = { ...calm, name: 'A', categories: [1, 1, 1, 1, null] as PriorityFacts['categories'] };
    const green = { ...calm, name: 'B', categories: [1, 1, 1, 1, 1] as PriorityFacts['categories'], hasActiveAgreement: false };
    expect(ranked(green, unknown)).toEqual(['A', 'B']);
  });
});
