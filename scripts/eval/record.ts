import {
  isAvailable,
  readJoints,
  sideJoint,
  trunkToLegRatio,
  type BodyMeasures,
  type Measured,
  type Side,
} from '../../src/geometry';
import type { FrameRotationDeg, Pose, PoseModelId } from '../../src/geometry/types';
import type { FormLabel } from './labels';

/** One line of `--json`: one image or one sampled video frame. */
export interface EvalRecord {
  /** Relative to the eval root. */
  readonly file: string;
  /** Frame time within the clip; null for a still image. */
  readonly timestampMs: number | null;
  readonly nearSide: Side | null;
  /** Near leg. */
  readonly hipFlexionDeg: number | null;
  /** Near leg; 180 = straight, above 180 = hyperextended. */
  readonly kneeAngleDeg: number | null;
  readonly kneeState: 'straight' | 'soft' | 'locked' | 'bent' | null;
  readonly roundingIndex: number | null;
  readonly backState: 'flat' | 'rounded' | null;
  /**
   * 0..1: mean confidence of the four headline measures (near side, hip, knee, rounding), a
   * missing one counting 0.
   */
  readonly confidence: number;
  readonly roundingMethod: string | null;
  /** Confidence of the rounding index and back state (0 when unavailable). */
  readonly roundingConfidence: number;
  /**
   * Diagnostic, not a state: how much shorter the near trunk chord (hip -> shoulder, over leg
   * length) is than the upright one calibrated earlier in the file (DESIGN.md §3 (b)); null until
   * calibrated or without the near chain. 0.1 = 10% shorter.
   */
  readonly trunkChordShortening: number | null;
  /** Confidence of the near knee's angle and state (0 when unavailable). */
  readonly kneeConfidence: number;
  readonly neckFlexionDeg: number | null;
  readonly trunkInclinationDeg: number | null;
  readonly ankleFlexionDeg: number | null;
  /**
   * Lying bodies only (the supine strap stretch): the working leg's straight-leg-raise angle, hip
   * -> ankle against the floor-side trunk line (DESIGN.md §3). The raised leg is often the far
   * one, so this is not `hipFlexionDeg`.
   */
  readonly legRaiseDeg: number | null;
  readonly orientation: string | null;
  readonly view: string | null;
  readonly workingLeg: Side | null;
  readonly model: PoseModelId;
  /** The image was turned 90° clockwise before anything else (--rotate90). */
  readonly rotated90: boolean;
  /** Rotation the pipeline chose for inference. */
  readonly inferenceRotationDeg: FrameRotationDeg;
  /** Near-side shoulder, hip, knee and ankle all usable in the pipeline's pose. */
  readonly nearChain: boolean;
  /** The same from a single inference on the frame as given (no automatic rotation). */
  readonly rawNearChain: boolean;
  /** Form label from the folder / file name (see labels.ts), null for the yoga photos. */
  readonly label: FormLabel | null;
  /**
   * Only on the record that stands for a file, or the rest of a clip, the eval could not read
   * (damaged, empty, not a picture): why, in words. That record measures nothing.
   */
  readonly error?: string;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function numberOf(measure: Measured<number>): number | null {
  return isAvailable(measure) ? round1(measure.value) : null;
}

/** Near-side shoulder, hip, knee and ankle all usable (score, inside the image). */
export function hasNearChain(pose: Pose | null, side: Side | null, minScore: number): boolean {
  if (pose === null || side === null) return false;
  const names = (['shoulder', 'hip', 'knee', 'ankle'] as const).map((j) => sideJoint(side, j));
  return readJoints(pose, names, minScore).usable;
}

/**
 * The trunk chord's shortening against `calibratedRatio` (trunk / leg length upright), on the near
 * side, or null. The same quantity the weak trunk-chord rounding cue is built on (rounding.ts).
 */
export function trunkChordShortening(
  pose: Pose | null,
  side: Side | null,
  calibratedRatio: number | null,
  minScore: number,
): number | null {
  if (pose === null || side === null || calibratedRatio === null) return null;
  const ratio = trunkToLegRatio(pose, side, minScore);
  if (!isAvailable(ratio)) return null;
  return Math.round((1 - ratio.value / calibratedRatio) * 1000) / 1000;
}

export interface RecordContext {
  readonly file: string;
  readonly timestampMs: number | null;
  readonly model: PoseModelId;
  readonly rotated90: boolean;
  readonly inferenceRotationDeg: FrameRotationDeg;
  readonly nearChain: boolean;
  readonly rawNearChain: boolean;
  readonly label: FormLabel | null;
  readonly trunkChordShortening: number | null;
}

export function toRecord(measures: BodyMeasures, context: RecordContext): EvalRecord {
  const side = measures.nearSide.value;
  const hip = side === null ? null : measures.hipFlexionDeg[side];
  const knee = side === null ? null : measures.kneeAngleDeg[side];
  const kneeState = side === null ? null : measures.kneeState[side];
  const ankle = side === null ? null : measures.ankleFlexionDeg[side];
  const working = measures.workingLeg.value;
  const legRaise = working === null ? null : measures.legRaiseDeg[working];
  const headline: number[] = [
    measures.nearSide.confidence,
    hip?.confidence ?? 0,
    knee?.confidence ?? 0,
    measures.rounding.confidence,
  ];
  const confidence = headline.reduce((sum, c) => sum + c, 0) / headline.length;
  return {
    file: context.file,
    timestampMs: context.timestampMs,
    nearSide: side,
    hipFlexionDeg: hip === null ? null : numberOf(hip),
    kneeAngleDeg: knee === null ? null : numberOf(knee),
    kneeState: kneeState?.value ?? null,
    roundingIndex: isAvailable(measures.rounding)
      ? Math.round(measures.rounding.value.index * 100) / 100
      : null,
    backState: measures.backState.value,
    confidence: Math.round(confidence * 100) / 100,
    roundingMethod: measures.rounding.value?.method ?? null,
    roundingConfidence: Math.round(measures.rounding.confidence * 100) / 100,
    trunkChordShortening: context.trunkChordShortening,
    kneeConfidence: Math.round((knee?.confidence ?? 0) * 100) / 100,
    neckFlexionDeg: numberOf(measures.neckFlexionDeg),
    trunkInclinationDeg: numberOf(measures.trunkInclinationDeg),
    ankleFlexionDeg: ankle === null ? null : numberOf(ankle),
    legRaiseDeg: legRaise === null ? null : numberOf(legRaise),
    orientation: measures.orientation.value,
    view: measures.view.value,
    workingLeg: measures.workingLeg.value,
    model: context.model,
    rotated90: context.rotated90,
    inferenceRotationDeg: context.inferenceRotationDeg,
    nearChain: context.nearChain,
    rawNearChain: context.rawNearChain,
    label: context.label,
  };
}
