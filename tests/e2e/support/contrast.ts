/** WCAG 2.2 contrast (success criterion 1.4.3) from CSS computed colours. */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parse a computed colour, which Chromium serialises as `rgb(r, g, b)` or `rgba(r, g, b, a)`. */
export function parseComputedColor(value: string): Rgba {
  const match = /^rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)$/.exec(value);
  if (!match) throw new Error(`computed colour "${value}", expected rgb(r, g, b) or rgba(r, g, b, a)`);
  const [r, g, b, a] = match.slice(1).map((part) => (part === undefined ? 1 : Number(part)));
  return { r: r!, g: g!, b: b!, a: a! };
}

/** `top` painted over the opaque `bottom`. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const [light, dark] = [relativeLuminance(foreground), relativeLuminance(background)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** 4.5:1, or 3:1 for large text: at least 24 px, or 18.66 px (14 pt) when bold. */
export function requiredContrast(fontSizePx: number, fontWeight: number): number {
  const large = fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
  return large ? 3 : 4.5;
}
