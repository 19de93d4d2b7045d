import type { Pose } from './types';
import type { Measured, Side } from './measures';
import { available, unavailable } from './measured';
import { SIDES, sideJoint, usableJoint, type GatedJoint } from './joints';
import { pointMidpoint, vectorAngleDeg, vectorFromPoints, vectorSine, type Vec2 } from './vectors';

/**
 * Which way the body faces, from anatomy alone (no left/right labels involved).
 *
 * In a side view the body's "up" (towards the head) and "forward" (anterior) axes lie in the
 * image plane, and their turning sense tells which side faces the camera: someone facing
 * image-right shows their right side (as a car driving to the right shows its right flank), and
 * then forward lies clockwise of up on screen (`vectorCross(up, forward) > 0`, y down). That
 * holds whether the person stands, folds, sits or lies, because it only uses the body's own axes.
 * It flips for a mirrored image, so geometry expects the camera's unmirrored frames (mirror the
 * preview, not the estimator's input). On the eval photos it agrees with the model's own
 * left/right visibility on 143 of 144 (BlazePose) and 131 of 139 (MoveNet).
 *
 * Cues, each giving a vote for the left side facing the camera (positive) or the right:
 * - feet: toes point forward of the shin (heel -> foot index against ankle -> knee; BlazePose);
 * - head: the nose is forward of the ears (nose - ear against hip -> shoulder);
 * - hip: a thigh flexed clearly forward of the trunk is anterior (hips extend 20° at most);
 * - knee: a clearly bent knee bends backwards (knees hyperextend 10-15° at most).
 * A cue only counts when its geometry is clear (its sine is large), weighted by joint scores.
 */

export interface FacingEvidence {
  /** Sum of votes, positive for the left side facing the camera. */
  readonly vote: number;
  /** Sum of the votes' weights; |vote| / weight is their agreement. */
  readonly weight: number;
}

/** A hip flexed beyond this is certainly forward: normal hip extension ends near 20° (AAOS). */
const HIP_FLEXION_CUE_DEG = 35;
/** A knee bent beyond this certainly bends backwards: hyperextension rarely passes 15°. */
const KNEE_BEND_CUE_DEG = 30;

/** Below this share of agreement the cues contradict each other and facing is not reported. */
const MIN_AGREEMENT = 0.5;
/** Total weight for full confidence: about two clear cues from well-seen joints. */
const FULL_WEIGHT = 1.2;

interface Vote {
  vote: number;
  weight: number;
}

/** Forward clockwise of up (positive sine) means the right side faces the camera: a negative vote. */
function voteFromSine(sine: number, clarity: number, score: number): Vote {
  return { vote: -Math.sign(sine) * clarity * score, weight: clarity * score };
}

function sineVote(up: Vec2, forward: Vec2, score: number, clearSine: number): Vote {
  const sine = vectorSine(up, forward);
  // A sine below `clearSine` means the axes are nearly parallel: the cue says little.
  return voteFromSine(sine, Math.min(1, Math.abs(sine) / clearSine), score);
}

function trunkUp(pose: Pose, side: Side, minScore: number): Vec2 | undefined {
  const hip = usableJoint(pose, sideJoint(side, 'hip'), minScore);
  const shoulder = usableJoint(pose, sideJoint(side, 'shoulder'), minScore);
  return hip && shoulder ? vectorFromPoints(hip, shoulder) : undefined;
}

function footVote(pose: Pose, side: Side, minScore: number): Vote | undefined {
  const knee = usableJoint(pose, sideJoint(side, 'knee'), minScore);
  const ankle = usableJoint(pose, sideJoint(side, 'ankle'), minScore);
  const heel = usableJoint(pose, sideJoint(side, 'heel'), minScore);
  const toe = usableJoint(pose, sideJoint(side, 'foot_index'), minScore);
  if (!knee || !ankle || !heel || !toe) return undefined;
  const score = Math.min(knee.score, ankle.score, heel.score, toe.score);
  return sineVote(vectorFromPoints(ankle, knee), vectorFromPoints(heel, toe), score, 0.5);
}

function headVote(pose: Pose, up: Vec2 | undefined, minScore: number): Vote | undefined {
  const nose = usableJoint(pose, 'nose', minScore);
  const left = usableJoint(pose, 'left_ear', minScore);
  const right = usableJoint(pose, 'right_ear', minScore);
  const ear: GatedJoint | undefined =
    left && right
      ? { ...pointMidpoint(left, right), score: Math.min(left.score, right.score) }
      : (left ?? right);
  if (!nose || !up || !ear) return undefined;
  return sineVote(up, vectorFromPoints(ear, nose), Math.min(nose.score, ear.score), 0.5);
}

function legVotes(pose: Pose, side: Side, up: Vec2 | undefined, minScore: number): Vote[] {
  const hip = usableJoint(pose, sideJoint(side, 'hip'), minScore);
  const knee = usableJoint(pose, sideJoint(side, 'knee'), minScore);
  if (!hip || !knee) return [];
  const thigh = vectorFromPoints(hip, knee);
  const votes: Vote[] = [];
  if (up) {
    // Flexion = 180 - angle(up, thigh); the cue needs flexion beyond HIP_FLEXION_CUE_DEG, i.e.
    // the thigh at least that far off the trunk's downward line.
    const sine = vectorSine(up, thigh);
    const flexionDeg = 180 - vectorAngleDeg(up, thigh);
    if (flexionDeg > HIP_FLEXION_CUE_DEG) {
      const clarity = Math.min(1, (flexionDeg - HIP_FLEXION_CUE_DEG) / 20);
      votes.push(voteFromSine(sine, clarity, Math.min(hip.score, knee.score)));
    }
  }
  const ankle = usableJoint(pose, sideJoint(side, 'ankle'), minScore);
  if (ankle) {
    const shank = vectorFromPoints(knee, ankle);
    const sine = vectorSine(thigh, shank);
    const turnDeg = vectorAngleDeg(thigh, shank);
    if (turnDeg > KNEE_BEND_CUE_DEG) {
      const clarity = Math.min(1, (turnDeg - KNEE_BEND_CUE_DEG) / 20);
      // Flexion turns the shin backwards, clockwise from the thigh for a body facing
      // image-right (right side to the camera), just as forward is clockwise of up.
      votes.push(voteFromSine(sine, clarity, Math.min(hip.score, knee.score, ankle.score)));
    }
  }
  return votes;
}

/** All the anatomical cues to facing, summed. */
export function facingEvidence(pose: Pose, minScore: number): FacingEvidence {
  const up = trunkUp(pose, 'left', minScore) ?? trunkUp(pose, 'right', minScore);
  const votes: Vote[] = [];
  for (const side of SIDES) {
    const foot = footVote(pose, side, minScore);
    if (foot) votes.push(foot);
    votes.push(...legVotes(pose, side, trunkUp(pose, side, minScore) ?? up, minScore));
  }
  const head = headVote(pose, up, minScore);
  if (head) votes.push(head);
  let vote = 0;
  let weight = 0;
  for (const v of votes) {
    vote += v.vote;
    weight += v.weight;
  }
  return { vote, weight };
}

/**
 * The side facing the camera according to anatomy (see the module comment), or unavailable when
 * no cue is clear or the cues disagree.
 */
export function facingSide(pose: Pose, minScore: number): Measured<Side> {
  const { vote, weight } = facingEvidence(pose, minScore);
  if (weight === 0) return unavailable('low-confidence', ['nose', 'left_knee', 'right_knee']);
  const agreement = Math.abs(vote) / weight;
  if (agreement < MIN_AGREEMENT) return unavailable('low-confidence', []);
  return available(vote > 0 ? 'left' : 'right', agreement * Math.min(1, weight / FULL_WEIGHT));
}
