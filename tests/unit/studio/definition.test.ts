import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ankleFlexionDeg,
  hipFlexionDeg,
  isAvailable,
  kneeAngleDeg,
  legRaiseDeg,
  neckFlexionDeg,
  trunkInclinationDeg,
  type Measured,
  type Side,
} from '../../../src/geometry';
import { armBehindBack, measureBackContour } from '../../../src/geometry/backContour';
import {
  COCO_KEYPOINT_NAMES,
  KEYPOINT_NAMES,
  type Keypoint,
  type Pose,
} from '../../../src/geometry/types';
import {
  decodeSilhouettes,
  LANDMARK_INSIDE,
  readStudioTruth,
  type StudioTruth,
  type StudioTruthFrame,
} from '../../../scripts/eval/studioTruth';

/**
 * The studio's definition check: the app's own geometry, run on a sidecar's exact keypoints,
 * gives back the sidecar's 2-D truth angles, and its back-outline code on the exact silhouette
 * gives back the stored curl. If the app's geometry changes its definitions, this fails and the
 * studio's sets must be rendered again.
 */
const FIXTURE = new URL('../../fixtures/studio/', import.meta.url);
const truth: StudioTruth = readStudioTruth(
  JSON.parse(readFileSync(new URL('sample-standing-hamstring.truth.json', FIXTURE), 'utf8')),
);
const silhouettes = decodeSilhouettes(
  new Uint8Array(readFileSync(new URL(truth.clip.silhouettes, FIXTURE))),
);
/** The sidecar keeps keypoints to 0.001 px and angles to 0.0001°: far inside this. */
const TOLERANCE_DEG = 0.05;

function poseOf(frame: StudioTruthFrame, withMask: boolean): Pose {
  const position = truth.frames.indexOf(frame);
  const keypoints: Partial<Record<(typeof KEYPOINT_NAMES)[number], Keypoint>> = {};
  KEYPOINT_NAMES.forEach((name, i) => {
    const [x, y] = frame.blazepose[i] ?? [NaN, NaN];
    keypoints[name] = { x, y, score: 1 };
  });
  return {
    keypoints,
    score: 1,
    imageSize: { widthPx: truth.clip.widthPx, heightPx: truth.clip.heightPx },
    model: 'movenet-thunder',
    timestampMs: frame.timestampMs,
    inferenceRotationDeg: 0,
    ...(withMask
      ? {
          segmentation: {
            widthPx: silhouettes.widthPx,
            heightPx: silhouettes.heightPx,
            data: silhouettes.mask(position),
          },
        }
      : {}),
  };
}

function expectSame(measure: Measured<number>, stored: number | null): void {
  if (stored === null) {
    expect(isAvailable(measure)).toBe(false);
    return;
  }
  expect(isAvailable(measure)).toBe(true);
  expect(Math.abs((measure.value ?? NaN) - stored)).toBeLessThan(TOLERANCE_DEG);
}

describe('studio truth: the definition check', () => {
  it('has a sample with frames in and out of the picture, and faults', () => {
    expect(truth.frames.length).toBeGreaterThanOrEqual(6);
    expect(truth.frames.some((f) => !f.wholeBodyInFrame)).toBe(true);
    expect(truth.frames.some((f) => f.faults.length > 0)).toBe(true);
    expect(silhouettes.frameCount).toBe(truth.frames.length);
  });

  it.each(truth.frames.map((f) => [f.index, f] as const))(
    "frame %i: the app's angles on the exact keypoints are the 2-D truth",
    (_index, frame) => {
      const pose = poseOf(frame, false);
      const near = frame.nearSide;
      const a = frame.angles2d;
      for (const side of ['left', 'right'] as const satisfies readonly Side[]) {
        expectSame(hipFlexionDeg(pose, side, 0.5), a.hipFlexionDeg[side]);
        expectSame(kneeAngleDeg(pose, side, near, 0.5), a.kneeAngleDeg[side]);
        expectSame(ankleFlexionDeg(pose, side, 0.5), a.ankleFlexionDeg[side]);
        if (frame.orientation === 'lying')
          expectSame(legRaiseDeg(pose, side, 0.5), a.legRaiseDeg[side]);
      }
      expectSame(neckFlexionDeg(pose, near, near, 0.5), a.neckFlexionDeg);
      expectSame(trunkInclinationDeg(pose, near, 0.5), a.trunkInclinationDeg);
    },
  );

  it.each(truth.frames.map((f) => [f.index, f] as const))(
    "frame %i: the app's back outline on the exact silhouette is the stored curl",
    (_index, frame) => {
      const pose = poseOf(frame, true);
      const near = frame.nearSide;
      const at = (name: (typeof KEYPOINT_NAMES)[number]): { x: number; y: number } => {
        const [x, y, flags] = frame.blazepose[KEYPOINT_NAMES.indexOf(name)] ?? [NaN, NaN, 0];
        return flags & LANDMARK_INSIDE ? { x, y } : { x: NaN, y: NaN };
      };
      const hip = at(`${near}_hip`);
      const shoulder = at(`${near}_shoulder`);
      const arms = (['left_elbow', 'right_elbow', 'left_wrist', 'right_wrist'] as const)
        .map(at)
        .filter((p) => Number.isFinite(p.x));
      const seen = Number.isFinite(hip.x) && Number.isFinite(shoulder.x);
      const contour =
        seen && !armBehindBack(arms, hip, shoulder, near) && pose.segmentation !== undefined
          ? measureBackContour(pose.segmentation, pose.imageSize, hip, shoulder, near)
          : null;
      if (frame.backCurlDeg === null) {
        expect(contour).toBeNull();
      } else {
        expect(contour).not.toBeNull();
        expect(Math.abs((contour?.curlDeg ?? NaN) - frame.backCurlDeg)).toBeLessThan(TOLERANCE_DEG);
      }
    },
  );

  it("MoveNet's 17 points are BlazePose's points of the same names", () => {
    for (const frame of truth.frames) {
      COCO_KEYPOINT_NAMES.forEach((name, i) => {
        expect(frame.movenet[i]).toEqual(frame.blazepose[KEYPOINT_NAMES.indexOf(name)]);
      });
    }
  });

  it('silhouettes survive their run-length coding', async () => {
    const { encodeSilhouette, packSilhouettes } = await import('../../../scripts/eval/studioTruth');
    const mask = silhouettes.mask(2);
    const again = decodeSilhouettes(
      packSilhouettes(silhouettes.widthPx, silhouettes.heightPx, [encodeSilhouette(mask)]),
    );
    expect(again.mask(0)).toEqual(mask);
    expect(mask.some((v) => v === 255)).toBe(true);
  });
});
