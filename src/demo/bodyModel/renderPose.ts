import type { Side } from '../../geometry/measures';
import type { Keypoint, KeypointName, Pose, PoseModelId } from '../../geometry/types';
import { COCO_KEYPOINT_NAMES, KEYPOINT_NAMES } from '../../geometry/types';
import type { Rng } from './rng';
import type { BodyPoint, BodyPoints, SidedPart } from './skeleton';

/**
 * Lays a body onto the image and names its points as a pose model would: MoveNet's 17 points or
 * BlazePose's 33 (with heels and toes). The side nearer the camera is scored higher; the far
 * side sits a few pixels off, as a real profile never hides it exactly.
 */
export type ModelFamily = 'movenet' | 'blazepose';

export interface Placement {
  readonly imageWidthPx: number;
  readonly imageHeightPx: number;
  /** Standing height in pixels: the scale of every segment. */
  readonly heightPx: number;
  /** Where the hip joint is drawn. */
  readonly hipX: number;
  readonly hipY: number;
  /** Unit image vectors of the body's up (towards the head) and front. */
  readonly up: { readonly x: number; readonly y: number };
  readonly front: { readonly x: number; readonly y: number };
}

/**
 * The body's frame on screen. The near side decides which way the body faces: the right side
 * towards the camera means the front lies clockwise of up on screen (geometry's facing.ts), e.g.
 * standing facing image-right, or lying with the head to the left.
 */
export function placement(
  lying: boolean,
  nearSide: Side,
  imageWidthPx: number,
  imageHeightPx: number,
  heightPx: number,
): Placement {
  const up = lying ? { x: nearSide === 'right' ? -1 : 1, y: 0 } : { x: 0, y: -1 };
  // Clockwise on a y-down screen turns (x, y) into (-y, x).
  const front = nearSide === 'right' ? { x: -up.y, y: up.x } : { x: up.y, y: -up.x };
  return {
    imageWidthPx,
    imageHeightPx,
    heightPx,
    // Lying: hips at mid-width, low in the frame. Otherwise hips left of centre on the side the
    // body faces away from, so legs or a fold have room in front.
    hipX: imageWidthPx / 2 - (lying ? 0 : front.x * 0.15 * heightPx),
    hipY: lying ? imageHeightPx * 0.75 : imageHeightPx * 0.45,
    up,
    front,
  };
}

export interface RenderOptions {
  readonly model: ModelFamily;
  readonly nearSide: Side;
  readonly workingLeg: Side;
  readonly placement: Placement;
  readonly timestampMs: number;
  /** Keypoint jitter, pixels (standard deviation); 0 for none. */
  readonly noisePx: number;
  readonly rng: Rng | null;
  /** Keypoints scored as unseen (0.05) this frame, e.g. to hide a knee. */
  readonly hidden: ReadonlySet<KeypointName>;
}

const NEAR_SCORE = 0.92;
const FAR_SCORE = 0.72;
/** Far-side points sit this share of the height in front of the near ones. */
const FAR_OFFSET = 0.012;

const MODEL_ID: Readonly<Record<ModelFamily, PoseModelId>> = {
  movenet: 'movenet-lightning',
  blazepose: 'blazepose-full',
};

/** The body point each keypoint name shows, for one side. */
function pointFor(
  name: KeypointName,
  points: BodyPoints,
  legOf: (side: Side) => Readonly<Record<SidedPart, BodyPoint>>,
): BodyPoint {
  if (name === 'nose') return points.nose;
  const side: Side = name.startsWith('left') || name.endsWith('left') ? 'left' : 'right';
  const part = name.replace(/^(left|right)_/, '').replace(/_(left|right)$/, '');
  switch (part) {
    case 'eye':
    case 'eye_inner':
    case 'eye_outer':
      return points.eye;
    case 'ear':
      return points.ear;
    case 'mouth':
      return points.mouth;
    case 'shoulder':
      return points.shoulder;
    case 'elbow':
      return points.elbow;
    case 'wrist':
    case 'pinky':
    case 'index':
    case 'thumb':
      return points.wrist;
    default:
      return legOf(side)[part as SidedPart];
  }
}

export function renderPose(points: BodyPoints, options: RenderOptions): Pose {
  const { placement: p, nearSide, workingLeg, rng, noisePx } = options;
  const names = options.model === 'movenet' ? COCO_KEYPOINT_NAMES : KEYPOINT_NAMES;
  const legOf = (side: Side) => (side === workingLeg ? points.working : points.other);
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const name of names) {
    const body = pointFor(name, points, legOf);
    const near = name === 'nose' || name.includes(nearSide);
    const offset = near ? 0 : FAR_OFFSET;
    let x = p.hipX + (body.a * p.front.x + body.b * p.up.x + offset * p.front.x) * p.heightPx;
    let y = p.hipY + (body.a * p.front.y + body.b * p.up.y + offset * p.front.y) * p.heightPx;
    if (rng !== null && noisePx > 0) {
      x += rng.gaussian() * noisePx;
      y += rng.gaussian() * noisePx;
    }
    const score = options.hidden.has(name) ? 0.05 : near ? NEAR_SCORE : FAR_SCORE;
    keypoints[name] = { x, y, score };
  }
  return {
    keypoints,
    score: 0.9,
    imageSize: { widthPx: p.imageWidthPx, heightPx: p.imageHeightPx },
    model: MODEL_ID[options.model],
    timestampMs: options.timestampMs,
    inferenceRotationDeg: 0,
  };
}
