// The QR code of a document's verification URL, as data: the module matrix and the dark runs of each row,
// which the PDF draws as rectangles (vector, sharp at any zoom, a few hundred bytes compressed).
import QRCode from "qrcode";

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** isDark(row, col). */
  isDark: (row: number, col: number) => boolean;
  /** Horizontal runs of dark modules: [row, firstCol, length]. */
  runs: [number, number, number][];
}

/** Error correction M (15 %): a printed, folded and photographed page keeps reading. */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const isDark = (row: number, col: number) => Boolean(modules.get(row, col));
  const runs: [number, number, number][] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!isDark(row, col)) continue;
      const start = col;
      while (col + 1 < size && isDark(row, col + 1)) col++;
      runs.push([row, start, col - start + 1]);
    }
  }
  return { size, isDark, runs };
}
