import bounds from './bounds.ts';
import projectShapes from './project.ts';
import type { InsetBox, MunicipalityShape } from './types.ts';

export const BORNHOLM = '0400';

const WIDTH = 1000;
const PADDING = 10;
const INSET_PADDING = 8;

export interface MapLayout {
  shapes: MunicipalityShape[];
  width: number;
  height: number;
  insets: InsetBox[];
}

/**
 * Scales planar shapes (y down) so the mainland fills the width. Bornholm lies so far east that
 * drawing it in place would squeeze the rest of the country, so it keeps the same scale but moves
 * into a box in the bottom-right corner: in the Baltic, south-east of Zealand, where it lies, and
 * clear of the Copenhagen area's zoomed panel beside the map.
 */
export default function layoutMap(shapes: readonly MunicipalityShape[]): MapLayout {
  const mainland = shapes.filter((shape) => shape.code !== BORNHOLM);
  const bornholm = shapes.filter((shape) => shape.code === BORNHOLM);
  const [x0, y0, x1, y1] = bounds(mainland);
  const scale = (WIDTH - 2 * PADDING) / (x1 - x0);

  const [bx0, by0, bx1, by1] = bounds(bornholm);
  const width = Math.ceil((bx1 - bx0) * scale + 2 * INSET_PADDING);
  const height = Math.ceil((by1 - by0) * scale + 2 * INSET_PADDING);
  const mainlandBottom = PADDING + (y1 - y0) * scale;
  const placedMainland = projectShapes(mainland, ([x, y]) => [PADDING + (x - x0) * scale, PADDING + (y - y0) * scale]);
  const x = WIDTH - PADDING - width;
  // As low as it goes, then below any municipality it would cover (Møn reaches far east).
  let y = Math.max(PADDING, mainlandBottom - height);
  for (const [sx0, sy0, sx1, sy1] of placedMainland.map((shape) => bounds([shape])).sort((a, b) => a[1] - b[1])) {
    if (sx1 >= x && sx0 <= x + width && sy1 >= y && sy0 <= y + height) y = sy1 + 2;
  }
  const box: InsetBox = { name: 'bornholm', codes: [BORNHOLM], x, y, width, height };
  const left = box.x + (width - (bx1 - bx0) * scale) / 2;
  const top = box.y + (height - (by1 - by0) * scale) / 2;

  return {
    shapes: [
      ...placedMainland,
      ...projectShapes(bornholm, ([x, y]) => [left + (x - bx0) * scale, top + (y - by0) * scale]),
    ],
    width: WIDTH,
    height: Math.ceil(Math.max(mainlandBottom, box.y + box.height) + PADDING),
    insets: [box],
  };
}
