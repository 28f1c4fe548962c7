/**
 * Which municipality names fit on the map: the larger municipalities first, each name kept only
 * if its box clears every name already placed and every obstacle (the inset boxes). A name left
 * out is still in the tooltip, and the Copenhagen area's names go in its zoomed panel.
 */
import type { MapGeometry, MunicipalityShape } from './geometry.ts';

export interface LabelCandidate {
  code: string;
  name: string;
  /** The label's centre, in drawing units. */
  x: number;
  y: number;
  /** Larger places win a clash: usually the municipality's area, in any unit. */
  weight: number;
}

export interface PlacedLabel extends LabelCandidate {
  box: Box;
}

/** [x0, y0, x1, y1] */
export type Box = [number, number, number, number];

export function overlaps(a: Box, b: Box): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** Moves a centre the least distance that keeps a box of half-size w × h inside the frame. */
const within = (at: number, half: number, low: number, high: number) => Math.min(Math.max(at, low + half), high - half);

/**
 * `width(name)` and `height` are in drawing units at the chosen font size; `pad` keeps a little
 * air between two names. With a `frame` (a clipped panel), a name near its edge is moved inside,
 * so none is cut off; one wider than the frame is left out.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  { width, height, pad = 0, obstacles = [], frame }: { width: (name: string) => number; height: number; pad?: number; obstacles?: readonly Box[]; frame?: Box },
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const candidate of [...candidates].sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code))) {
    const w = width(candidate.name) / 2 + pad;
    const h = height / 2 + pad;
    if (frame && (2 * w > frame[2] - frame[0] || 2 * h > frame[3] - frame[1])) continue;
    const x = frame ? within(candidate.x, w, frame[0], frame[2]) : candidate.x;
    const y = frame ? within(candidate.y, h, frame[1], frame[3]) : candidate.y;
    const box: Box = [x - w, y - h, x + w, y + h];
    if (obstacles.some((o) => overlaps(o, box)) || placed.some((p) => overlaps(p.box, box))) continue;
    placed.push({ ...candidate, x, y, box });
  }
  return placed;
}

/**
 * Whose names each part of the map may show: the Copenhagen area's in its zoomed panel (those
 * whose centre lies in its frame), not on the country map; an inset's caption already names its
 * municipality. A focused map (a consultant's area) names only its own municipalities.
 */
export function namedShapes(
  geometry: Pick<MapGeometry, 'municipalities' | 'insets' | 'zoom'>,
  zoomFrame: { x: number; y: number; width: number; height: number } | null,
  focus: readonly string[] | null,
): { country: MunicipalityShape[]; zoom: MunicipalityShape[] } {
  const shapes = geometry.municipalities;
  if (focus) return { country: shapes.filter((s) => focus.includes(s.code)), zoom: [] };
  const inZoom = new Set(zoomFrame ? geometry.zoom.codes : []);
  const inInset = new Set(geometry.insets.flatMap((i) => i.codes));
  const framed = ([x, y]: [number, number]) =>
    zoomFrame !== null && x >= zoomFrame.x && x <= zoomFrame.x + zoomFrame.width && y >= zoomFrame.y && y <= zoomFrame.y + zoomFrame.height;
  return {
    country: shapes.filter((s) => !inZoom.has(s.code) && !inInset.has(s.code)),
    zoom: shapes.filter((s) => inZoom.has(s.code) && framed(s.centroid)),
  };
}
