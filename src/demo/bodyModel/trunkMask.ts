import type { Side } from '../../geometry/measures';
import type { ImageRegion, ImageSize, Pose, SegmentationMask } from '../../geometry/types';
import type { Vec2 } from '../../geometry/vectors';

/**
 * A person mask of the trunk alone, as BlazePose's segmentation would show it side-on: a band
 * around the hip -> shoulder line whose back edge bows out by `curlDeg` (a circular arc turning
 * through that angle between the stations geometry reads, ~L5 to C7) and is straight at 0.
 *
 * Only the trunk: geometry reads the mask along the back between the hip and a little past the
 * shoulder (geometry/backContour.ts), so the limbs and head would add pixels nobody looks at. The
 * mask is cut to the trunk's box (`region`), one mask pixel to `MASK_STEP_PX` image pixels.
 */
export interface TrunkMaskInput {
  readonly hip: Vec2;
  readonly shoulder: Vec2;
  /** Unit image vector of the body's front; the back is the other way. */
  readonly front: Vec2;
  /** How far the back outline turns: 0 = a long, flat back; 30 = geometry's "rounded" line. */
  readonly curlDeg: number;
  readonly image: ImageSize;
}

/** Image pixels per mask pixel. */
const MASK_STEP_PX = 2;
/** The trunk's depth either side of the hip -> shoulder line, as a share of that line. */
const BACK_DEPTH = 0.25;
const FRONT_DEPTH = 0.3;
/** Where along the line the trunk starts and ends (below the hip, past the shoulder). */
const FROM_T = -0.2;
const TO_T = 1.3;
/** The stations geometry fits its arc over (geometry/backContour.ts FIRST/LAST_STATION). */
const ARC_FROM_T = 0.1;
const ARC_TO_T = 1.1;

export function trunkMask(input: TrunkMaskInput): SegmentationMask | undefined {
  const { hip, shoulder, front, curlDeg, image } = input;
  const cx = shoulder.x - hip.x;
  const cy = shoulder.y - hip.y;
  const chord = Math.hypot(cx, cy);
  if (!(chord > 0)) return undefined;
  const along = { x: cx / chord, y: cy / chord };
  // The perpendicular pointing away from the front: the back.
  let back = { x: -along.y, y: along.x };
  if (back.x * front.x + back.y * front.y > 0) back = { x: -back.x, y: -back.y };
  // Sagitta of a circular arc turning through curlDeg over the span: span · tan(φ/4) / 2.
  const span = (ARC_TO_T - ARC_FROM_T) * chord;
  const sagitta = (span * Math.tan((curlDeg * Math.PI) / 180 / 4)) / 2;
  const backDepth = (t: number): number => {
    const u = (t - ARC_FROM_T) / (ARC_TO_T - ARC_FROM_T);
    return BACK_DEPTH * chord + sagitta * 4 * u * (1 - u);
  };

  const region = trunkBox(hip, along, back, chord, sagitta, image);
  if (region === null) return undefined;
  const widthPx = Math.ceil(region.widthPx / MASK_STEP_PX);
  const heightPx = Math.ceil(region.heightPx / MASK_STEP_PX);
  const data = new Uint8Array(widthPx * heightPx);
  for (let my = 0; my < heightPx; my++) {
    for (let mx = 0; mx < widthPx; mx++) {
      const x = region.leftPx + (mx + 0.5) * MASK_STEP_PX - hip.x;
      const y = region.topPx + (my + 0.5) * MASK_STEP_PX - hip.y;
      const t = (x * along.x + y * along.y) / chord;
      if (t < FROM_T || t > TO_T) continue;
      const behind = x * back.x + y * back.y;
      if (behind <= backDepth(t) && behind >= -FRONT_DEPTH * chord) data[my * widthPx + mx] = 255;
    }
  }
  return {
    widthPx,
    heightPx,
    data,
    region: { ...region, widthPx: widthPx * MASK_STEP_PX, heightPx: heightPx * MASK_STEP_PX },
  };
}

/** The image box around the trunk band, clamped to the image; null when it is off-image. */
function trunkBox(
  hip: Vec2,
  along: Vec2,
  back: Vec2,
  chord: number,
  sagitta: number,
  image: ImageSize,
): ImageRegion | null {
  const corners: Vec2[] = [];
  for (const t of [FROM_T, TO_T]) {
    for (const n of [-FRONT_DEPTH * chord, BACK_DEPTH * chord + Math.max(0, sagitta) + 2]) {
      corners.push({
        x: hip.x + along.x * t * chord + back.x * n,
        y: hip.y + along.y * t * chord + back.y * n,
      });
    }
  }
  const left = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.x))));
  const top = Math.max(0, Math.floor(Math.min(...corners.map((p) => p.y))));
  const right = Math.min(image.widthPx, Math.ceil(Math.max(...corners.map((p) => p.x))));
  const bottom = Math.min(image.heightPx, Math.ceil(Math.max(...corners.map((p) => p.y))));
  if (right <= left || bottom <= top) return null;
  return { leftPx: left, topPx: top, widthPx: right - left, heightPx: bottom - top };
}

/** `pose` with a trunk mask drawn between its near-side hip and shoulder (unchanged without). */
export function withTrunkMask(pose: Pose, nearSide: Side, front: Vec2, curlDeg: number): Pose {
  const hip = pose.keypoints[`${nearSide}_hip`];
  const shoulder = pose.keypoints[`${nearSide}_shoulder`];
  if (hip === undefined || shoulder === undefined) return pose;
  const segmentation = trunkMask({ hip, shoulder, front, curlDeg, image: pose.imageSize });
  return segmentation === undefined ? pose : { ...pose, segmentation };
}
