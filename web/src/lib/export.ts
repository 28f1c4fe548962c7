/**
 * Figures for the minutes: an on-screen SVG (map or chart) composed with a title, a legend and a
 * source line into one standalone SVG, and from that a PNG. Also CSV files that Danish Excel opens
 * (UTF-8 BOM, semicolons). Everything happens in the browser; nothing is sent anywhere.
 */
import { i18n } from './i18n.svelte.ts';
import { embeddedFontFace, FONT_FAMILY } from './font.ts';
import { PATTERN_MARKS, type Paint } from './map/paint.ts';

export interface FigureLegendItem {
  paint: Paint;
  zeroQuota?: boolean;
  label: string;
  count?: number | string;
}

export interface Figure {
  title: string;
  subtitle: string;
  legend: FigureLegendItem[];
  /** Source lines at the foot: the data, and the map's credit when the figure is a map. */
  sources: string[];
}

const WIDTH = 1600;
const MARGIN = 40;
const HEADER = 110;
const FOOTER = 28;
/** The height of a legend row and of a source line. */
const ROW = { legend: 34, source: 22 };
const FONT = FONT_FAMILY.replaceAll("'", '');

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A standalone SVG document: the figure scaled into the page, legend beside it. The figure must
 * carry its own presentation attributes (fill, stroke), as the map and charts do, since page CSS
 * does not travel with the file.
 */
export function composeFigure(figure: SVGSVGElement, { title, subtitle, legend, sources }: Figure): string {
  const viewBox = figure.viewBox.baseVal;
  const legendWidth = legend.length > 0 ? 380 : 0;
  const figureWidth = WIDTH - 2 * MARGIN - legendWidth;
  const scale = figureWidth / viewBox.width;
  const figureHeight = viewBox.height * scale;
  const height = HEADER + Math.max(figureHeight, legend.length * ROW.legend) + FOOTER + sources.length * ROW.source;

  const clone = figure.cloneNode(true) as SVGSVGElement;
  // Interaction-only attributes mean nothing in a file.
  for (const element of clone.querySelectorAll('[tabindex],[role],[aria-label],[aria-pressed]')) {
    for (const name of ['tabindex', 'role', 'aria-label', 'aria-pressed', 'class']) element.removeAttribute(name);
  }
  // The file's own font (see withFont) reaches the figure's text only without a font of its own.
  for (const element of clone.querySelectorAll('[font-family]')) element.removeAttribute('font-family');
  clone.removeAttribute('class');
  clone.setAttribute('x', String(MARGIN));
  clone.setAttribute('y', String(HEADER));
  clone.setAttribute('width', String(figureWidth));
  clone.setAttribute('height', String(figureHeight));
  const inner = new XMLSerializer().serializeToString(clone);

  const legendX = WIDTH - MARGIN - legendWidth + 20;
  const legendRows = legend
    .map((item, i) => {
      const y = HEADER + 10 + i * ROW.legend;
      const pattern = item.paint.pattern ? `<rect x="${legendX}" y="${y}" width="22" height="22" rx="3" fill="url(#legend-${item.paint.pattern})"/>` : '';
      const hatch = item.zeroQuota ? `<rect x="${legendX}" y="${y}" width="22" height="22" rx="3" fill="url(#legend-diagonal)"/>` : '';
      const count = item.count === undefined ? '' : `<text x="${WIDTH - MARGIN}" y="${y + 17}" text-anchor="end" font-weight="700" font-size="20">${escape(String(item.count))}</text>`;
      return `<rect x="${legendX}" y="${y}" width="22" height="22" rx="3" fill="${item.paint.colour}" stroke="#000" stroke-opacity="0.2"/>${pattern}${hatch}<text x="${legendX + 32}" y="${y + 17}" font-size="18">${escape(item.label)}</text>${count}`;
    })
    .join('');
  const patternDefs = Object.entries(PATTERN_MARKS)
    .map(
      ([name, p]) =>
        `<pattern id="legend-${name}" width="${p.size}" height="${p.size}" patternUnits="userSpaceOnUse"${p.rotate ? ` patternTransform="rotate(${p.rotate})"` : ''}>${p.marks}</pattern>`,
    )
    .join('');

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${Math.ceil(height)}" viewBox="0 0 ${WIDTH} ${Math.ceil(height)}" font-family="${FONT}" fill="#18222e">`,
    `<title>${escape(title)} – ${escape(subtitle)}</title>`,
    `<defs>${patternDefs}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${MARGIN}" y="58" font-size="34" font-weight="700">${escape(title)}</text>`,
    `<text x="${MARGIN}" y="92" font-size="22" fill="#4d5968">${escape(subtitle)}</text>`,
    inner,
    legendRows,
    ...sources.map(
      (line, i) =>
        `<text x="${MARGIN}" y="${Math.ceil(height) - 20 - (sources.length - 1 - i) * ROW.source}" font-size="15" fill="#4d5968">${escape(line)}</text>`,
    ),
    `</svg>`,
  ].join('\n');
}

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The figure with the app's font inside, so it looks the same wherever it is opened. */
async function withFont(svg: string): Promise<string> {
  const fontFace = await embeddedFontFace();
  return svg.replace(/(<svg\b[^>]*>)/, `$1<style>${fontFace}</style>`);
}

export async function downloadSvg(svg: string, fileName: string): Promise<void> {
  download(new Blob([await withFont(svg)], { type: 'image/svg+xml;charset=utf-8' }), fileName);
}

/** Renders the SVG onto a canvas at twice its size and stores the title in the PNG's metadata. */
export async function svgToPng(svg: string, title: string, scale = 2): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([await withFont(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * scale;
    canvas.height = image.naturalHeight * scale;
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(i18n.t('export.pngFailed')))), 'image/png'),
    );
    return withPngText(png, 'Title', title);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downloadPng(svg: string, title: string, fileName: string): Promise<void> {
  download(await svgToPng(svg, title), fileName);
}

/** What a figure is saved as: a picture (PNG), a drawing (SVG), or its numbers (CSV). */
export const FIGURE_FORMATS = ['png', 'svg', 'csv'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

/** Rows as CSV for Danish Excel: BOM, semicolons, CRLF; formula-like cells are defused. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  const cell = (value: string | number | null | undefined) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${rows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function downloadCsv(rows: (string | number | null | undefined)[][], fileName: string): void {
  download(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}

/** Inserts a tEXt chunk after IHDR, so the title travels inside the image file. */
async function withPngText(png: Blob, keyword: string, text: string): Promise<Blob> {
  const bytes = new Uint8Array(await png.arrayBuffer());
  // PNG text chunks are Latin-1; characters outside it become "?".
  const payload = new TextEncoder().encode(`${keyword}\0`);
  const latin1 = Uint8Array.from(text, (c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63));
  const data = new Uint8Array(payload.length + latin1.length);
  data.set(payload);
  data.set(latin1, payload.length);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set([0x74, 0x45, 0x58, 0x74], 4); // "tEXt"
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  const ihdrEnd = 8 + 12 + new DataView(bytes.buffer).getUint32(8);
  return new Blob([bytes.subarray(0, ihdrEnd), chunk, bytes.subarray(ihdrEnd)], { type: 'image/png' });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
