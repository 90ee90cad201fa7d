/**
 * `/favicon.ico`: a 16×16 "w" in the pages' link colour. Browsers ask for it
 * on every site; a 404 there fills logs and devtools with noise. Drawn here as
 * text and encoded as a one-image ICO (32-bit BMP), so no binary file has to
 * be bundled or kept in sync.
 */
const DRAWING = [
  ".##############.",
  "################",
  "################",
  "##oo########oo##",
  "##oo########oo##",
  "##oo###oo###oo##",
  "##oo###oo###oo##",
  "##oo###oo###oo##",
  "##oo##oooo##oo##",
  "##oo##oooo##oo##",
  "###oooo##oooo###",
  "###ooo####ooo###",
  "####o######o####",
  "################",
  "################",
  ".##############.",
];
/** BGRA: the link colour of the pages (#0b57a4), white, transparent. */
const COLOURS: Record<string, readonly [number, number, number, number]> = {
  "#": [0xa4, 0x57, 0x0b, 0xff],
  o: [0xff, 0xff, 0xff, 0xff],
  ".": [0, 0, 0, 0],
};
const SIZE = 16;

/** The icon's bytes: ICONDIR, one ICONDIRENTRY, then a BMP with its XOR (colour) and AND (mask) bitmaps. */
export function favicon(): Uint8Array {
  const pixels = SIZE * SIZE * 4;
  const maskRow = 4; // 16 bits, padded to 32
  const imageSize = 40 + pixels + maskRow * SIZE;
  const bytes = new Uint8Array(6 + 16 + imageSize);
  const view = new DataView(bytes.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  bytes[6] = SIZE;
  bytes[7] = SIZE;
  view.setUint16(10, 1, true); // planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, imageSize, true);
  view.setUint32(18, 22, true); // offset of the image
  view.setUint32(22, 40, true); // BITMAPINFOHEADER
  view.setInt32(26, SIZE, true);
  view.setInt32(30, SIZE * 2, true); // XOR and AND bitmaps, stacked
  view.setUint16(34, 1, true);
  view.setUint16(36, 32, true);
  view.setUint32(42, pixels + maskRow * SIZE, true);
  // Rows are stored bottom-up. The alpha channel decides transparency; the AND mask stays 0.
  DRAWING.forEach((row, y) => {
    [...row].forEach((cell, x) => bytes.set(COLOURS[cell]!, 62 + ((SIZE - 1 - y) * SIZE + x) * 4));
  });
  return bytes;
}
