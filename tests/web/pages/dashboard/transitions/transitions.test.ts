import { describe, expect, it } from 'vitest';
import type { CategoryChange, StatusMatrix } from '../../../../../web/src/lib/contract.ts';
import { moveReasons, type ReasonSources } from '../../../../../web/src/pages/dashboard/transitions/reasons.ts';
import { isFall, stateTotals, steps, transitionsBetween, transitionsByStep } from '../../../../../web/src/pages/dashboard/transitions/transitions.ts';

const row = (code: string, categories: (1 | 2 | 3 | null)[]) => ({ code, name: `K${code}`, regionCode: '1084', categories, changes: [] });

const MATRIX: StatusMatrix = {
  quarters: ['2016K2', '2016K3', '2016K4'],
  municipalities: [row('0101', [1, 2, 1]), row('0147', [1, 3, 3]), row('0151', [2, null, 2]), row('0153', [3, 3, 3])],
};

const counts = (table: ReturnType<typeof transitionsBetween>) =>
  Object.fromEntries(table.flows.filter((f) => f.moves.length).map((f) => [`${f.from}>${f.to}`, f.moves.map((m) => m.code)]));

describe('transitionsBetween', () => {
  it('pairs every municipality’s state in the two quarters, not assessed as a state of its own', () => {
    const table = transitionsBetween(MATRIX, '2016K2', '2016K3');
    expect(table.total).toBe(4);
    expect(counts(table)).toEqual({ '1>2': ['0101'], '1>3': ['0147'], '2>none': ['0151'], '3>3': ['0153'] });
  });

  it('compares any two quarters, skipping those between', () => {
    expect(counts(transitionsBetween(MATRIX, '2016K2', '2016K4'))).toEqual({ '1>1': ['0101'], '1>3': ['0147'], '2>2': ['0151'], '3>3': ['0153'] });
  });

  it('has 16 flows, empty ones included, and is empty for an unknown quarter', () => {
    expect(transitionsBetween(MATRIX, '2016K2', '2016K3').flows).toHaveLength(16);
    expect(transitionsBetween(MATRIX, '2015K1', '2016K3').total).toBe(0);
  });
});

describe('transitionsByStep', () => {
  it('sums every quarter-to-quarter step, each move with the quarter it arrived in', () => {
    const table = transitionsByStep(MATRIX);
    expect(table.total).toBe(8);
    expect(counts(table)).toEqual({ '1>2': ['0101'], '2>1': ['0101'], '1>3': ['0147'], '3>3': ['0153', '0147', '0153'], '2>none': ['0151'], 'none>2': ['0151'] });
    expect(table.flows.find((f) => f.from === 2 && f.to === 1)!.moves[0].quarter).toBe('2016K4');
  });

  it('row and column sums give the counts of the first and last quarter of a pair', () => {
    const totals = stateTotals(transitionsBetween(MATRIX, '2016K2', '2016K3'));
    expect(totals.from).toEqual({ 1: 2, 2: 1, 3: 1, none: 0 });
    expect(totals.to).toEqual({ 1: 0, 2: 1, 3: 2, none: 1 });
  });
});

describe('isFall and steps', () => {
  it('a fall is a move to a worse category; not assessed is neither', () => {
    expect(isFall(1, 2)).toBe(true);
    expect(isFall(3, 1)).toBe(false);
    expect(isFall(1, 'none')).toBe(false);
  });

  it('green ↔ red spans two steps', () => {
    expect(steps(1, 3)).toBe(2);
    expect(steps(3, 1)).toBe(2);
    expect(steps(2, 3)).toBe(1);
    expect(steps('none', 3)).toBe(0);
  });
});

describe('moveReasons', () => {
  const change = (quarter: string, reason: string | null, reasonText: string | null = null) =>
    ({ quarter, from: 1, to: 2, reason, reasonText, note: null }) as CategoryChange;
  const sources: ReasonSources = {
    changes: new Map([['0101', [change('2016K3', 'too_few_volunteers'), change('2016K4', 'other', 'Ny leder'), change('2017K1', 'few_refugees')]]]),
    notAssessed: new Map([['2016K4', new Map([['0151', 'Kontaktperson på orlov']])]]),
    label: (reason) => ({ too_few_volunteers: 'For få frivillige', few_refugees: 'Få flygtninge' })[reason] ?? reason,
  };
  const move = (code: string, quarter: string) => ({ code, name: code, regionCode: '1084', quarter });

  it('names the reasons recorded in the span, "other" by its text', () => {
    expect(moveReasons(move('0101', '2016K4'), 2, '2016K2', sources)).toEqual(['For få frivillige', 'Ny leder']);
    expect(moveReasons(move('0101', '2016K4'), 2, '2016K3', sources)).toEqual(['Ny leder']);
  });

  it('gives the reason for not assessing a municipality', () => {
    expect(moveReasons(move('0151', '2016K4'), 'none', '2016K3', sources)).toEqual(['Kontaktperson på orlov']);
    expect(moveReasons(move('0153', '2016K4'), 'none', '2016K3', sources)).toEqual([]);
  });
});
