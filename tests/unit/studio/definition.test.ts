import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINT_NAMES, KEYPOINT_NAMES } from '../../../src/geometry/types';
import { frameDefinitionMismatches } from '../../../scripts/eval/studioDefinition';
import {
  decodeSilhouettes,
  encodeSilhouette,
  packSilhouettes,
  readStudioTruth,
  type StudioTruth,
} from '../../../scripts/eval/studioTruth';

/**
 * The studio's definition check: the app's own geometry, run on a sidecar's exact keypoints,
 * gives back the sidecar's 2-D truth angles, and its back-outline code on the exact silhouette
 * gives back the stored curl (to 0.05°). If the app's geometry changes its definitions, this
 * fails and the studio's sets must be rendered again. `npm run studio -- check DIR` runs the same
 * comparison over every frame of a rendered set.
 */
const FIXTURE = new URL('../../fixtures/studio/', import.meta.url);
const truth: StudioTruth = readStudioTruth(
  JSON.parse(readFileSync(new URL('sample-standing-hamstring.truth.json', FIXTURE), 'utf8')),
);
const silhouettes = decodeSilhouettes(
  new Uint8Array(readFileSync(new URL(truth.clip.silhouettes, FIXTURE))),
);

describe('studio truth: the definition check', () => {
  it('has a sample with frames in and out of the picture, back curls and faults', () => {
    expect(truth.frames.length).toBeGreaterThanOrEqual(6);
    expect(truth.frames.some((f) => !f.wholeBodyInFrame)).toBe(true);
    expect(truth.frames.some((f) => f.faults.length > 0)).toBe(true);
    expect(truth.frames.filter((f) => f.backCurlDeg !== null).length).toBeGreaterThanOrEqual(3);
    expect(silhouettes.frameCount).toBe(truth.frames.length);
  });

  it.each(truth.frames.map((f, position) => [f.index, position] as const))(
    "frame %i: the app's angles on the exact keypoints and its curl on the exact silhouette are the truth",
    (_index, position) => {
      expect(frameDefinitionMismatches(truth, position, silhouettes)).toEqual([]);
    },
  );

  it('notices a stored angle or curl the app does not read', () => {
    const frame = truth.frames.findIndex(
      (f) => f.backCurlDeg !== null && f.angles2d.kneeAngleDeg.left !== null,
    );
    const original = truth.frames[frame];
    if (original === undefined) throw new Error('no frame with a curl and a left knee');
    const knee = original.angles2d.kneeAngleDeg;
    const tampered: StudioTruth = {
      ...truth,
      frames: truth.frames.map((f, i) =>
        i !== frame
          ? f
          : {
              ...f,
              angles2d: {
                ...f.angles2d,
                kneeAngleDeg: { ...knee, left: (knee.left ?? 0) + 0.1 },
              },
              backCurlDeg: (f.backCurlDeg ?? 0) - 0.1,
            },
      ),
    };
    expect(frameDefinitionMismatches(tampered, frame, silhouettes).map((m) => m.what)).toEqual([
      'kneeAngleDeg.left',
      'backCurlDeg',
    ]);
  });

  it("MoveNet's 17 points are BlazePose's points of the same names", () => {
    for (const frame of truth.frames) {
      COCO_KEYPOINT_NAMES.forEach((name, i) => {
        expect(frame.movenet[i]).toEqual(frame.blazepose[KEYPOINT_NAMES.indexOf(name)]);
      });
    }
  });

  it('silhouettes survive their run-length coding', () => {
    const mask = silhouettes.mask(2);
    const again = decodeSilhouettes(
      packSilhouettes(silhouettes.widthPx, silhouettes.heightPx, [encodeSilhouette(mask)]),
    );
    // Byte for byte (a deep equal over 300k elements takes seconds).
    expect(Buffer.compare(again.mask(0), mask)).toBe(0);
    expect(mask.some((v) => v === 255)).toBe(true);
  });
});
