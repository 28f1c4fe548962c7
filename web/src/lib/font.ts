/**
 * The one typeface: Inter (SIL Open Font License), served with the app, so every machine draws the
 * same letters (system-ui is DejaVu Sans on a Linux projector laptop, Segoe UI on Windows) and the
 * exported figures match the screen. One file: the Latin subset as a variable-weight woff2 (47 KB),
 * declared in app.css with font-display: swap, so it never holds back the first paint.
 */
import interUrl from '@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?url';

/** The family as SVG text names it; app.css names the same one for the page. */
export const FONT_FAMILY = "'Inter Variable', system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

let embedded: Promise<string> | null = null;

/**
 * The font as an @font-face rule with the file inside it, for an exported SVG: a file opened
 * elsewhere, or an SVG drawn as an image for a PNG, cannot fetch the page's font.
 */
export function embeddedFontFace(): Promise<string> {
  embedded ??= fetch(interUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`font: ${response.status}`);
      return response.arrayBuffer();
    })
    .then((buffer) => {
      let binary = '';
      const bytes = new Uint8Array(buffer);
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return `@font-face{font-family:'Inter Variable';font-weight:100 900;src:url(data:font/woff2;base64,${btoa(binary)}) format('woff2')}`;
    })
    .catch((error: unknown) => {
      embedded = null;
      throw error;
    });
  return embedded;
}
