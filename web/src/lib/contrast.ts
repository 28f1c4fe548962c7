/**
 * Text drawn on a coloured fill (a bar's count, a category swatch) in white or in ink, whichever
 * stands out more by WCAG 2 contrast: a palette can change (a colour-blind-safe set, a partner's
 * brand) without any label turning unreadable.
 */
export const INK = '#18222e';
export const WHITE = '#ffffff';

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (at: number) => {
    const value = parseInt(hex.slice(at, at + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

export function textOn(fill: string): typeof INK | typeof WHITE {
  return contrast(WHITE, fill) >= contrast(INK, fill) ? WHITE : INK;
}
