import { describe, expect, it } from 'vitest';
import { nextInDirection, type Place } from '../../../../web/src/lib/map/neighbours.ts';

//   A B C        a 3 × 2 grid of neighbours, and an island I far to the right of C
//   D E F   I
const at = (code: string, x: number, y: number): [string, Place] => [code, { code, centroid: [x, y] }];
const places = new Map([at('A', 0, 0), at('B', 10, 0), at('C', 20, 0), at('D', 0, 10), at('E', 10, 10), at('F', 20, 10), at('I', 60, 8)]);
const neighbours = new Map<string, string[]>([
  ['A', ['B', 'D', 'E']],
  ['B', ['A', 'C', 'D', 'E', 'F']],
  ['C', ['B', 'E', 'F']],
  ['D', ['A', 'B', 'E']],
  ['E', ['A', 'B', 'C', 'D', 'F']],
  ['F', ['B', 'C', 'E']],
  ['I', []],
]);

describe('nextInDirection', () => {
  it('picks the neighbour lying best in the arrow’s direction', () => {
    expect(nextInDirection('E', 'left', places, neighbours)).toBe('D');
    expect(nextInDirection('E', 'right', places, neighbours)).toBe('F');
    expect(nextInDirection('E', 'up', places, neighbours)).toBe('B');
    expect(nextInDirection('B', 'down', places, neighbours)).toBe('E');
  });

  it('reaches an island through the nearest place in that direction, and comes back', () => {
    expect(nextInDirection('F', 'right', places, neighbours)).toBe('I');
    expect(nextInDirection('I', 'left', places, neighbours)).toBe('F');
  });

  it('answers null where nothing lies that way, and for an unknown code', () => {
    expect(nextInDirection('A', 'up', places, neighbours)).toBeNull();
    expect(nextInDirection('A', 'left', places, neighbours)).toBeNull();
    expect(nextInDirection('X', 'left', places, neighbours)).toBeNull();
  });
});
