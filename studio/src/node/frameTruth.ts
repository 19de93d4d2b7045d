import type { Side } from '../../../src/geometry';
import type { StudioAngles } from '../../../scripts/eval/studioTruth';
import { LANDMARK_INSIDE, LANDMARK_OCCLUDED } from '../../../scripts/eval/studioTruth';
import { appAngles, appBackCurl, exactPose } from '../../../scripts/eval/studioDefinition';
import { LANDMARK_NAMES, MOVENET_NAMES, type LandmarkName } from '../scene/landmarkNames';
import { isOccluded } from './occlusion';

/**
 * One frame's truth from the rig's exact points: the app's own geometry on the projected
 * keypoints (every score 1: a perfect detector; scripts/eval/studioDefinition.ts), the same
 * definitions in 3-D, near side, view and the back-outline curl on the exact silhouette.
 */

export interface RenderedFrame {
  /** World metres, LANDMARK_NAMES order. */
  readonly world: readonly number[];
  /** Image pixels, LANDMARK_NAMES order. */
  readonly image: readonly number[];
  readonly depthM: readonly number[];
  /** Id pass, top row first. */
  readonly ids: Uint8Array;
  /** The main person's silhouette, 255 = person, top row first. */
  readonly silhouette: Uint8Array;
}

export interface FrameGeometryTruth {
  readonly blazepose: [number, number, number][];
  readonly movenet: [number, number, number][];
  readonly angles2d: StudioAngles;
  readonly angles3d: StudioAngles;
  readonly nearSide: Side;
  readonly yawOffSideDeg: number;
  readonly view: 'side' | 'oblique' | 'frontal';
  readonly wholeBodyInFrame: boolean;
  readonly personVisible: boolean;
  readonly backCurlDeg: number | null;
}

type Vec3 = readonly [number, number, number];

const round = (value: number, places: number): number =>
  Math.round(value * 10 ** places) / 10 ** places;

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function norm(a: Vec3): number {
  return Math.sqrt(dot(a, a));
}
function angleDeg(a: Vec3, b: Vec3): number {
  const c = dot(a, b) / (norm(a) * norm(b));
  return (Math.acos(Math.min(1, Math.max(-1, c))) * 180) / Math.PI;
}

/** The app's measures in 3-D (no projection), for the rig's own angles. */
function angles3d(
  world: (name: LandmarkName) => Vec3,
  near: Side,
  kneeSign: Record<Side, number>,
): StudioAngles {
  const per = (f: (side: Side) => number): { left: number; right: number } => ({
    left: round(f('left'), 4),
    right: round(f('right'), 4),
  });
  const at = (side: Side, joint: string): Vec3 => world(`${side}_${joint}` as LandmarkName);
  const up = (side: Side): Vec3 => sub(at(side, 'shoulder'), at(side, 'hip'));
  const lateral = sub(world('left_hip'), world('right_hip'));
  const upNear = up(near);
  const earVector = sub(at(near, 'ear'), at(near, 'shoulder'));
  const signedNeck =
    (Math.atan2(dot(cross(upNear, earVector), lateral) / norm(lateral), dot(upNear, earVector)) *
      180) /
    Math.PI;
  return {
    hipFlexionDeg: per((s) => 180 - angleDeg(up(s), sub(at(s, 'knee'), at(s, 'hip')))),
    legRaiseDeg: per((s) => 180 - angleDeg(up(s), sub(at(s, 'ankle'), at(s, 'hip')))),
    kneeAngleDeg: per(
      (s) =>
        180 +
        kneeSign[s] *
          angleDeg(sub(at(s, 'knee'), at(s, 'hip')), sub(at(s, 'ankle'), at(s, 'knee'))),
    ),
    ankleFlexionDeg: per(
      (s) =>
        90 - angleDeg(sub(at(s, 'knee'), at(s, 'ankle')), sub(at(s, 'foot_index'), at(s, 'heel'))),
    ),
    neckFlexionDeg: round(signedNeck, 4),
    trunkInclinationDeg: round(angleDeg(upNear, [0, 1, 0]), 4),
  };
}

export function frameGeometryTruth(
  frame: RenderedFrame,
  size: { widthPx: number; heightPx: number },
  lying: boolean,
  kneeFlexDeg: Record<Side, number>,
  cameraPosition: Vec3,
): FrameGeometryTruth {
  const { widthPx, heightPx } = size;
  const index = (name: LandmarkName): number => LANDMARK_NAMES.indexOf(name);
  const world = (name: LandmarkName): Vec3 => {
    const i = 3 * index(name);
    return [frame.world[i] ?? 0, frame.world[i + 1] ?? 0, frame.world[i + 2] ?? 0];
  };
  const flags: number[] = [];
  LANDMARK_NAMES.forEach((name, i) => {
    const x = frame.image[2 * i] ?? NaN;
    const y = frame.image[2 * i + 1] ?? NaN;
    const inside = x >= 0 && y >= 0 && x <= widthPx && y <= heightPx;
    const occluded = inside && isOccluded(name, x, y, frame.ids, widthPx, heightPx);
    flags.push((inside ? LANDMARK_INSIDE : 0) | (occluded ? LANDMARK_OCCLUDED : 0));
  });
  const near: Side =
    (frame.depthM[index('left_hip')] ?? 0) <= (frame.depthM[index('right_hip')] ?? 0)
      ? 'left'
      : 'right';
  // The app reads the keypoints as stored (to 0.001 px), so the definition check, run on the
  // sidecar, meets exactly these numbers: the back outline on a pixel mask can jump a degree
  // or two between two hip points 0.0005 px apart.
  const stored = LANDMARK_NAMES.map(
    (_name, i) =>
      [round(frame.image[2 * i] ?? NaN, 3), round(frame.image[2 * i + 1] ?? NaN, 3)] as const,
  );
  const pose = exactPose(stored, widthPx, heightPx, frame.silhouette);
  const lateral = sub(world('left_hip'), world('right_hip'));
  const hipCentre: Vec3 = world('left_hip').map(
    (v, i) => (v + (world('right_hip')[i] ?? 0)) / 2,
  ) as unknown as Vec3;
  const sight = sub(hipCentre, cameraPosition);
  // Side-on, the hips' left-right axis lies along the line of sight (either way round).
  const between = angleDeg(lateral, sight);
  const yaw = Math.min(between, 180 - between);
  const kneeSign: Record<Side, number> = {
    left: kneeFlexDeg.left < 0 ? 1 : -1,
    right: kneeFlexDeg.right < 0 ? 1 : -1,
  };
  const pack = (names: readonly LandmarkName[]): [number, number, number][] =>
    names.map((name) => {
      const i = index(name);
      const [x, y] = stored[i] ?? [NaN, NaN];
      return [x, y, flags[i] ?? 0];
    });
  return {
    blazepose: pack(LANDMARK_NAMES),
    movenet: pack(MOVENET_NAMES),
    angles2d: appAngles(pose, near, lying),
    angles3d: angles3d(world, near, kneeSign),
    nearSide: near,
    yawOffSideDeg: round(yaw, 2),
    view: yaw < 30 ? 'side' : yaw < 60 ? 'oblique' : 'frontal',
    wholeBodyInFrame: flags.every((f) => (f & LANDMARK_INSIDE) !== 0),
    personVisible: frame.silhouette.some((v) => v > 0),
    backCurlDeg: appBackCurl(pose, near),
  };
}
