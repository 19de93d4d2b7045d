import {
  COCO_KEYPOINT_NAMES,
  KEYPOINT_NAMES,
  type Keypoint,
  type KeypointName,
  type Pose,
  type PoseModelId,
  type SegmentationMask,
  type WorldKeypoint,
} from '../../src/geometry/types';

/**
 * Builds side-view poses with known joint angles, for geometry tests. Angles are sagittal, in
 * degrees: a direction is measured from "up" (towards the head when standing), positive
 * rotating forward (anterior). The body is drawn facing image-right, which shows its right side
 * to the camera; `facing: 'left'` mirrors the drawing and the labels, as a real person turned
 * the other way would be.
 */
export interface LegSpec {
  /** Thigh forward of the trunk's downward line: 0 standing tall, 90 square. */
  readonly hipFlexionDeg: number;
  /** Shin backward of the thigh line: 0 straight, negative = hyperextended. */
  readonly kneeFlexionDeg: number;
  /** Toes pulled towards the shin from square: positive dorsiflexion, negative pointed. */
  readonly ankleDorsiflexionDeg: number;
}

export interface SideViewSpec {
  /** Which way the body faces in the image; the near side is the same word. Default 'right'. */
  readonly facing?: 'left' | 'right';
  /** Trunk (hip -> shoulder) leaning forward from upright. Default 0. */
  readonly trunkLeanDeg?: number;
  readonly near?: Partial<LegSpec>;
  readonly far?: Partial<LegSpec>;
  /** Head dropped forward relative to the trunk line. Default 0. */
  readonly neckFlexionDeg?: number;
  /** Upper-arm direction from up, in the body's frame (180 hanging down when upright). */
  readonly armDeg?: number;
  readonly model?: PoseModelId;
  /** Image-pixel position of the hips. Default (400, 400). */
  readonly hip?: { readonly x: number; readonly y: number };
  /** Pixels per unit length; trunk = 1 unit = 200 px by default. */
  readonly scalePx?: number;
  readonly imageSize?: { readonly widthPx: number; readonly heightPx: number };
  readonly nearScore?: number;
  readonly farScore?: number;
  readonly timestampMs?: number;
}

/** Segment lengths relative to the hip-shoulder length (adult proportions). */
const LENGTH = {
  trunk: 1,
  thigh: 0.85,
  shank: 0.85,
  neck: 0.3,
  face: 0.17,
  upperArm: 0.6,
  forearm: 0.55,
  heelDrop: 0.12,
  heelBack: 0.08,
  foot: 0.42,
};

interface Point {
  x: number;
  y: number;
}

/** Unit direction at `deg` from up, positive forward, for a body facing +x (y down). */
function direction(deg: number): Point {
  const r = (deg * Math.PI) / 180;
  return { x: Math.sin(r), y: -Math.cos(r) };
}

function step(from: Point, deg: number, length: number): Point {
  const d = direction(deg);
  return { x: from.x + d.x * length, y: from.y + d.y * length };
}

const DEFAULT_LEG: LegSpec = { hipFlexionDeg: 0, kneeFlexionDeg: 0, ankleDorsiflexionDeg: 0 };

function legPoints(hip: Point, trunkDeg: number, leg: LegSpec, unit: number) {
  const thighDeg = trunkDeg + 180 - leg.hipFlexionDeg;
  const knee = step(hip, thighDeg, LENGTH.thigh * unit);
  const shankDeg = thighDeg + leg.kneeFlexionDeg;
  const ankle = step(knee, shankDeg, LENGTH.shank * unit);
  const footDeg = shankDeg - 90 - leg.ankleDorsiflexionDeg;
  const heel = step(
    step(ankle, shankDeg, LENGTH.heelDrop * unit),
    footDeg + 180,
    LENGTH.heelBack * unit,
  );
  const toe = step(heel, footDeg, LENGTH.foot * unit);
  return { hip, knee, ankle, heel, foot_index: toe };
}

export function sideViewPose(spec: SideViewSpec = {}): Pose {
  const facing = spec.facing ?? 'right';
  const unit = spec.scalePx ?? 200;
  const origin = spec.hip ?? { x: 400, y: 400 };
  const trunkDeg = spec.trunkLeanDeg ?? 0;
  const near = { ...DEFAULT_LEG, ...spec.near };
  const far = { ...DEFAULT_LEG, ...spec.near, ...spec.far };
  const hip = { x: 0, y: 0 };
  const shoulder = step(hip, trunkDeg, LENGTH.trunk * unit);
  const neckDeg = trunkDeg + (spec.neckFlexionDeg ?? 0);
  const ear = step(shoulder, neckDeg, LENGTH.neck * unit);
  const nose = step(ear, neckDeg + 90, LENGTH.face * unit);
  const eye = step(step(ear, neckDeg + 90, LENGTH.face * unit * 0.8), neckDeg, 0.05 * unit);
  const armDeg = spec.armDeg ?? trunkDeg + 180;
  const elbow = step(shoulder, armDeg, LENGTH.upperArm * unit);
  const wrist = step(elbow, armDeg - 20, LENGTH.forearm * unit);
  const nearLeg = legPoints(hip, trunkDeg, near, unit);
  const farLeg = legPoints(hip, trunkDeg, far, unit);
  const nearSide = facing;
  const farSide = facing === 'right' ? 'left' : 'right';
  const nearScore = spec.nearScore ?? 0.9;
  const farScore = spec.farScore ?? 0.6;
  // The far side sits a few pixels behind the near one, as in a real side view.
  const farShift = { x: -0.02 * unit, y: -0.01 * unit };
  const body: Partial<Record<KeypointName, { p: Point; score: number }>> = {
    nose: { p: nose, score: nearScore },
    [`${nearSide}_eye`]: { p: eye, score: nearScore },
    [`${farSide}_eye`]: { p: eye, score: farScore },
    [`${nearSide}_eye_inner`]: { p: eye, score: nearScore },
    [`${farSide}_eye_inner`]: { p: eye, score: farScore },
    [`${nearSide}_eye_outer`]: { p: eye, score: nearScore },
    [`${farSide}_eye_outer`]: { p: eye, score: farScore },
    [`${nearSide}_ear`]: { p: ear, score: nearScore },
    [`${farSide}_ear`]: { p: ear, score: farScore * 0.5 },
    mouth_left: { p: nose, score: nearScore },
    mouth_right: { p: nose, score: nearScore },
  };
  const place = (
    side: 'left' | 'right',
    points: Record<string, Point>,
    score: number,
    shift: Point,
  ) => {
    for (const [joint, p] of Object.entries(points)) {
      body[`${side}_${joint}` as KeypointName] = {
        p: { x: p.x + shift.x, y: p.y + shift.y },
        score,
      };
    }
  };
  const upper = { shoulder, elbow, wrist, pinky: wrist, index: wrist, thumb: wrist };
  place(nearSide, { ...upper, ...nearLeg }, nearScore, { x: 0, y: 0 });
  place(farSide, { ...upper, ...farLeg }, farScore, farShift);

  const model = spec.model ?? 'blazepose-full';
  const names: readonly KeypointName[] = model.startsWith('movenet')
    ? COCO_KEYPOINT_NAMES
    : KEYPOINT_NAMES;
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  const world: Partial<Record<KeypointName, WorldKeypoint>> = {};
  for (const name of names) {
    const entry = body[name];
    if (entry === undefined) continue;
    const x = origin.x + (facing === 'right' ? entry.p.x : -entry.p.x);
    const y = origin.y + entry.p.y;
    keypoints[name] = { x, y, score: entry.score };
    const isFar = name.startsWith(farSide);
    world[name] = {
      x: (x - origin.x) / unit / 2,
      y: (y - origin.y) / unit / 2,
      z: isFar ? 0.1 : -0.1,
      score: entry.score,
    };
  }
  return {
    keypoints,
    score: 0.9,
    ...(model.startsWith('blazepose') ? { worldKeypoints: world } : {}),
    imageSize: spec.imageSize ?? { widthPx: 800, heightPx: 800 },
    model,
    timestampMs: spec.timestampMs ?? 0,
    inferenceRotationDeg: 0,
  };
}

/** The same pose with one keypoint changed (or removed with `undefined`). */
export function withKeypoint(pose: Pose, name: KeypointName, keypoint: Keypoint | undefined): Pose {
  const keypoints: Partial<Record<KeypointName, Keypoint>> = { ...pose.keypoints };
  if (keypoint === undefined) delete keypoints[name];
  else keypoints[name] = keypoint;
  return { ...pose, keypoints };
}

function mapPoints(pose: Pose, f: (x: number, y: number) => Point, size = pose.imageSize): Pose {
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, kp] of Object.entries(pose.keypoints) as [KeypointName, Keypoint][]) {
    keypoints[name] = { ...f(kp.x, kp.y), score: kp.score };
  }
  return { ...pose, keypoints, imageSize: size };
}

export function translatePose(pose: Pose, dx: number, dy: number): Pose {
  return mapPoints(pose, (x, y) => ({ x: x + dx, y: y + dy }), {
    widthPx: pose.imageSize.widthPx + Math.max(0, dx),
    heightPx: pose.imageSize.heightPx + Math.max(0, dy),
  });
}

export function scalePose(pose: Pose, factor: number): Pose {
  return mapPoints(pose, (x, y) => ({ x: x * factor, y: y * factor }), {
    widthPx: pose.imageSize.widthPx * factor,
    heightPx: pose.imageSize.heightPx * factor,
  });
}

/** 'left_knee' <-> 'right_knee', 'mouth_left' <-> 'mouth_right'; 'nose' stays. */
function swapSideName(name: KeypointName): KeypointName {
  if (name.includes('left')) return name.replace('left', 'right') as KeypointName;
  if (name.includes('right')) return name.replace('right', 'left') as KeypointName;
  return name;
}

/**
 * The pose of the same body turned round (a person facing the other way): positions mirrored
 * across the image's vertical midline and left/right labels swapped with them.
 */
export function turnAround(pose: Pose): Pose {
  const width = pose.imageSize.widthPx;
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const [name, kp] of Object.entries(pose.keypoints) as [KeypointName, Keypoint][]) {
    const swapped = swapSideName(name);
    keypoints[swapped] = { x: width - kp.x, y: kp.y, score: kp.score };
  }
  const world: Partial<Record<KeypointName, WorldKeypoint>> = {};
  for (const [name, kp] of Object.entries(pose.worldKeypoints ?? {}) as [
    KeypointName,
    WorldKeypoint,
  ][]) {
    const swapped = swapSideName(name);
    world[swapped] = { ...kp, x: -kp.x };
  }
  return { ...pose, keypoints, ...(pose.worldKeypoints ? { worldKeypoints: world } : {}) };
}

/**
 * Turns the whole picture clockwise by `deg` about the image centre (the body now leans or lies),
 * growing the image so every point stays inside.
 */
export function rotatePose(pose: Pose, deg: number): Pose {
  const { widthPx: w, heightPx: h } = pose.imageSize;
  const side = Math.hypot(w, h);
  const r = (deg * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return mapPoints(
    pose,
    (x, y) => {
      const dx = x - w / 2;
      const dy = y - h / 2;
      // Clockwise on screen (y down) is the usual rotation matrix.
      return { x: side / 2 + dx * cos - dy * sin, y: side / 2 + dx * sin + dy * cos };
    },
    { widthPx: side, heightPx: side },
  );
}

/** A mask of `widthPx` x `heightPx` where `inside(x, y)` marks the person (255) or not (0). */
export function maskFrom(
  widthPx: number,
  heightPx: number,
  inside: (x: number, y: number) => boolean,
): SegmentationMask {
  const data = new Uint8Array(widthPx * heightPx);
  for (let y = 0; y < heightPx; y++) {
    for (let x = 0; x < widthPx; x++) data[y * widthPx + x] = inside(x + 0.5, y + 0.5) ? 255 : 0;
  }
  return { widthPx, heightPx, data };
}
