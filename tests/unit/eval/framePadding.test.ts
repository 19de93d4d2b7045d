import { describe, expect, it } from 'vitest';
import { DETECTION_MARGIN, padWithBackground, unpadPose } from '../../../scripts/eval/framePadding';
import { estimateWithAutoRotation } from '../../../scripts/eval/pipeline';
import { curlSagittaRatio, ROUNDED_AT } from '../../../src/geometry';
import { FIRST_STATION, LAST_STATION } from '../../../src/geometry/backContour';
import { roundingFromBackContour } from '../../../src/geometry/rounding';
import type { Pose } from '../../../src/geometry/types';
import type { PixelFrame, PoseEstimator, PoseFrame } from '../../../src/pose/types';
import { maskFrom, sideViewPose, translatePose } from '../../helpers/syntheticPose';

/** A grey picture with a dark block where the body would be. */
function picture(widthPx: number, heightPx: number): PixelFrame {
  const data = new Uint8Array(widthPx * heightPx * 3).fill(200);
  for (let y = 2; y < heightPx - 2; y++) {
    for (let x = 2; x < widthPx - 2; x++)
      data.fill(20, (y * widthPx + x) * 3, (y * widthPx + x) * 3 + 3);
  }
  return { widthPx, heightPx, channels: 3, data };
}

function pixel(frame: PixelFrame, x: number, y: number): number[] {
  const i = (y * frame.widthPx + x) * frame.channels;
  return [...frame.data.subarray(i, i + frame.channels)];
}

describe('a margin around a still image', () => {
  it('adds an eighth of the longer side on each side, in the border colour, the picture kept', () => {
    const original = picture(80, 120);
    const padded = padWithBackground(original);
    expect(padded.offsetXPx).toBe(Math.round(120 * DETECTION_MARGIN));
    expect(padded.frame.widthPx).toBe(80 + 2 * padded.offsetXPx);
    expect(padded.frame.heightPx).toBe(120 + 2 * padded.offsetYPx);
    // The outermost rows and columns are grey (200), so the margin is too.
    expect(pixel(padded.frame, 0, 0)).toEqual([200, 200, 200]);
    expect(pixel(padded.frame, padded.frame.widthPx - 1, 7)).toEqual([200, 200, 200]);
    for (const [x, y] of [
      [0, 0],
      [40, 60],
      [79, 119],
      [3, 100],
    ] as const) {
      expect(pixel(padded.frame, x + padded.offsetXPx, y + padded.offsetYPx)).toEqual(
        pixel(original, x, y),
      );
    }
  });

  it('moves a pose found in the padded frame back: keypoints, image size and mask region', () => {
    // An upright trunk, hips at (128, 200), shoulders 120 px above, its back (on the left)
    // bowed through 30°: the rounded line. Found in a frame with a 40 px margin, mask and all.
    const size = { widthPx: 256, heightPx: 256 };
    const margin = 40;
    const original = sideViewPose({
      model: 'blazepose-full',
      hip: { x: 128, y: 200 },
      scalePx: 120,
      imageSize: size,
      armDeg: 180,
    });
    const span = (LAST_STATION - FIRST_STATION) * 120;
    const sagittaPx = curlSagittaRatio(ROUNDED_AT.backContourCurlDeg) * span;
    const body = (x: number, y: number): boolean => {
      const t = (200 - y) / 120;
      const u = (t - FIRST_STATION) / (LAST_STATION - FIRST_STATION);
      const depth = 30 + sagittaPx * 4 * u * (1 - u);
      return t > -0.2 && t < 1.3 && 128 - x <= depth && 128 - x >= -40;
    };
    const paddedSize = { widthPx: 256 + 2 * margin, heightPx: 256 + 2 * margin };
    const found: Pose = {
      ...translatePose(original, margin, margin),
      imageSize: paddedSize,
      segmentation: maskFrom(paddedSize.widthPx, paddedSize.heightPx, (x, y) =>
        body(x - margin, y - margin),
      ),
    };
    const padded = {
      frame: { ...paddedSize, channels: 3 as const, data: new Uint8Array(0) },
      offsetXPx: margin,
      offsetYPx: margin,
    };
    const back = unpadPose(found, padded, size);
    expect(back.imageSize).toEqual(size);
    expect(back.keypoints.right_knee?.x).toBeCloseTo(original.keypoints.right_knee?.x ?? NaN, 9);
    expect(back.keypoints.right_knee?.y).toBeCloseTo(original.keypoints.right_knee?.y ?? NaN, 9);
    expect(back.segmentation?.region).toEqual({ leftPx: -margin, topPx: -margin, ...paddedSize });
    // The back outline is read from the same mask pixels, at the rounded line.
    const rounding = roundingFromBackContour(back, 'right', 0.5);
    expect(rounding.value?.method).toBe('back-contour');
    expect(rounding.value?.index ?? NaN).toBeCloseTo(1, 1);
  });
});

describe('the eval pipeline on a still image', () => {
  const SIZE = { widthPx: 400, heightPx: 600 };

  /** Finds the body only when the frame has room around it, as BlazePose on a tight crop. */
  function needsMargin(calls: PoseFrame[]): PoseEstimator {
    return {
      model: 'blazepose-full',
      backend: { name: 'wasm', failedAttempts: [], simd: null, threads: null },
      estimate: (frame) => {
        calls.push(frame);
        const { widthPx, heightPx } = frame as PixelFrame;
        if (widthPx <= SIZE.widthPx) return Promise.resolve(null);
        const margin = (widthPx - SIZE.widthPx) / 2;
        const body = sideViewPose({ hip: { x: 200, y: 250 }, scalePx: 150, imageSize: SIZE });
        return Promise.resolve({
          ...translatePose(body, margin, margin),
          imageSize: { widthPx, heightPx },
        } satisfies Pose);
      },
      reset: () => undefined,
      diagnostics: () => Promise.resolve({ numTensors: 0, numBytes: 0 }),
      dispose: () => undefined,
    };
  }

  it('tries a margin once no turn finds the leg, and gives the pose in the picture', async () => {
    const calls: PoseFrame[] = [];
    const frame = picture(SIZE.widthPx, SIZE.heightPx);
    const result = await estimateWithAutoRotation(needsMargin(calls), frame, 0, {
      minScore: 0.5,
      startRotationDeg: 0,
      retryWithoutChain: true,
    });
    expect(result.padded).toBe(true);
    expect(result.first).toBeNull();
    expect(result.inferences).toBe(calls.length);
    expect(result.pose?.imageSize).toEqual(SIZE);
    const expected = sideViewPose({ hip: { x: 200, y: 250 }, scalePx: 150, imageSize: SIZE });
    expect(result.pose?.keypoints.right_ankle?.x).toBeCloseTo(
      expected.keypoints.right_ankle?.x ?? NaN,
      9,
    );
  });

  it('does not pad video frames, where a hidden leg would cost an inference every frame', async () => {
    const calls: PoseFrame[] = [];
    const result = await estimateWithAutoRotation(
      needsMargin(calls),
      picture(SIZE.widthPx, SIZE.heightPx),
      0,
      { minScore: 0.5, startRotationDeg: 0, retryWithoutChain: false },
    );
    expect(result.padded).toBe(false);
    expect(result.pose).toBeNull();
    expect(calls.every((f) => (f as PixelFrame).widthPx === SIZE.widthPx)).toBe(true);
  });
});
