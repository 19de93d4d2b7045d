import { describe, expect, it } from 'vitest';
import { PERSON_LEVEL, personRegion, REGION_MARGIN } from '../../../src/pose/maskRegion';

/** Per-row or per-column maxima: `level` over [from, to], 0 elsewhere. */
function band(length: number, from: number, to: number, level = 1): number[] {
  return Array.from({ length }, (_, i) => (i >= from && i <= to ? level : 0));
}

describe("the person's region of a mask", () => {
  it('is the extent of the person with a margin of a tenth of its longer side', () => {
    // A person 400 px tall and 100 px wide in a 1920 x 1080 frame.
    const region = personRegion(band(1080, 500, 899), band(1920, 1000, 1099));
    const margin = REGION_MARGIN * 400;
    expect(region).toEqual({
      leftPx: 1000 - margin,
      topPx: 500 - margin,
      widthPx: 100 + 2 * margin,
      heightPx: 400 + 2 * margin,
    });
  });

  it('stays inside the frame', () => {
    const region = personRegion(band(640, 0, 639), band(360, 300, 359));
    expect(region).toEqual({ leftPx: 236, topPx: 0, widthPx: 124, heightPx: 640 });
  });

  it('counts only pixels at the person level or above', () => {
    const faint = band(100, 0, 99, PERSON_LEVEL - 0.01);
    const rows = faint.map((v, i) => (i >= 40 && i < 60 ? 1 : v));
    const region = personRegion(rows, rows);
    expect(region.topPx).toBe(38);
    expect(region.heightPx).toBe(24);
  });

  it('is the whole frame when nobody is in the mask', () => {
    expect(personRegion(band(90, 0, -1), band(160, 0, -1))).toEqual({
      leftPx: 0,
      topPx: 0,
      widthPx: 160,
      heightPx: 90,
    });
  });
});
