import { create } from 'qrcode';

/** The modules, dark = true, row by row (`modules[y][x]`), without the quiet zone around them. */
export interface QrCode {
  version: number;
  size: number;
  mask: number;
  modules: boolean[][];
}

/**
 * A QR code (ISO/IEC 18004) for a member card's scan payload, encoded by the `qrcode` package at
 * error correction level M (readable with a scuffed phone screen; the payload is short). Pure: no
 * DOM, so the wallet draws it as SVG and Node tests check it.
 */
export function qrCode(text: string): QrCode {
  const symbol = create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = symbol.modules;
  const modules = Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) => data[y * size + x] === 1),
  );
  return { version: symbol.version, size, mask: symbol.maskPattern ?? 0, modules };
}

/** The dark modules as one SVG path (a 1×1 square each), for a viewBox with a `quiet`-module margin. */
export function qrPath(code: QrCode, quiet = 4): string {
  const parts: string[] = [];
  code.modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + quiet},${y + quiet}h1v1h-1z`);
    }),
  );
  return parts.join('');
}
