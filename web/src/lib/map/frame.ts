/**
 * Where the map's parts go in its drawing: the zoomed Copenhagen panel to the right of the
 * country, and the part of the drawing a view shows. Plain geometry, no drawing.
 */
import type { MapGeometry } from './geometry.ts';

/**
 * The panel's distance from the country, its width (by default, and its range when it grows into
 * a wide card's spare room), and the margin around the area it shows.
 */
const ZOOM = { gap: 40, width: 500, minWidth: 400, maxWidth: 900, pad: 4 };

/** Room under the drawing for the inset's caption (Bornholm sits at the bottom). */
export const CAPTION_ROOM = 40;

export interface ZoomPanel {
  /** The panel, in drawing units. */
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
  /** The area of the map the panel shows, in map units. */
  source: { x: number; y: number; width: number; height: number };
  /** Moves the map into the panel. */
  transform: string;
}

/** The panel with the Copenhagen area drawn again, zoomed, beside the country, kept within its height. */
export function zoomPanel(geometry: Pick<MapGeometry, 'width' | 'height' | 'zoom'>, panelWidth = ZOOM.width): ZoomPanel {
  const [x0, y0, x1, y1] = geometry.zoom.bounds;
  const source = { x: x0 - ZOOM.pad, y: y0 - ZOOM.pad, width: x1 - x0 + 2 * ZOOM.pad, height: y1 - y0 + 2 * ZOOM.pad };
  const scale = panelWidth / source.width;
  const height = source.height * scale;
  const x = geometry.width + ZOOM.gap;
  const y = Math.min(Math.max((y0 + y1) / 2 - height / 2, 40), geometry.height - height - 10);
  return { x, y, width: panelWidth, height, scale, source, transform: `translate(${x} ${y}) scale(${scale}) translate(${-source.x} ${-source.y})` };
}

/** The drawing's width: the country, and the zoomed panel beside it when there is one. */
export function drawingWidth(geometry: Pick<MapGeometry, 'width'>, withZoom: boolean, panelWidth = ZOOM.width): number {
  return withZoom ? geometry.width + ZOOM.gap + panelWidth + 10 : geometry.width;
}

/**
 * The zoomed panel's width for a card of this shape: a card wider than the drawing gives its spare
 * width to the panel (Copenhagen grows, the map fills the card) instead of leaving it blank.
 */
export function panelWidthFor(geometry: Pick<MapGeometry, 'width' | 'height'>, cardWidth: number, cardHeight: number): number {
  if (cardWidth <= 0 || cardHeight <= 0) return ZOOM.width;
  const spare = (cardWidth / cardHeight) * (geometry.height + CAPTION_ROOM) - geometry.width - ZOOM.gap - 10;
  return Math.min(Math.max(spare, ZOOM.minWidth), ZOOM.maxWidth);
}

/** The part of the drawing to show (an SVG viewBox): all of it, or the focused municipalities with a margin. */
export function viewBoxOf(geometry: Pick<MapGeometry, 'height' | 'municipalities'>, width: number, focus: readonly string[] | null): string {
  const boxes = focus ? geometry.municipalities.filter((m) => focus.includes(m.code)).map((m) => m.bounds) : [];
  if (boxes.length === 0) return `0 0 ${width} ${geometry.height + CAPTION_ROOM}`;
  const x0 = Math.min(...boxes.map((b) => b[0])), y0 = Math.min(...boxes.map((b) => b[1]));
  const x1 = Math.max(...boxes.map((b) => b[2])), y1 = Math.max(...boxes.map((b) => b[3]));
  const pad = Math.max(x1 - x0, y1 - y0) * 0.06;
  return `${x0 - pad} ${y0 - pad} ${x1 - x0 + 2 * pad} ${y1 - y0 + 2 * pad}`;
}
