/**
 * Which municipality an arrow key moves to: the neighbour (sharing a border in the topology) that
 * lies best in the arrow's direction; where no neighbour does (islands, the coast), the nearest
 * municipality in that direction, so every island can be reached from the mainland and back.
 */
export type Direction = 'left' | 'right' | 'up' | 'down';

export interface Place {
  code: string;
  /** Map units, y down. */
  centroid: [number, number];
}

const VECTORS: Record<Direction, [number, number]> = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] };

export const ARROWS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** How well `to` lies in the direction from `from`: the cosine of the angle between them. */
function alignment(from: Place, to: Place, [dx, dy]: [number, number]): { cos: number; distance: number } {
  const x = to.centroid[0] - from.centroid[0];
  const y = to.centroid[1] - from.centroid[1];
  const distance = Math.hypot(x, y);
  return { cos: distance === 0 ? 0 : (x * dx + y * dy) / distance, distance };
}

/**
 * The next municipality from `code` in `direction`, or null when nothing lies that way.
 * A neighbour counts when it lies within 60° of the direction (the best aligned wins); otherwise
 * the nearest municipality within 60°, distance weighted against a sideways angle.
 */
export function nextInDirection(
  code: string,
  direction: Direction,
  places: ReadonlyMap<string, Place>,
  neighbours: ReadonlyMap<string, readonly string[]>,
): string | null {
  const from = places.get(code);
  if (!from) return null;
  const vector = VECTORS[direction];
  const MIN_COS = 0.5;
  let best: { code: string; cos: number } | null = null;
  for (const other of neighbours.get(code) ?? []) {
    const place = places.get(other);
    if (!place) continue;
    const { cos } = alignment(from, place, vector);
    if (cos >= MIN_COS && (!best || cos > best.cos)) best = { code: other, cos };
  }
  if (best) return best.code;
  let nearest: { code: string; score: number } | null = null;
  for (const place of places.values()) {
    if (place.code === code) continue;
    const { cos, distance } = alignment(from, place, vector);
    if (cos < MIN_COS) continue;
    const score = distance * (2 - cos);
    if (!nearest || score < nearest.score) nearest = { code: place.code, score };
  }
  return nearest?.code ?? null;
}
