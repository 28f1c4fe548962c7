/**
 * A two-column flow diagram (Sankey) of a transition table: states on the left (before) and right
 * (after), each as tall as its count, joined by bands as wide as the flow. Plain geometry; the
 * component only draws it. Few nodes and no cycles, so no iterative layout is needed.
 */
import { STATES, type State, type TransitionTable } from './transitions.ts';

export interface FlowNode {
  state: State;
  side: 'from' | 'to';
  count: number;
  x: number;
  y: number;
  height: number;
}

export interface FlowBand {
  from: State;
  to: State;
  count: number;
  /** The band's outline, an SVG path. */
  d: string;
  /** The band's middle at each end, for labels. */
  y0: number;
  y1: number;
  width: number;
}

export interface FlowLayout {
  nodes: FlowNode[];
  bands: FlowBand[];
}

export interface FlowSize {
  width: number;
  height: number;
  nodeWidth: number;
  /** Space between two nodes of a column. */
  gap: number;
}

export function layoutFlows(table: TransitionTable, { width, height, nodeWidth, gap }: FlowSize): FlowLayout {
  const count = (side: 'from' | 'to', state: State) =>
    table.flows.filter((f) => f[side] === state).reduce((sum, f) => sum + f.moves.length, 0);
  const shown = (side: 'from' | 'to') => STATES.filter((s) => count(side, s) > 0);
  const gaps = Math.max(shown('from').length, shown('to').length) - 1;
  const scale = table.total > 0 ? (height - Math.max(gaps, 0) * gap) / table.total : 0;

  const nodes: FlowNode[] = [];
  for (const side of ['from', 'to'] as const) {
    let y = 0;
    for (const state of shown(side)) {
      const h = count(side, state) * scale;
      nodes.push({ state, side, count: count(side, state), x: side === 'from' ? 0 : width - nodeWidth, y, height: h });
      y += h + gap;
    }
  }
  const node = (side: 'from' | 'to', state: State) => nodes.find((n) => n.side === side && n.state === state)!;

  // Bands leave a source in the order of their targets and reach a target in the order of their
  // sources, so no two bands cross at either end.
  const outY = new Map(nodes.filter((n) => n.side === 'from').map((n) => [n.state, n.y]));
  const inY = new Map(nodes.filter((n) => n.side === 'to').map((n) => [n.state, n.y]));
  const bands: FlowBand[] = [];
  for (const from of STATES) {
    for (const to of STATES) {
      const flow = table.flows.find((f) => f.from === from && f.to === to)!;
      if (flow.moves.length === 0) continue;
      const w = flow.moves.length * scale;
      const a = outY.get(from)!;
      const b = inY.get(to)!;
      outY.set(from, a + w);
      inY.set(to, b + w);
      const x0 = node('from', from).x + nodeWidth;
      const x1 = node('to', to).x;
      const mx = (x0 + x1) / 2;
      const d = `M${x0},${a}C${mx},${a} ${mx},${b} ${x1},${b}L${x1},${b + w}C${mx},${b + w} ${mx},${a + w} ${x0},${a + w}Z`;
      bands.push({ from, to, count: flow.moves.length, d, y0: a + w / 2, y1: b + w / 2, width: w });
    }
  }
  return { nodes, bands };
}
