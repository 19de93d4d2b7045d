import { describe, expect, it } from 'vitest';
import { changedCells, GRID_COLUMNS, GRID_ROWS, lumaGrid } from '../../../src/camera/motion';

function plane(widthPx: number, heightPx: number, at: (x: number, y: number) => number) {
  const data = new Uint8Array(widthPx * heightPx);
  for (let y = 0; y < heightPx; y++)
    for (let x = 0; x < widthPx; x++) data[y * widthPx + x] = at(x, y);
  return { data, offset: 0, stride: widthPx, step: 1, widthPx, heightPx };
}

describe('the brightness grid', () => {
  it('holds the mean brightness of each cell', () => {
    const grid = lumaGrid(plane(640, 480, (x) => (x < 320 ? 40 : 200)));
    expect(grid.means).toHaveLength(GRID_COLUMNS * GRID_ROWS);
    expect(grid.means[0]).toBe(40);
    expect(grid.means[GRID_COLUMNS - 1]).toBe(200);
  });

  it('reads one channel of RGBA rows', () => {
    const data = new Uint8Array(64 * 48 * 4).map((_, i) => (i % 4 === 1 ? 90 : 7));
    const grid = lumaGrid({ data, offset: 1, stride: 64 * 4, step: 4, widthPx: 64, heightPx: 48 });
    expect(grid.means.every((m) => m === 90)).toBe(true);
  });
});

describe('changed cells', () => {
  const still = lumaGrid(plane(640, 480, (x, y) => (x * 3 + y) % 256));

  it('sees none when the picture only has sensor noise', () => {
    // +-2 levels of noise on every pixel, the same scene.
    let seed = 7;
    const noisy = lumaGrid(
      plane(640, 480, (x, y) => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return Math.min(255, Math.max(0, ((x * 3 + y) % 256) + ((seed >>> 16) % 5) - 2));
      }),
    );
    expect(changedCells(still, noisy, 4)).toBe(0);
  });

  it('sees the cells a moving object crosses', () => {
    // A dark 60 x 60 px square appears in the middle.
    const moved = lumaGrid(
      plane(640, 480, (x, y) =>
        x >= 290 && x < 350 && y >= 210 && y < 270 ? 0 : (x * 3 + y) % 256,
      ),
    );
    expect(changedCells(still, moved, 4)).toBeGreaterThanOrEqual(4);
  });

  it('counts every cell when the grids differ in shape', () => {
    const other = lumaGrid(
      plane(64, 48, () => 0),
      8,
      6,
    );
    expect(changedCells(still, other, 4)).toBe(48);
  });
});
