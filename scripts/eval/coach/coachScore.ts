import type { StudioTruth, StudioTruthFault, StudioTruthFrame } from '../studioTruth';
import {
  emptyTally,
  hipOrRaiseDeg,
  scoredLeg,
  STRETCHING_PHASES,
  tallyAngle,
} from '../studio/scoredLeg';
import type { FrameReading } from '../studio/reading';
import type { CoachRun } from './coachDrive';

/**
 * Scores a coaching run (coachDrive.ts) against a rendered clip's truth (studioTruth.ts). Pure.
 *
 * Angles are compared with the truth's `angles2d`: the app's own geometry on the exact keypoints,
 * so an error is the detector's, not a difference of definitions (scripts/eval/studioDefinition.ts).
 * The leg compared is the scripted working leg, or the near leg when both work (long-sit). Lying
 * frames compare the leg raise, others the hip flexion.
 */

/** The truth fields scoring reads; a whole sidecar fits, and tests build small ones. */
export type ScoredFrame = Pick<
  StudioTruthFrame,
  | 'timestampMs'
  | 'angles2d'
  | 'nearSide'
  | 'workingLeg'
  | 'orientation'
  | 'wholeBodyInFrame'
  | 'personVisible'
  | 'phase'
>;

export interface ScoredTruth {
  readonly clip: Pick<StudioTruth['clip'], 'id' | 'stretch' | 'fps'>;
  readonly person: Pick<StudioTruth['person'], 'id'>;
  readonly camera: Pick<StudioTruth['camera'], 'id'>;
  readonly script: Pick<
    StudioTruth['script'],
    'holdMs' | 'legSwitches' | 'faults' | 'reps' | 'legs'
  >;
  readonly frames: readonly ScoredFrame[];
}

/** Scene events, not form: they have setup lines, not fault cues. */
const SCENE_FAULTS: ReadonlySet<string> = new Set(['left-frame', 'second-person']);

/** Phases where the person is in place for the stretch (near side is scored). */
const IN_PLACE: ReadonlySet<string> = new Set([
  'setup',
  'countdown',
  'ease-in',
  'hold',
  'release',
  'glide',
]);

/**
 * A fault cue this soon after its scripted span ended still answers that fault: the cue policy
 * waits `faultDebounceMs` (700 ms) and the gap between lines (1.2 s) before it speaks.
 */
export const LATE_CUE_GRACE_MS = 2_000;

export interface FaultScore {
  readonly id: string;
  readonly onsetMs: number;
  /** First cue for it from onset to the end of its span; null when not voiced. */
  readonly latencyMs: number | null;
}

export interface FalseCue {
  readonly cueKey: string;
  readonly atMs: number;
}

export interface RepTally {
  readonly truth: number;
  readonly measured: number;
}

export interface ClipScore {
  readonly clip: string;
  readonly stretch: string;
  readonly person: string;
  readonly camera: string;
  /** Frames with the whole body in the picture, and of those the ones with a person found. */
  readonly bodyFrames: number;
  readonly bodyFound: number;
  /** |app − truth| per stretching frame where both measured: hip flexion (or leg raise lying). */
  readonly hipErrorsDeg: readonly number[];
  readonly kneeErrorsDeg: readonly number[];
  /** Stretching frames where the truth has the angle but the app did not measure it. */
  readonly hipUnmeasured: number;
  readonly kneeUnmeasured: number;
  readonly workingLegFrames: number;
  readonly workingLegRight: number;
  readonly nearSideFrames: number;
  readonly nearSideRight: number;
  readonly faults: readonly FaultScore[];
  readonly falseCues: readonly FalseCue[];
  readonly cleanStretchingMs: number;
  readonly heldInFormMs: { readonly truth: number; readonly measured: number };
  readonly reps: RepTally;
  readonly sets: RepTally;
  readonly legSwitches: RepTally;
  readonly glideReps: RepTally;
  readonly bounces: { readonly scripted: number; readonly found: number };
}

function isFormFault(fault: StudioTruthFault): boolean {
  return !SCENE_FAULTS.has(fault.id);
}

function inSpan(atMs: number, fault: StudioTruthFault, graceMs: number): boolean {
  return atMs >= fault.onsetMs && atMs <= fault.offsetMs + graceMs;
}

/** How long `[startMs, endMs]` overlaps the faults' spans (merged, so overlaps count once). */
function overlapMs(startMs: number, endMs: number, faults: readonly StudioTruthFault[]): number {
  const spans = faults
    .map((f) => [Math.max(startMs, f.onsetMs), Math.min(endMs, f.offsetMs)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let coveredTo = -Infinity;
  for (const [a, b] of spans) {
    const from = Math.max(a, coveredTo);
    if (b > from) total += b - from;
    coveredTo = Math.max(coveredTo, b);
  }
  return total;
}

/**
 * Scores one run. `gatingFaults`: the fault ids that stop the stretch's hold timer (its checks
 * with `gatesHold`, and bouncing), for the truth's held-in-form time.
 */
export function scoreClip(
  truth: ScoredTruth,
  run: CoachRun,
  gatingFaults: ReadonlySet<string>,
): ClipScore {
  const frameMs = 1000 / truth.clip.fps;
  const readings = new Map<number, FrameReading>();
  for (const reading of run.readings) readings.set(Math.round(reading.timestampMs), reading);
  const formFaults = truth.script.faults.filter(isFormFault);

  let bodyFrames = 0;
  let bodyFound = 0;
  const hip = emptyTally();
  const knee = emptyTally();
  let workingLegFrames = 0;
  let workingLegRight = 0;
  let nearSideFrames = 0;
  let nearSideRight = 0;
  let cleanStretchingMs = 0;
  for (const frame of truth.frames) {
    const reading = readings.get(Math.round(frame.timestampMs));
    if (frame.wholeBodyInFrame && frame.personVisible) {
      bodyFrames++;
      if (reading?.personFound === true) bodyFound++;
    }
    if (IN_PLACE.has(frame.phase)) {
      nearSideFrames++;
      if (reading?.nearSide === frame.nearSide) nearSideRight++;
    }
    if (!STRETCHING_PHASES.has(frame.phase)) continue;
    if (!formFaults.some((f) => inSpan(frame.timestampMs, f, 0))) cleanStretchingMs += frameMs;
    if (frame.workingLeg !== null) {
      workingLegFrames++;
      if (reading?.workingLeg === frame.workingLeg) workingLegRight++;
    }
    const leg = scoredLeg(frame);
    const lying = frame.orientation === 'lying';
    tallyAngle(
      hip,
      hipOrRaiseDeg(frame.angles2d, lying, leg),
      reading === undefined ? null : hipOrRaiseDeg(reading, lying, leg),
    );
    tallyAngle(
      knee,
      frame.angles2d.kneeAngleDeg[leg],
      reading === undefined ? null : reading.kneeAngleDeg[leg],
    );
  }

  const faultCues = run.said.filter((u) => u.cueKey.startsWith('fault:'));
  const faults: FaultScore[] = formFaults.map((fault) => {
    const cue = faultCues.find((u) => u.cueKey === `fault:${fault.id}` && inSpan(u.atMs, fault, 0));
    return {
      id: fault.id,
      onsetMs: fault.onsetMs,
      latencyMs: cue ? cue.atMs - fault.onsetMs : null,
    };
  });
  const falseCues: FalseCue[] = faultCues
    .filter(
      (u) =>
        !formFaults.some(
          (f) => u.cueKey === `fault:${f.id}` && inSpan(u.atMs, f, LATE_CUE_GRACE_MS),
        ),
    )
    .map((u) => ({ cueKey: u.cueKey, atMs: u.atMs }));

  return {
    clip: truth.clip.id,
    stretch: truth.clip.stretch,
    person: truth.person.id,
    camera: truth.camera.id,
    bodyFrames,
    bodyFound,
    hipErrorsDeg: hip.errors,
    kneeErrorsDeg: knee.errors,
    hipUnmeasured: hip.unmeasured,
    kneeUnmeasured: knee.unmeasured,
    workingLegFrames,
    workingLegRight,
    nearSideFrames,
    nearSideRight,
    faults,
    falseCues,
    cleanStretchingMs,
    ...tallyDose(truth, run, gatingFaults),
  };
}

type DoseScore = Pick<
  ClipScore,
  'heldInFormMs' | 'reps' | 'sets' | 'legSwitches' | 'glideReps' | 'bounces'
>;

/** Held-in-form time, reps, sets, leg switches, glide reps and bounces against the script. */
function tallyDose(
  truth: ScoredTruth,
  run: CoachRun,
  gatingFaults: ReadonlySet<string>,
): DoseScore {
  const { script } = truth;
  const gating = script.faults.filter((f) => gatingFaults.has(f.id));
  const holds = script.reps.filter((r) => r.glideReps === null);
  const glideSets = script.reps.filter((r) => r.glideReps !== null);
  // The person holds a little past the dose; the timer stops at it.
  const truthHeldMs = holds.reduce(
    (sum, r) =>
      sum + Math.min(script.holdMs, r.endMs - r.startMs - overlapMs(r.startMs, r.endMs, gating)),
    0,
  );
  let measuredHeldMs = 0;
  let reps = 0;
  let sets = 0;
  let switches = 0;
  let glideReps = 0;
  const bounceTimes: number[] = [];
  for (const event of run.events) {
    if (event.type === 'rep-ended') {
      measuredHeldMs += event.heldInFormMs;
      if (event.completed) reps++;
    } else if (event.type === 'set-ended' && event.completed) sets++;
    else if (event.type === 'switch-leg') switches++;
    else if (event.type === 'glide-rep') glideReps++;
    else if (event.type === 'bounce-detected') bounceTimes.push(event.atMs);
  }
  const scriptedBounces = script.faults.filter((f) => f.id === 'bouncing');
  return {
    heldInFormMs: { truth: truthHeldMs, measured: measuredHeldMs },
    reps: { truth: holds.length, measured: reps },
    sets: { truth: glideSets.length, measured: sets },
    legSwitches: { truth: script.legSwitches, measured: switches },
    glideReps: {
      truth: glideSets.reduce((n, r) => n + (r.glideReps ?? 0), 0),
      measured: glideReps,
    },
    bounces: {
      scripted: scriptedBounces.length,
      found: scriptedBounces.filter((f) => bounceTimes.some((t) => inSpan(t, f, LATE_CUE_GRACE_MS)))
        .length,
    },
  };
}
