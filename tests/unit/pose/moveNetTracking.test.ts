import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINT_NAMES } from '../../../src/geometry/types';
import {
  filteredCropRegion,
  initialCropRegion,
  nextCropRegion,
  type CropRegion,
  type NormalizedKeypoint,
} from '../../../src/pose/movenet/cropRegion';
import {
  BLAZEPOSE_KEYPOINT_FILTER,
  filterKeypoints,
  MOVENET_KEYPOINT_FILTER,
  type KeypointFilterConfig,
  type KeypointFilterState,
} from '../../../src/pose/keypointFilter';

/**
 * Our MoveNet crop policy and keypoint smoothing are written again from pose-detection's (so the
 * crop can be cut from the picture first); these tests hold them to pose-detection's own
 * implementation, loaded from the installed package, on random keypoints and tracks.
 */

const require = createRequire(import.meta.url);
interface PdCropRegion extends CropRegion {
  readonly width: number;
  readonly height: number;
}
interface PdKeypoint {
  x: number;
  y: number;
  score: number;
  name?: string;
}
const pdCrop = require('@tensorflow-models/pose-detection/dist/movenet/crop_utils.js') as {
  initCropRegion(first: boolean, size: { width: number; height: number }): PdCropRegion;
  determineNextCropRegion(
    current: PdCropRegion | null,
    keypoints: PdKeypoint[],
    indexByName: Record<string, number>,
    size: { width: number; height: number },
  ): PdCropRegion;
};
const pdFilter =
  require('@tensorflow-models/pose-detection/dist/shared/filters/keypoints_one_euro_filter.js') as {
    KeypointsOneEuroFilter: new (config: object) => {
      apply(keypoints: PdKeypoint[], micros: number, scale: number): PdKeypoint[];
    };
  };

const INDEX_BY_NAME = Object.fromEntries(COCO_KEYPOINT_NAMES.map((name, i) => [name, i]));

const keypointArb = fc.record({
  y: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
  x: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
});
const sizeArb = fc.record({
  widthPx: fc.integer({ min: 16, max: 1920 }),
  heightPx: fc.integer({ min: 16, max: 1920 }),
});

function expectSameRegion(ours: CropRegion, theirs: CropRegion): void {
  for (const edge of ['yMin', 'xMin', 'yMax', 'xMax'] as const)
    expect(ours[edge]).toBeCloseTo(theirs[edge], 9);
}

function expectSameNextCrop(
  kps: NormalizedKeypoint[],
  size: { widthPx: number; heightPx: number },
) {
  const theirs = pdCrop.determineNextCropRegion(
    initialCropRegion(false, size) as PdCropRegion,
    kps.map((k) => ({ ...k })),
    INDEX_BY_NAME,
    { width: size.widthPx, height: size.heightPx },
  );
  expectSameRegion(nextCropRegion(kps, size), theirs);
}

describe('the MoveNet crop', () => {
  it.each([true, false])('first look %s matches pose-detection on any frame shape', (first) => {
    fc.assert(
      fc.property(sizeArb, (size) => {
        expectSameRegion(
          initialCropRegion(first, size),
          pdCrop.initCropRegion(first, { width: size.widthPx, height: size.heightPx }),
        );
      }),
    );
  });

  it('follows the person as pose-detection does, for any keypoints', () => {
    fc.assert(
      fc.property(
        fc.array(keypointArb, { minLength: 17, maxLength: 17 }),
        sizeArb,
        expectSameNextCrop,
      ),
    );
  });

  it('follows a person-sized cluster of keypoints as pose-detection does', () => {
    // A person somewhere in the frame, not spread over all of it: the torso and body ranges decide.
    const personArb = fc
      .record({
        cy: fc.double({ min: 0.3, max: 0.7, noNaN: true }),
        cx: fc.double({ min: 0.3, max: 0.7, noNaN: true }),
        spread: fc.double({ min: 0.02, max: 0.3, noNaN: true }),
        offsets: fc.array(
          fc.tuple(
            fc.double({ min: -1, max: 1, noNaN: true }),
            fc.double({ min: -1, max: 1, noNaN: true }),
            fc.double({ min: 0, max: 1, noNaN: true }),
          ),
          { minLength: 17, maxLength: 17 },
        ),
      })
      .map(({ cy, cx, spread, offsets }) =>
        offsets.map(([dy, dx, score]) => ({ y: cy + dy * spread, x: cx + dx * spread, score })),
      );
    fc.assert(fc.property(personArb, sizeArb, expectSameNextCrop), { numRuns: 300 });
  });

  it('looks at the whole frame, padded square, when no torso is visible', () => {
    const hidden: NormalizedKeypoint[] = COCO_KEYPOINT_NAMES.map(() => ({
      x: 0.5,
      y: 0.5,
      score: 0.1,
    }));
    expect(nextCropRegion(hidden, { widthPx: 640, heightPx: 480 })).toEqual({
      yMin: (240 - 320) / 480,
      xMin: 0,
      yMax: (240 - 320) / 480 + 640 / 480,
      xMax: 1,
    });
  });

  it('eases each edge 90% of the way to the new crop', () => {
    const eased = filteredCropRegion(
      { yMin: 0, xMin: 0, yMax: 1, xMax: 1 },
      { yMin: 0.1, xMin: 0.2, yMax: 0.9, xMax: 0.8 },
    );
    expectSameRegion(eased, { yMin: 0.09, xMin: 0.18, yMax: 0.91, xMax: 0.82 });
  });
});

/**
 * Filters random tracks of `keypoints` points with our filter and pose-detection's
 * KeypointsOneEuroFilter under `config`, the speed scaled by an object (body) size drawn from
 * `objectScale`, and expects the same points.
 */
function expectSameAsPoseDetection(
  config: KeypointFilterConfig,
  keypoints: number,
  objectScale: fc.Arbitrary<number>,
): void {
  fc.assert(
    fc.property(
      fc.array(fc.array(keypointArb, { minLength: keypoints, maxLength: keypoints }), {
        minLength: 2,
        maxLength: 30,
      }),
      fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 30, maxLength: 30 }),
      objectScale,
      (frames, gapsMs, scale) => {
        const theirs = new pdFilter.KeypointsOneEuroFilter({
          ...config,
          minAllowedObjectScale: 1e-6,
        });
        let ours: KeypointFilterState = null;
        let micros = 1_000_000;
        frames.forEach((kps, i) => {
          micros += (gapsMs[i] ?? 33) * 1000;
          const expected = theirs.apply(
            kps.map((k) => ({ ...k })),
            micros,
            scale,
          );
          let got: NormalizedKeypoint[];
          [ours, got] = filterKeypoints(ours, kps, micros, config, 1 / scale);
          got.forEach((k, j) => {
            expect(k.x).toBeCloseTo(expected[j]?.x ?? NaN, 9);
            expect(k.y).toBeCloseTo(expected[j]?.y ?? NaN, 9);
          });
        });
      },
    ),
    { numRuns: 50 },
  );
}

describe('keypoint smoothing', () => {
  it("filters a random track exactly as pose-detection does, with MoveNet's settings", () => {
    expectSameAsPoseDetection(MOVENET_KEYPOINT_FILTER, 17, fc.constant(1));
  });

  it("filters with BlazePose's settings and a body scale exactly as pose-detection does", () => {
    expectSameAsPoseDetection(
      BLAZEPOSE_KEYPOINT_FILTER,
      5,
      fc.double({ min: 0.05, max: 2, noNaN: true }),
    );
  });

  it('passes a frame through unchanged when time does not move forward', () => {
    const kps = [{ x: 0.5, y: 0.5, score: 1 }];
    const [state] = filterKeypoints(null, kps, 2_000_000);
    const [, again] = filterKeypoints(state, [{ x: 0.9, y: 0.1, score: 1 }], 2_000_000);
    expect(again[0]).toEqual({ x: 0.9, y: 0.1, score: 1 });
  });
});
