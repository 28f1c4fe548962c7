import type { Point, Ring } from './types.ts';

const TOKENS = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[A-Za-z]/g;
const SEPARATORS = /[\s,]/g;
const SUPPORTED = /^[MLHVCSQTZ]$/i;

/** How many straight segments replace one Bézier curve; the simplifier thins them out later. */
const SEGMENTS_PER_CURVE = 8;

/**
 * Reads SVG path data into closed rings, flattening curves into line segments. A fill closes every
 * subpath, so an unclosed one becomes a ring too. Arcs (A) are not supported: outline data made
 * by vector editors uses Béziers.
 */
export default function svgPathRings(d: string, segmentsPerCurve = SEGMENTS_PER_CURVE): Ring[] {
  const tokens = tokenize(d);
  const rings: Ring[] = [];
  let ring: Ring | null = null;
  let current: Point = [0, 0];
  let start: Point = [0, 0];
  let control: Point = [0, 0];
  let command = '';
  let previous = '';
  let i = 0;

  const number = (): number => {
    const token = tokens[i++];
    if (typeof token !== 'number') throw new Error(`SVG path: command ${command} expects a number, found ${token ?? 'the end'}`);
    return token;
  };
  const point = (relative: boolean): Point => {
    const x = number();
    const y = number();
    return relative ? [current[0] + x, current[1] + y] : [x, y];
  };
  const lineTo = (p: Point): void => {
    ring ??= [current];
    const last = ring[ring.length - 1];
    if (last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
    current = p;
  };
  const curveTo = (controls: Point[], end: Point): void => {
    const from = current;
    for (let k = 1; k <= segmentsPerCurve; k++) lineTo(bezier([from, ...controls, end], k / segmentsPerCurve));
    control = controls[controls.length - 1];
  };
  const endSubpath = (): void => {
    if (ring) rings.push(ring);
    ring = null;
  };
  // S and T mirror the previous curve's last control point, but only right after a curve of their kind.
  const reflected = (after: string[]): Point =>
    after.includes(previous) ? [2 * current[0] - control[0], 2 * current[1] - control[1]] : current;

  while (i < tokens.length) {
    const token = tokens[i];
    if (typeof token === 'string') {
      if (!SUPPORTED.test(token)) throw new Error(`SVG path: unsupported command ${token}`);
      command = token;
      i++;
    } else if (!command) {
      throw new Error('SVG path: data must start with a command');
    } else if (/z/i.test(command)) {
      throw new Error(`SVG path: unexpected number ${token} after ${command}`);
    }
    const relative = command === command.toLowerCase();
    const upper = command.toUpperCase();
    switch (upper) {
      case 'M':
        endSubpath();
        current = start = point(relative);
        // Further coordinate pairs after a moveto are implicit linetos.
        command = relative ? 'l' : 'L';
        break;
      case 'L':
        lineTo(point(relative));
        break;
      case 'H':
        lineTo([(relative ? current[0] : 0) + number(), current[1]]);
        break;
      case 'V':
        lineTo([current[0], (relative ? current[1] : 0) + number()]);
        break;
      case 'C':
        curveTo([point(relative), point(relative)], point(relative));
        break;
      case 'S':
        curveTo([reflected(['C', 'S']), point(relative)], point(relative));
        break;
      case 'Q':
        curveTo([point(relative)], point(relative));
        break;
      case 'T':
        curveTo([reflected(['Q', 'T'])], point(relative));
        break;
      case 'Z':
        endSubpath();
        current = start;
        break;
    }
    previous = upper;
  }
  endSubpath();
  return rings.map(closeRing).filter((r) => r.length >= 4);
}

function tokenize(d: string): (string | number)[] {
  const stray = d.replace(TOKENS, '').replace(SEPARATORS, '');
  if (stray) throw new Error(`SVG path: unexpected characters ${JSON.stringify(stray.slice(0, 10))}`);
  return (d.match(TOKENS) ?? []).map((token) => (/^[A-Za-z]$/.test(token) ? token : Number(token)));
}

/** De Casteljau evaluation, for quadratic and cubic curves alike. */
function bezier(points: Point[], t: number): Point {
  let level = points;
  while (level.length > 1) {
    level = level.slice(1).map((p, k): Point => [
      level[k][0] + (p[0] - level[k][0]) * t,
      level[k][1] + (p[1] - level[k][1]) * t,
    ]);
  }
  return level[0];
}

function closeRing(ring: Ring): Ring {
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}
