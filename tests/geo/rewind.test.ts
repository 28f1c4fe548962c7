import { describe, expect, it } from 'vitest';
import ringArea from '../../geo/ring-area.ts';
import rewind from '../../geo/rewind.ts';
import type { Ring } from '../../geo/types.ts';

const clockwise: Ring = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]];
const counterClockwise: Ring = [...clockwise].reverse();

describe('rewind', () => {
  it('turns exterior rings clockwise on screen and holes the other way', () => {
    const [{ polygons }] = rewind([{ code: '0101', polygons: [[counterClockwise, clockwise]] }]);
    expect(ringArea(polygons[0][0])).toBeGreaterThan(0);
    expect(ringArea(polygons[0][1])).toBeLessThan(0);
  });

  it('leaves rings that are already right untouched', () => {
    const shapes = [{ code: '0101', polygons: [[clockwise, counterClockwise]] }];
    expect(rewind(shapes)).toEqual(shapes);
  });
});
