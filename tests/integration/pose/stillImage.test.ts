import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSE_MODEL_IDS, type Pose } from '../../../src/geometry/types';
import type { PoseEstimator } from '../../../src/pose/types';
import { tfjsFixture } from '../../helpers/fixtures';
import { readImageFile } from '../../helpers/images';
import { loadEstimator, MAJOR_JOINTS } from './estimatorHelpers';

// pose_segmentation.png paints the background red and the person blue.
const referenceMask = readImageFile(tfjsFixture('pose_segmentation.png'));
function isPersonInReference(x: number, y: number): boolean {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= referenceMask.widthPx || py >= referenceMask.heightPx) return false;
  return referenceMask.data[(py * referenceMask.widthPx + px) * 4] === 0;
}

const image = readImageFile(tfjsFixture('pose.jpg'));

describe.each(POSE_MODEL_IDS)('%s on pose.jpg', (model) => {
  let estimator: PoseEstimator;
  let pose: Pose | null;

  beforeAll(async () => {
    estimator = await loadEstimator(model);
    pose = await estimator.estimate(image, 0);
  });
  afterAll(() => estimator.dispose());

  it('finds the person and reports the frame and model', () => {
    expect(pose).not.toBeNull();
    expect(pose?.model).toBe(model);
    expect(pose?.imageSize).toEqual({ widthPx: 1000, heightPx: 667 });
    expect(pose?.inferenceRotationDeg).toBe(0);
  });

  it('puts every major joint on the person, per the reference person mask', () => {
    for (const name of MAJOR_JOINTS) {
      const keypoint = pose?.keypoints[name];
      expect(keypoint, name).toBeDefined();
      expect(isPersonInReference(keypoint?.x ?? -1, keypoint?.y ?? -1), name).toBe(true);
    }
  });

  it('orders the body top to bottom: nose, shoulders, hips, knees, ankles', () => {
    const y = (name: (typeof MAJOR_JOINTS)[number]): number => pose?.keypoints[name]?.y ?? NaN;
    for (const side of ['left', 'right'] as const) {
      expect(y('nose')).toBeLessThan(y(`${side}_shoulder`));
      expect(y(`${side}_shoulder`)).toBeLessThan(y(`${side}_hip`));
      expect(y(`${side}_hip`)).toBeLessThan(y(`${side}_knee`));
      expect(y(`${side}_knee`)).toBeLessThan(y(`${side}_ankle`));
    }
  });
});

describe('blazepose-full extras on pose.jpg', () => {
  it('returns world keypoints and a person mask that matches the reference (IoU > 0.8)', async () => {
    const estimator = await loadEstimator('blazepose-full', { enableSegmentation: true });
    const pose = await estimator.estimate(image, 0);
    estimator.dispose();
    expect(Object.keys(pose?.worldKeypoints ?? {})).toHaveLength(33);
    const mask = pose?.segmentation;
    expect(mask).toBeDefined();
    if (mask === undefined) return;
    expect(Math.max(mask.widthPx, mask.heightPx)).toBeLessThanOrEqual(256);
    // Cut to the person (src/pose/maskRegion.ts), inside the frame.
    const region = mask.region ?? { leftPx: 0, topPx: 0, ...image };
    expect(region.leftPx).toBeGreaterThanOrEqual(0);
    expect(region.topPx).toBeGreaterThanOrEqual(0);
    expect(region.leftPx + region.widthPx).toBeLessThanOrEqual(image.widthPx);
    expect(region.topPx + region.heightPx).toBeLessThanOrEqual(image.heightPx);
    let intersection = 0;
    let union = 0;
    for (let y = 0; y < image.heightPx; y++) {
      for (let x = 0; x < image.widthPx; x++) {
        const mx = Math.floor(((x - region.leftPx) * mask.widthPx) / region.widthPx);
        const my = Math.floor(((y - region.topPx) * mask.heightPx) / region.heightPx);
        const inside = mx >= 0 && my >= 0 && mx < mask.widthPx && my < mask.heightPx;
        const ours = inside && (mask.data[my * mask.widthPx + mx] ?? 0) > 127;
        const reference = isPersonInReference(x, y);
        if (ours && reference) intersection++;
        if (ours || reference) union++;
      }
    }
    // Measured 0.894; 0.8 leaves room for backend rounding while catching a flipped or shifted mask.
    expect(intersection / union).toBeGreaterThan(0.8);
  });
});
