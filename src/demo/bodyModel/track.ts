import type { Side } from '../../geometry/measures';
import type { KeypointName, Pose } from '../../geometry/types';
import type { Channels, Posture } from './postures';
import { POSTURES, bodyAngles } from './postures';
import type { ModelFamily, Placement } from './renderPose';
import { placement, renderPose } from './renderPose';
import { seededRng } from './rng';
import { bodyPoints, CURL_PER_SHORTENING_DEG } from './skeleton';
import { withTrunkMask } from './trunkMask';
import type { Action } from './timeline';
import { channelsAt, hiddenAt, isAbsent, timelineEndMs } from './timeline';

/**
 * A parametric side-view body (tests only): a posture, which side faces the camera, which leg
 * works, which model's keypoints, and a timeline of what the body does. `poseAt(tMs)` is the
 * estimator's output at that moment (null when nobody is in frame).
 */
export interface BodySpec {
  readonly posture: Posture;
  /** The side nearer the camera (facing image-right shows the right side). */
  readonly nearSide: Side;
  readonly workingLeg: Side;
  readonly model: ModelFamily;
  readonly actions?: readonly Action[];
  /** Changes to the posture's starting channels. */
  readonly start?: Partial<Channels>;
  /** Keypoint jitter in pixels (standard deviation), seeded: the same every run. */
  readonly noise?: { readonly sigmaPx: number; readonly seed: number };
  readonly imageWidthPx?: number;
  readonly imageHeightPx?: number;
  readonly heightPx?: number;
}

export interface BodyTrack {
  readonly spec: BodySpec;
  readonly durationMs: number;
  readonly placement: Placement;
  channelsAt(tMs: number): Channels;
  poseAt(tMs: number): Pose | null;
  /** Every frame at `fps` from 0 to `durationMs` (or `toMs`). */
  frames(fps: number, toMs?: number): { readonly tMs: number; readonly pose: Pose | null }[];
}

const NOTHING_HIDDEN: ReadonlySet<KeypointName> = new Set();

export function bodyTrack(spec: BodySpec): BodyTrack {
  const shape = POSTURES[spec.posture];
  const base: Channels = { ...shape.base, ...spec.start };
  const actions = spec.actions ?? [];
  const width = spec.imageWidthPx ?? 640;
  const height = spec.imageHeightPx ?? 480;
  const place = placement(shape.lying, spec.nearSide, width, height, spec.heightPx ?? 0.8 * height);
  const channels = (tMs: number): Channels => channelsAt(base, actions, tMs);
  const poseAt = (tMs: number): Pose | null => {
    if (isAbsent(actions, tMs)) return null;
    const now = channels(tMs);
    const points = bodyPoints(bodyAngles(spec.posture, now));
    const hidden = actions.some((a) => a.kind === 'hide') ? hiddenAt(actions, tMs) : NOTHING_HIDDEN;
    const pose = renderPose(points, {
      model: spec.model,
      nearSide: spec.nearSide,
      workingLeg: spec.workingLeg,
      placement: place,
      timestampMs: tMs,
      noisePx: spec.noise?.sigmaPx ?? 0,
      // One generator per frame, seeded by its time: a frame is the same whatever came before.
      rng: spec.noise === undefined ? null : seededRng(spec.noise.seed * 7_919 + Math.round(tMs)),
      hidden,
    });
    // BlazePose full gives a person mask as well (the app asks for one): the back's outline,
    // curled as the keypoints show it. MoveNet gives none.
    if (spec.model !== 'blazepose') return pose;
    const curlDeg = CURL_PER_SHORTENING_DEG * now.chordShortening;
    return withTrunkMask(pose, spec.nearSide, place.front, curlDeg);
  };
  const durationMs = timelineEndMs(actions);
  return {
    spec,
    durationMs,
    placement: place,
    channelsAt: channels,
    poseAt,
    frames: (fps, toMs = durationMs) => {
      const out: { tMs: number; pose: Pose | null }[] = [];
      for (let i = 0; ; i++) {
        const tMs = Math.round((i * 1000) / fps);
        if (tMs > toMs) break;
        out.push({ tMs, pose: poseAt(tMs) });
      }
      return out;
    },
  };
}
