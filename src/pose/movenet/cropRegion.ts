import type { ImageSize } from '../../geometry/types';

/**
 * Where MoveNet looks next: a square around the person found in the last frame, or the whole
 * frame when there is none. The policy is MoveNet's published one (tfjs-models pose-detection,
 * `movenet/crop_utils`, Apache-2.0), written again here so the crop can be cut from the picture
 * before it becomes a tensor (see moveNetTracker.ts). Coordinates are normalised to the frame:
 * 0..1 inside it; a square on a non-square frame reaches outside, which reads as black padding.
 */

export interface CropRegion {
  readonly yMin: number;
  readonly xMin: number;
  readonly yMax: number;
  readonly xMax: number;
}

/** Normalised keypoint with its score, in COCO order (MoveNet's output order). */
export interface NormalizedKeypoint {
  readonly y: number;
  readonly x: number;
  readonly score: number;
}

/** MoveNet's threshold for a keypoint to steer the crop. */
export const MIN_CROP_KEYPOINT_SCORE = 0.2;
/** Low-pass weight of the newest crop (MoveNet's CROP_FILTER_ALPHA): the crop follows fast. */
export const CROP_FILTER_ALPHA = 0.9;

const LEFT_SHOULDER = 5;
const RIGHT_SHOULDER = 6;
const LEFT_HIP = 11;
const RIGHT_HIP = 12;
const TORSO = [LEFT_SHOULDER, RIGHT_SHOULDER, LEFT_HIP, RIGHT_HIP] as const;

/**
 * The first look: a square at the centre of the frame (its short side), which uses the pixels
 * best; after a person is lost, the whole frame padded to a square.
 */
export function initialCropRegion(firstFrame: boolean, size: ImageSize): CropRegion {
  const { widthPx: w, heightPx: h } = size;
  const landscape = w > h;
  if (firstFrame === landscape) {
    // Centre square of a landscape frame, or the padded whole of a portrait one.
    const boxWidth = h / w;
    const xMin = (w / 2 - h / 2) / w;
    return { yMin: 0, xMin, yMax: 1, xMax: xMin + boxWidth };
  }
  const boxHeight = w / h;
  const yMin = (h / 2 - w / 2) / h;
  return { yMin, xMin: 0, yMax: yMin + boxHeight, xMax: 1 };
}

function visible(keypoints: readonly NormalizedKeypoint[], index: number): boolean {
  return (keypoints[index]?.score ?? 0) > MIN_CROP_KEYPOINT_SCORE;
}

/**
 * The next look, from this frame's keypoints: a square centred on the hips, big enough for the
 * torso (x1.9) and every confident joint (x1.2), and no bigger than the frame allows. Without a
 * visible torso (a hip and a shoulder) MoveNet looks at the whole frame again.
 */
export function nextCropRegion(
  keypoints: readonly NormalizedKeypoint[],
  size: ImageSize,
): CropRegion {
  const { widthPx: w, heightPx: h } = size;
  const torsoVisible =
    (visible(keypoints, LEFT_HIP) || visible(keypoints, RIGHT_HIP)) &&
    (visible(keypoints, LEFT_SHOULDER) || visible(keypoints, RIGHT_SHOULDER));
  if (!torsoVisible) return initialCropRegion(false, size);
  const px = (i: number): [number, number] => [
    (keypoints[i]?.y ?? 0) * h,
    (keypoints[i]?.x ?? 0) * w,
  ];
  const [leftHipY, leftHipX] = px(LEFT_HIP);
  const [rightHipY, rightHipX] = px(RIGHT_HIP);
  const centerY = (leftHipY + rightHipY) / 2;
  const centerX = (leftHipX + rightHipX) / 2;
  let torsoY = 0;
  let torsoX = 0;
  for (const i of TORSO) {
    const [y, x] = px(i);
    torsoY = Math.max(torsoY, Math.abs(centerY - y));
    torsoX = Math.max(torsoX, Math.abs(centerX - x));
  }
  let bodyY = 0;
  let bodyX = 0;
  keypoints.forEach((keypoint, i) => {
    if (keypoint.score < MIN_CROP_KEYPOINT_SCORE) return;
    const [y, x] = px(i);
    bodyY = Math.max(bodyY, Math.abs(centerY - y));
    bodyX = Math.max(bodyX, Math.abs(centerX - x));
  });
  let half = Math.max(torsoX * 1.9, torsoY * 1.9, bodyY * 1.2, bodyX * 1.2);
  half = Math.min(half, Math.max(centerX, w - centerX, centerY, h - centerY));
  if (half > Math.max(w, h) / 2) return initialCropRegion(false, size);
  return {
    yMin: (centerY - half) / h,
    xMin: (centerX - half) / w,
    yMax: (centerY + half) / h,
    xMax: (centerX + half) / w,
  };
}

/** Eases the crop towards `next` (a low-pass filter per edge); null starts afresh. */
export function filteredCropRegion(previous: CropRegion | null, next: CropRegion): CropRegion {
  if (previous === null) return next;
  const ease = (a: number, b: number): number => a + CROP_FILTER_ALPHA * (b - a);
  return {
    yMin: ease(previous.yMin, next.yMin),
    xMin: ease(previous.xMin, next.xMin),
    yMax: ease(previous.yMax, next.yMax),
    xMax: ease(previous.xMax, next.xMax),
  };
}
