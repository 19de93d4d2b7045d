import {
  classifyBack,
  classifyKnee,
  degrees,
  ROUNDED_AT,
  type BackState,
  type BodyOrientation,
  type KneeState,
  type Side,
} from '../../../src/geometry';
import { KEYPOINT_NAMES } from '../../../src/geometry/types';
import { quantile } from '../metrics';
import { LANDMARK_INSIDE, type StudioTruthFrame } from '../studioTruth';
import type { FrameReading } from './reading';
import { hipOrRaiseDeg, scoredLeg, STRETCHING_PHASES } from './scoredLeg';

/**
 * Studio mode of `npm run eval`: each sampled frame's measures against its sidecar truth. Pure.
 *
 * Angles are compared with the truth's `angles2d`, the app's own geometry on the exact keypoints
 * (scripts/eval/studioDefinition.ts), so an error is the detector's, not a difference of
 * definitions; the leg is the one coach-eval scores (scoredLeg.ts). The back-outline curl is the
 * app's back-outline code on the model's mask against the same code on the exact silhouette. The
 * truth's knee and back states are the app's own classifiers (with their hysteresis, over the same
 * sampled frames) on the exact knee angle and the exact curl: the states a perfect detector would
 * give.
 */

/** The truth fields scoring reads; a whole sidecar frame fits, and tests build small ones. */
export type ScoredStudioFrame = Pick<
  StudioTruthFrame,
  | 'index'
  | 'timestampMs'
  | 'blazepose'
  | 'angles2d'
  | 'nearSide'
  | 'workingLeg'
  | 'orientation'
  | 'view'
  | 'wholeBodyInFrame'
  | 'personVisible'
  | 'backCurlDeg'
  | 'phase'
>;

/** Knees and ankles, in this order: enough to tell whether a detector swapped the legs. */
export const LEG_POINTS = ['left_knee', 'left_ankle', 'right_knee', 'right_ankle'] as const;
/** Image positions [x, y] of the LEG_POINTS, in their order. */
export type LegPoints = readonly (readonly [number, number])[];

/**
 * The legs' exact points must be apart by at least this share of the two shins' length (summed
 * over knees and ankles) to judge a swap: side-on with the legs together they overlap, the
 * detector's scatter decides which is "left", and swapping them changes no angle. A choice, not
 * fitted to any clip.
 */
export const MIN_LEG_SEPARATION = 0.2;

/** What the app read at a sampled frame. */
export interface AppFrame extends FrameReading {
  /**
   * The app's back-outline curl on the model's mask from its own near side, degrees; null where it
   * would not measure it (no mask, hip or shoulder unseen, arm behind the back).
   */
  readonly backCurlDeg: number | null;
  /** The app's knees and ankles (LEG_POINTS), null when any is not usable. */
  readonly legPoints: LegPoints | null;
}

/** A truth and the app's reading of it; truth null where that frame does not score it. */
export interface Pair<T> {
  readonly truth: T | null;
  readonly app: T | null;
}

export interface FrameComparison {
  readonly frameIndex: number;
  readonly timestampMs: number;
  readonly phase: string;
  /** Whole body in the picture (truth), and whether the app found a person. */
  readonly body: Pair<boolean>;
  readonly hipOrRaiseDeg: Pair<number>;
  readonly kneeDeg: Pair<number>;
  readonly ankleDeg: Pair<number>;
  readonly backCurlDeg: Pair<number>;
  readonly nearSide: Pair<Side>;
  readonly workingLeg: Pair<Side>;
  readonly orientation: Pair<BodyOrientation>;
  readonly kneeState: Pair<KneeState>;
  readonly backState: Pair<BackState>;
  /**
   * The app's left leg is the truth's right and the other way round (its knees and ankles lie
   * nearer the other leg's exact points); null where that cannot be told (legsSwapped).
   */
  readonly legsSwapped: boolean | null;
}

export interface ClipComparison {
  readonly clip: string;
  readonly stretch: string;
  readonly person: string;
  readonly camera: string;
  readonly model: string;
  /** The model gives a person mask, so the back-outline curl can be measured at all. */
  readonly hasMask: boolean;
  readonly frames: readonly FrameComparison[];
}

/** The back-outline curl as the app's rounding index reads it (rounding.ts: clamped at 0). */
function curlBackState(curlDeg: number, previous: BackState | null): BackState {
  return classifyBack(Math.max(0, curlDeg) / ROUNDED_AT.backContourCurlDeg, previous);
}

const distance = (a: readonly number[], b: readonly number[]): number =>
  Math.hypot((a[0] ?? NaN) - (b[0] ?? NaN), (a[1] ?? NaN) - (b[1] ?? NaN));

function legsSwapped(truth: ScoredStudioFrame, app: LegPoints | null): boolean | null {
  const exact = LEG_POINTS.map((name) => truth.blazepose[KEYPOINT_NAMES.indexOf(name)]);
  if (app === null || exact.some((p) => p === undefined || (p[2] & LANDMARK_INSIDE) === 0)) {
    return null;
  }
  const [lk = [], la = [], rk = [], ra = []] = exact;
  const [appLk = [], appLa = [], appRk = [], appRa = []] = app;
  const separation = distance(lk, rk) + distance(la, ra);
  const shins = distance(lk, la) + distance(rk, ra);
  if (!(separation >= MIN_LEG_SEPARATION * shins)) return null;
  const same =
    distance(appLk, lk) + distance(appLa, la) + distance(appRk, rk) + distance(appRa, ra);
  const crossed =
    distance(appLk, rk) + distance(appLa, ra) + distance(appRk, lk) + distance(appRa, la);
  return crossed < same;
}

/**
 * Lines `app` (sampled frames, in time order) up with the truth frames and compares them. The
 * video's k-th frame (at k / `fps` s) is the sidecar's k-th frame, also in a sample rendered at
 * chosen instants (its `index` then jumps); an app frame past the sidecar's frames is an error (the
 * video and the sidecar disagree).
 */
export function compareClip(
  frames: readonly ScoredStudioFrame[],
  fps: number,
  app: readonly AppFrame[],
): FrameComparison[] {
  const kneeMemory: Record<Side, KneeState | null> = { left: null, right: null };
  let backMemory: BackState | null = null;
  return app.map((reading) => {
    const position = Math.round((reading.timestampMs * fps) / 1000);
    const truth = frames[position];
    if (truth === undefined) {
      throw new Error(`no truth for the video's frame ${position} (${reading.timestampMs} ms)`);
    }
    const leg = scoredLeg(truth);
    const lying = truth.orientation === 'lying';
    const inPicture = truth.wholeBodyInFrame && truth.personVisible;
    const truthKnee = truth.angles2d.kneeAngleDeg[leg];
    // Both legs' memories move on every frame, as the app's do, whichever leg is scored.
    for (const side of ['left', 'right'] as const) {
      const angle = truth.angles2d.kneeAngleDeg[side];
      if (angle !== null) kneeMemory[side] = classifyKnee(degrees(angle), kneeMemory[side]);
    }
    const truthBack =
      truth.backCurlDeg === null ? null : curlBackState(truth.backCurlDeg, backMemory);
    backMemory = truthBack ?? backMemory;
    return {
      frameIndex: truth.index,
      timestampMs: truth.timestampMs,
      phase: truth.phase,
      body: { truth: inPicture ? true : null, app: reading.personFound },
      hipOrRaiseDeg: {
        truth: hipOrRaiseDeg(truth.angles2d, lying, leg),
        app: hipOrRaiseDeg(reading, lying, leg),
      },
      kneeDeg: { truth: truthKnee, app: reading.kneeAngleDeg[leg] },
      ankleDeg: { truth: truth.angles2d.ankleFlexionDeg[leg], app: reading.ankleFlexionDeg[leg] },
      backCurlDeg: { truth: truth.backCurlDeg, app: reading.backCurlDeg },
      // Side-on or oblique only: seen square on, no side is nearer in the picture.
      nearSide: {
        truth: inPicture && truth.view !== 'frontal' ? truth.nearSide : null,
        app: reading.nearSide,
      },
      // The app can only tell the working leg once it works: in the stretch proper.
      workingLeg: {
        truth: STRETCHING_PHASES.has(truth.phase) ? truth.workingLeg : null,
        app: reading.workingLeg,
      },
      orientation: { truth: inPicture ? truth.orientation : null, app: reading.orientation },
      kneeState: {
        truth: truthKnee === null ? null : kneeMemory[leg],
        app: reading.kneeState[leg],
      },
      backState: { truth: truthBack, app: reading.backState },
      legsSwapped: legsSwapped(truth, reading.legPoints),
    };
  });
}

/** Errors of an angle over frames whose truth has it. */
export interface AngleSummary {
  /** Frames whose truth has the angle. */
  readonly truthFrames: number;
  /** Of those, the frames the app measured it in. */
  readonly measured: number;
  readonly medianDeg: number | null;
  readonly p95Deg: number | null;
}

/** Agreement with a categorical truth, over frames where both gave a value. */
export interface AgreementSummary {
  readonly truthFrames: number;
  readonly measured: number;
  readonly agreed: number;
}

export interface StudioSummary {
  readonly group: string;
  readonly clips: number;
  readonly frames: number;
  readonly hasMask: boolean;
  readonly body: AgreementSummary;
  readonly hipOrRaise: AngleSummary;
  readonly knee: AngleSummary;
  readonly ankle: AngleSummary;
  readonly backCurl: AngleSummary;
  readonly nearSide: AgreementSummary;
  readonly workingLeg: AgreementSummary;
  readonly orientation: AgreementSummary;
  readonly kneeState: AgreementSummary;
  readonly backState: AgreementSummary;
  /** Frames where a swap could be told, and of those the ones with the legs swapped. */
  readonly legsSwapped: { readonly judged: number; readonly swapped: number };
}

type AngleKey = 'hipOrRaiseDeg' | 'kneeDeg' | 'ankleDeg' | 'backCurlDeg';
type AgreementKey = 'body' | 'nearSide' | 'workingLeg' | 'orientation' | 'kneeState' | 'backState';

function summariseAngle(frames: readonly FrameComparison[], key: AngleKey): AngleSummary {
  const scored = frames.filter((f) => f[key].truth !== null);
  const errors = scored.flatMap(({ [key]: { truth, app } }) =>
    truth === null || app === null ? [] : [Math.abs(app - truth)],
  );
  const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
  return {
    truthFrames: scored.length,
    measured: errors.length,
    medianDeg: orNull(quantile(errors, 0.5)),
    p95Deg: orNull(quantile(errors, 0.95)),
  };
}

function summariseAgreement(
  frames: readonly FrameComparison[],
  key: AgreementKey,
): AgreementSummary {
  const scored = frames.filter((f) => f[key].truth !== null);
  const measured = scored.filter((f) => f[key].app !== null);
  return {
    truthFrames: scored.length,
    measured: measured.length,
    agreed: measured.filter((f) => f[key].app === f[key].truth).length,
  };
}

export function summariseClips(group: string, clips: readonly ClipComparison[]): StudioSummary {
  const frames = clips.flatMap((c) => c.frames);
  return {
    group,
    clips: clips.length,
    frames: frames.length,
    hasMask: clips.some((c) => c.hasMask),
    body: summariseAgreement(frames, 'body'),
    hipOrRaise: summariseAngle(frames, 'hipOrRaiseDeg'),
    knee: summariseAngle(frames, 'kneeDeg'),
    ankle: summariseAngle(frames, 'ankleDeg'),
    backCurl: summariseAngle(frames, 'backCurlDeg'),
    nearSide: summariseAgreement(frames, 'nearSide'),
    workingLeg: summariseAgreement(frames, 'workingLeg'),
    orientation: summariseAgreement(frames, 'orientation'),
    kneeState: summariseAgreement(frames, 'kneeState'),
    backState: summariseAgreement(frames, 'backState'),
    legsSwapped: {
      judged: frames.filter((f) => f.legsSwapped !== null).length,
      swapped: frames.filter((f) => f.legsSwapped === true).length,
    },
  };
}

/** One summary per value of `key`, in first-seen order. */
export function groupClips(
  clips: readonly ClipComparison[],
  key: (clip: ClipComparison) => string,
): StudioSummary[] {
  const groups = new Map<string, ClipComparison[]>();
  for (const clip of clips) groups.set(key(clip), [...(groups.get(key(clip)) ?? []), clip]);
  return [...groups].map(([name, members]) => summariseClips(name, members));
}
