import { describe, expect, it } from 'vitest';
import { drawingWidth, panelWidthFor, viewBoxOf, zoomPanel } from '../../../../web/src/lib/map/frame.ts';
import type { MapGeometry, MunicipalityShape } from '../../../../web/src/lib/map/geometry.ts';

const shape = (code: string, bounds: [number, number, number, number]) => ({ code, bounds }) as MunicipalityShape;
const geometry = {
  width: 1000,
  height: 800,
  municipalities: [shape('0101', [600, 300, 620, 320]), shape('0751', [100, 100, 200, 150])],
  zoom: { bounds: [596, 296, 646, 321] },
} as unknown as MapGeometry;

describe('zoomPanel', () => {
  it('puts the zoomed area beside the country, 500 units wide, with a margin around its source', () => {
    const panel = zoomPanel(geometry);
    expect(panel.source).toEqual({ x: 592, y: 292, width: 58, height: 33 });
    expect([panel.x, panel.width]).toEqual([1040, 500]);
    expect(panel.scale).toBeCloseTo(500 / 58);
    expect(panel.height).toBeCloseTo(33 * (500 / 58));
    expect(panel.transform).toBe(`translate(1040 ${panel.y}) scale(${panel.scale}) translate(-592 -292)`);
  });

  it('keeps the panel within the drawing’s height', () => {
    const low = zoomPanel({ ...geometry, zoom: { ...geometry.zoom, bounds: [596, 760, 646, 790] } });
    expect(low.y + low.height).toBeLessThanOrEqual(geometry.height - 10);
    const high = zoomPanel({ ...geometry, zoom: { ...geometry.zoom, bounds: [596, 0, 646, 10] } });
    expect(high.y).toBe(40);
  });
});

describe('drawingWidth', () => {
  it('makes room for the zoomed panel only when it is shown', () => {
    expect(drawingWidth(geometry, true)).toBe(1550);
    expect(drawingWidth(geometry, false)).toBe(1000);
  });
});

describe('panelWidthFor', () => {
  it('gives a wide card’s spare width to the zoomed panel, within 400 to 900 units', () => {
    // A card twice as wide as high: 1680 units of drawing width fit, 1000 are the country.
    expect(panelWidthFor(geometry, 1000, 500)).toBe(630);
    expect(panelWidthFor(geometry, 3000, 500)).toBe(900);
    expect(panelWidthFor(geometry, 400, 500)).toBe(400);
    expect(panelWidthFor(geometry, 0, 0)).toBe(500);
  });

  it('makes the panel taller with it', () => {
    expect(zoomPanel(geometry, 630).height).toBeCloseTo(33 * (630 / 58));
  });
});

describe('viewBoxOf', () => {
  it('shows the whole drawing without a focus', () => {
    // 40 units below for the caption of the inset in the bottom corner.
    expect(viewBoxOf(geometry, 1550, null)).toBe('0 0 1550 840');
    expect(viewBoxOf(geometry, 1550, [])).toBe('0 0 1550 840');
  });

  it('frames the focused municipalities with a margin of 6 % of their larger side', () => {
    expect(viewBoxOf(geometry, 1550, ['0751'])).toBe('94 94 112 62');
  });
});
