import { describe, expect, it } from 'vitest';
import type { RegionMask } from '../../../src/pose/blazepose/blazePoseTracker';
import { MASK_MAX_SIDE_PX, personMask } from '../../../src/pose/blazepose/personMask';
import { PERSON_LEVEL, REGION_MARGIN } from '../../../src/pose/maskRegion';

const FRAME = { widthPx: 640, heightPx: 480 };

/** A 64 x 64 region mask scaled 2x onto the frame at (100, 50), `level` over a block. */
function blockMask(level: number, [from, to]: [number, number], background = 0): RegionMask {
  const probability = new Float32Array(64 * 64).fill(background);
  for (let y = from; y <= to; y++) for (let x = from; x <= to; x++) probability[y * 64 + x] = level;
  return {
    widthPx: 64,
    heightPx: 64,
    probability,
    maskToFrame: { a: 2, b: 0, c: 100, d: 0, e: 2, f: 50 },
  };
}

describe('the person mask handed on from BlazePose', () => {
  it("covers the person's region with a margin, the person inside and background around", () => {
    const [, mask] = personMask(blockMask(1, [20, 39]), FRAME, null);
    // Mask pixels 20..39 lie on frame pixels 140..178 (columns) and 90..128 (rows).
    const margin = REGION_MARGIN * 39;
    expect(mask.region).toEqual({
      leftPx: Math.floor(140 - margin),
      topPx: Math.floor(90 - margin),
      widthPx: Math.ceil(178 + 1 + margin) - Math.floor(140 - margin),
      heightPx: Math.ceil(128 + 1 + margin) - Math.floor(90 - margin),
    });
    const at = (x: number, y: number): number => {
      const region = mask.region!;
      const mx = Math.round(((x - region.leftPx) * mask.widthPx) / region.widthPx);
      const my = Math.round(((y - region.topPx) * mask.heightPx) / region.heightPx);
      return mask.data[my * mask.widthPx + mx] ?? -1;
    };
    expect(at(160, 110)).toBe(255);
    expect(at(region(mask).leftPx + 1, region(mask).topPx + 1)).toBe(0);
  });

  it('finds the person only from pixels at the person level or above', () => {
    const faint = blockMask(PERSON_LEVEL - 0.01, [0, 63]);
    for (let y = 30; y < 34; y++) for (let x = 30; x < 34; x++) faint.probability[y * 64 + x] = 1;
    const [, mask] = personMask(faint, FRAME, null);
    expect(region(mask).widthPx).toBeLessThan(20);
  });

  it('is the whole frame, shrunk to the size limit, when nobody is found', () => {
    const [, mask] = personMask(blockMask(0, [0, 0]), FRAME, null);
    expect(mask.region).toEqual({ leftPx: 0, topPx: 0, ...FRAME });
    expect(Math.max(mask.widthPx, mask.heightPx)).toBe(MASK_MAX_SIDE_PX);
  });

  it('keeps certain pixels and pulls uncertain ones towards the previous mask', () => {
    const [memory] = personMask(blockMask(1, [10, 50]), FRAME, null);
    // Now the block is certain background at its edge and uncertain in its middle.
    const next = blockMask(0.5, [25, 35]);
    const [, mask] = personMask(next, FRAME, memory);
    const r = region(mask);
    const at = (x: number, y: number): number => {
      const mx = Math.round(((x - r.leftPx) * mask.widthPx) / r.widthPx);
      const my = Math.round(((y - r.topPx) * mask.heightPx) / r.heightPx);
      return (mask.data[my * mask.widthPx + mx] ?? 0) / 255;
    };
    // Uncertain (0.5) pixel where the previous mask said person (1): 0.5 + 0.5 * 1 * 0.7.
    expect(at(160, 110)).toBeCloseTo(0.85, 1);
    // Certain background (0) where the previous mask said person: stays background.
    expect(at(148, 110)).toBeLessThan(0.05);
  });
});

function region(mask: ReturnType<typeof personMask>[1]) {
  if (mask.region === undefined) throw new Error('no region');
  return mask.region;
}
