/**
 * How much a picture changed since another, measured cheaply enough to run on every camera
 * frame: the mean brightness of each cell of a coarse grid, and how many cells changed by more
 * than sensor noise does. Pure (no browser API), so the same measure runs in Node over clips.
 */

/** Grid cells across and down: ~20-30 px cells on a 640-720 px picture. */
export const GRID_COLUMNS = 32;
export const GRID_ROWS = 24;
/** Pixels read per cell, on a SAMPLES x SAMPLES lattice: enough to average sensor noise out. */
const SAMPLES = 4;

/** Mean luma (0..255) per cell, row by row. */
export interface LumaGrid {
  readonly columns: number;
  readonly rows: number;
  readonly means: Float32Array;
}

/** A plane to read brightness from: a Y plane (step 1), or one channel of RGBA rows (step 4). */
export interface LumaPlane {
  readonly data: Uint8Array | Uint8ClampedArray;
  /** Byte of the first pixel's brightness value. */
  readonly offset: number;
  readonly stride: number;
  /** Bytes from one pixel to the next in a row. */
  readonly step: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

export function lumaGrid(plane: LumaPlane, columns = GRID_COLUMNS, rows = GRID_ROWS): LumaGrid {
  const means = new Float32Array(columns * rows);
  const { data, offset, stride, step, widthPx, heightPx } = plane;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      let sum = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        const y = Math.min(
          heightPx - 1,
          Math.floor(((row + (sy + 0.5) / SAMPLES) * heightPx) / rows),
        );
        const rowStart = offset + y * stride;
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = Math.min(
            widthPx - 1,
            Math.floor(((column + (sx + 0.5) / SAMPLES) * widthPx) / columns),
          );
          sum += data[rowStart + x * step] ?? 0;
        }
      }
      means[row * columns + column] = sum / (SAMPLES * SAMPLES);
    }
  }
  return { columns, rows, means };
}

/**
 * Cells whose mean moved by more than `levels` between `before` and `after` (grids of the same
 * shape; a different shape counts as every cell changed).
 */
export function changedCells(before: LumaGrid, after: LumaGrid, levels: number): number {
  if (before.columns !== after.columns || before.rows !== after.rows) return after.means.length;
  let changed = 0;
  for (let i = 0; i < after.means.length; i++) {
    if (Math.abs((after.means[i] ?? 0) - (before.means[i] ?? 0)) > levels) changed++;
  }
  return changed;
}
