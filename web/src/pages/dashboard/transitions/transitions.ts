/**
 * Where municipalities move between categories: the transition matrix behind the flow diagram,
 * for two chosen quarters or summed over every quarter-to-quarter step of the period.
 */
import type { Category } from '../../../../../db/domain/category.ts';
import type { StatusMatrix } from '../../../lib/contract.ts';

/** A category, or "none" for not assessed: a state of its own in the flows, never counted as red. */
export type State = Category | 'none';
export const STATES: readonly State[] = [1, 2, 3, 'none'];

export const stateOf = (category: Category | null): State => category ?? 'none';

/** One municipality's move, with the quarter it arrived in (the "to" quarter of its step). */
export interface Move {
  code: string;
  name: string;
  regionCode: string;
  quarter: string;
}

export interface Flow {
  from: State;
  to: State;
  moves: Move[];
}

/** Every pair of states (16 flows, empty ones included), in the order of STATES. */
export interface TransitionTable {
  flows: Flow[];
  /** How many steps of municipalities went into the table (98 for a pair, 98 × steps for the period). */
  total: number;
}

/** A flow named by its two ends. */
export type FlowEnds = Pick<Flow, 'from' | 'to'>;

/** What the flow diagram and the matrix behind it share: the table, the flow shown and what pointing at or choosing a flow does. */
export interface FlowChoice {
  table: TransitionTable;
  /** The flow shown (pointed at, focused or chosen). */
  active: FlowEnds | null;
  onshow: (flow: FlowEnds | null) => void;
  onchoose: (flow: FlowEnds) => void;
  count: (n: number) => string;
}

function emptyTable(): TransitionTable {
  return { flows: STATES.flatMap((from) => STATES.map((to) => ({ from, to, moves: [] as Move[] }))), total: 0 };
}

const cell = (table: TransitionTable, from: State, to: State) => table.flows[STATES.indexOf(from) * STATES.length + STATES.indexOf(to)];

/** Every municipality's state in quarter `from` against its state in quarter `to` (any two quarters). */
export function transitionsBetween(matrix: StatusMatrix, from: string, to: string): TransitionTable {
  const i = matrix.quarters.indexOf(from);
  const j = matrix.quarters.indexOf(to);
  const table = emptyTable();
  if (i < 0 || j < 0) return table;
  for (const m of matrix.municipalities) {
    cell(table, stateOf(m.categories[i]), stateOf(m.categories[j])).moves.push({ code: m.code, name: m.name, regionCode: m.regionCode, quarter: to });
    table.total += 1;
  }
  return table;
}

/** Every quarter-to-quarter step of the period summed: a municipality appears once per step. */
export function transitionsByStep(matrix: StatusMatrix): TransitionTable {
  const table = emptyTable();
  for (let j = 1; j < matrix.quarters.length; j++) {
    for (const m of matrix.municipalities) {
      cell(table, stateOf(m.categories[j - 1]), stateOf(m.categories[j])).moves.push({
        code: m.code,
        name: m.name,
        regionCode: m.regionCode,
        quarter: matrix.quarters[j],
      });
      table.total += 1;
    }
  }
  return table;
}

/** How many moved from `from` (row sums) and arrived in `to` (column sums). */
export function stateTotals(table: TransitionTable): { from: Record<string, number>; to: Record<string, number> } {
  const from: Record<string, number> = {};
  const to: Record<string, number> = {};
  for (const flow of table.flows) {
    from[String(flow.from)] = (from[String(flow.from)] ?? 0) + flow.moves.length;
    to[String(flow.to)] = (to[String(flow.to)] ?? 0) + flow.moves.length;
  }
  return { from, to };
}

/** A move down (green → yellow, yellow → red, green → red); "not assessed" is no step either way. */
export function isFall(from: State, to: State): boolean {
  return from !== 'none' && to !== 'none' && to > from;
}

/** How many categories a move spans: 2 for green ↔ red. */
export function steps(from: State, to: State): number {
  return from === 'none' || to === 'none' ? 0 : Math.abs(to - from);
}

/**
 * The table a view shows: between the two quarters, or summed over every step from the earlier of
 * them to the later.
 */
export function transitionTable(matrix: StatusMatrix, from: string, to: string, byStep: boolean): TransitionTable {
  if (!byStep) return transitionsBetween(matrix, from, to);
  return transitionsByStep(periodOf(matrix, from, to));
}

/** The matrix cut to the quarters from the earlier of two quarters to the later. */
export function periodOf(matrix: StatusMatrix, a: string, b: string): StatusMatrix {
  const [first, last] = a <= b ? [a, b] : [b, a];
  const kept = matrix.quarters.map((q) => q >= first && q <= last);
  return {
    quarters: matrix.quarters.filter((_, i) => kept[i]),
    municipalities: matrix.municipalities.map((m) => ({ ...m, categories: m.categories.filter((_, i) => kept[i]) })),
  };
}
