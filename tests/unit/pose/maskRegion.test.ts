import { describe, expect, it } from 'vitest';
import { REGION_MARGIN, regionAround } from '../../../src/pose/maskRegion';

describe("the person's region of a mask", () => {
  it('is the extent of the person with a margin of a tenth of its longer side', () => {
    // A person 400 px tall and 100 px wide in a 1920 x 1080 frame.
    const region = regionAround(
      { rows: [500, 899], columns: [1000, 1099] },
      { widthPx: 1920, heightPx: 1080 },
    );
    const margin = REGION_MARGIN * 400;
    expect(region).toEqual({
      leftPx: 1000 - margin,
      topPx: 500 - margin,
      widthPx: 100 + 2 * margin,
      heightPx: 400 + 2 * margin,
    });
  });

  it('stays inside the frame', () => {
    const region = regionAround(
      { rows: [0, 639], columns: [300, 359] },
      { widthPx: 360, heightPx: 640 },
    );
    expect(region).toEqual({ leftPx: 236, topPx: 0, widthPx: 124, heightPx: 640 });
  });

  it('is the whole frame when nobody is in the mask', () => {
    expect(regionAround(null, { widthPx: 160, heightPx: 90 })).toEqual({
      leftPx: 0,
      topPx: 0,
      widthPx: 160,
      heightPx: 90,
    });
  });
});
