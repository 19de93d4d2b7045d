import { minScoreFor, resolveMeasureOptions } from './options';
import { looksLikePerson } from './personFound';
import { suggestInferenceRotation } from './orientation';
import type { FrameRotationDeg, Pose } from './types';

/**
 * Which way to turn the camera's frames before the model sees them, so that a lying body (the
 * supine strap stretch) stands upright for a model trained mostly on upright people (DESIGN.md
 * §3; issue 16: the eval turned lying bodies, live sessions and analysed clips never did).
 *
 * Each pose found says which turn it would like (`suggestInferenceRotation`, absolute: the
 * keypoints are in the original frame whatever turn found them). The turn in use changes only
 * when `SWITCH_AFTER_FRAMES` poses in a row ask for the same other turn, so a single odd pose
 * (a leg swung up, a model's poor first guess of a lying body) does not flip the frames back and
 * forth: each flip costs the tracker its crop. Nobody found for `BACK_TO_UPRIGHT_AFTER_FRAMES`
 * frames while turned goes back to the frame as it is: the person may have stood up and left,
 * and an upright frame is where a model finds a newcomer best. Pure: the caller keeps the state.
 */
export interface RotationChoice {
  /** The turn in use. */
  readonly rotationDeg: FrameRotationDeg;
  /** Another turn the latest poses asked for, and for how many poses in a row. */
  readonly candidate: FrameRotationDeg | null;
  readonly streak: number;
  /** Frames in a row with nobody found. */
  readonly missed: number;
}

export const UPRIGHT_FRAMES: RotationChoice = Object.freeze({
  rotationDeg: 0,
  candidate: null,
  streak: 0,
  missed: 0,
});

/**
 * Poses in a row that must ask for a new turn before it is used: about half a second at the
 * live rate, and enough that one pose's guess never decides.
 */
export const SWITCH_AFTER_FRAMES = 4;
/** Frames in a row with nobody found, while turned, before going back upright. */
export const BACK_TO_UPRIGHT_AFTER_FRAMES = 15;

const MEASURE_OPTIONS = resolveMeasureOptions();

export function nextRotation(choice: RotationChoice, pose: Pose | null): RotationChoice {
  // An empty room's ghost pose is nobody: it must neither turn the frames nor keep them turned.
  if (pose === null || !looksLikePerson(pose)) {
    const missed = choice.missed + 1;
    if (choice.rotationDeg !== 0 && missed >= BACK_TO_UPRIGHT_AFTER_FRAMES) return UPRIGHT_FRAMES;
    return { ...choice, candidate: null, streak: 0, missed };
  }
  const wanted = suggestInferenceRotation(pose, minScoreFor(MEASURE_OPTIONS, pose.model));
  if (wanted === choice.rotationDeg) {
    return choice.candidate === null && choice.missed === 0
      ? choice
      : { rotationDeg: choice.rotationDeg, candidate: null, streak: 0, missed: 0 };
  }
  const streak = wanted === choice.candidate ? choice.streak + 1 : 1;
  if (streak >= SWITCH_AFTER_FRAMES) {
    return { rotationDeg: wanted, candidate: null, streak: 0, missed: 0 };
  }
  return { rotationDeg: choice.rotationDeg, candidate: wanted, streak, missed: 0 };
}
