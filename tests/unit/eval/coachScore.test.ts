import { describe, expect, it } from 'vitest';
import type { Utterance } from '../../../src/feedback/cueTypes';
import type { ProtocolEvent } from '../../../src/protocol';
import type { CoachRun } from '../../../scripts/eval/coach/coachDrive';
import type { FrameReading } from '../../../scripts/eval/studio/reading';
import { summarise, quantile } from '../../../scripts/eval/coach/coachReport';
import {
  scoreClip,
  type ScoredFrame,
  type ScoredTruth,
} from '../../../scripts/eval/coach/coachScore';
import type { StudioTruthFault } from '../../../scripts/eval/studioTruth';

/** 10 frames/s for 60 s: walk-in to 5 s, hold 5-45 s with a bent-knee fault 20-26 s, rest after. */
const FPS = 10;
const FRAME_MS = 1000 / FPS;

function phaseAt(tMs: number): ScoredFrame['phase'] {
  if (tMs < 5_000) return 'walk-in';
  if (tMs < 45_000) return 'hold';
  return 'rest';
}

const angles = (hip: number, knee: number): ScoredFrame['angles2d'] => ({
  hipFlexionDeg: { left: hip, right: 10 },
  legRaiseDeg: { left: null, right: null },
  kneeAngleDeg: { left: knee, right: 175 },
  ankleFlexionDeg: { left: null, right: null },
  neckFlexionDeg: null,
  trunkInclinationDeg: null,
});

const KNEE_FAULT: StudioTruthFault = {
  id: 'working-knee-bent',
  onsetMs: 20_000,
  startMs: 20_500,
  endMs: 25_500,
  offsetMs: 26_000,
  leg: 'left',
  amountDeg: 30,
};

function truth(faults: readonly StudioTruthFault[] = [KNEE_FAULT]): ScoredTruth {
  const frames: ScoredFrame[] = [];
  for (let tMs = 0; tMs < 60_000; tMs += FRAME_MS) {
    frames.push({
      timestampMs: tMs,
      angles2d: angles(70, 178),
      nearSide: 'left',
      workingLeg: phaseAt(tMs) === 'hold' ? 'left' : null,
      orientation: 'upright',
      wholeBodyInFrame: tMs >= 1_000,
      personVisible: true,
      phase: phaseAt(tMs),
    });
  }
  return {
    clip: { id: 'synthetic', stretch: 'standing-hamstring', fps: FPS },
    person: { id: 'p' },
    camera: { id: 'c' },
    script: {
      holdMs: 30_000,
      legSwitches: 0,
      legs: ['left'],
      faults: [...faults],
      reps: [{ leg: 'left', rep: 1, set: 1, startMs: 5_000, endMs: 45_000, glideReps: null }],
    },
    frames,
  };
}

function reading(tMs: number, overrides: Partial<FrameReading> = {}): FrameReading {
  return {
    timestampMs: tMs,
    personFound: true,
    workingLeg: 'left',
    nearSide: 'left',
    orientation: 'upright',
    hipFlexionDeg: { left: 72, right: 10 },
    legRaiseDeg: { left: null, right: null },
    kneeAngleDeg: { left: 175, right: 175 },
    ankleFlexionDeg: { left: null, right: null },
    kneeState: { left: 'straight', right: 'straight' },
    backState: 'flat',
    ...overrides,
  };
}

function said(cueKey: string, atMs: number): Utterance {
  return {
    id: `${cueKey}#1`,
    cueKey,
    text: '',
    priority: 'form',
    interrupt: false,
    interruptible: true,
    speak: true,
    tone: null,
    estimatedMs: 1_000,
    atMs,
  };
}

const repEnded = (heldInFormMs: number, completed: boolean): ProtocolEvent => ({
  type: 'rep-ended',
  atMs: 45_000,
  stretchId: 'standing-hamstring',
  leg: 'left',
  rep: 1,
  heldInFormMs,
  totalMs: 40_000,
  breaks: 1,
  completed,
});

function run(overrides: Partial<CoachRun> = {}): CoachRun {
  const readings: FrameReading[] = [];
  for (let tMs = 0; tMs < 60_000; tMs += FRAME_MS) readings.push(reading(tMs));
  return { readings, said: [], events: [], ...overrides };
}

const GATING = new Set(['working-knee-bent', 'bouncing']);

describe('coach-eval scoring', () => {
  it('measures angle errors against the truth on the working leg during the stretch only', () => {
    const score = scoreClip(truth(), run(), GATING);
    // 40 s of hold at 10 frames/s.
    expect(score.hipErrorsDeg).toHaveLength(400);
    expect(quantile(score.hipErrorsDeg, 0.5)).toBeCloseTo(2);
    expect(quantile(score.kneeErrorsDeg, 0.5)).toBeCloseTo(3);
    expect(score.workingLegRight).toBe(400);
  });

  it('counts frames where the app read the other leg or nobody', () => {
    const readings = run().readings.map((r) =>
      r.timestampMs >= 10_000 && r.timestampMs < 20_000
        ? reading(r.timestampMs, { workingLeg: 'right', personFound: false })
        : r,
    );
    const score = scoreClip(truth(), run({ readings }), GATING);
    expect(score.workingLegRight).toBe(300);
    expect(score.bodyFrames).toBe(590);
    expect(score.bodyFound).toBe(490);
  });

  it('a fault voiced within its span counts with its latency; one outside is false', () => {
    const score = scoreClip(
      truth(),
      run({
        said: [said('fault:working-knee-bent', 21_200), said('fault:back-rounded', 30_000)],
      }),
      GATING,
    );
    expect(score.faults.map((f) => f.id)).toEqual(['working-knee-bent']);
    expect(score.faults[0]?.latencyMs).toBeCloseTo(1_200);
    expect(score.falseCues).toEqual([{ cueKey: 'fault:back-rounded', atMs: 30_000 }]);
    // 40 s of hold minus the 6 s fault span (both ends inclusive: one frame either way).
    expect(Math.abs(score.cleanStretchingMs - 34_000)).toBeLessThanOrEqual(FRAME_MS);
    const summary = summarise('all', [score]);
    expect(summary.faultsWithin1500Ms).toBe(1);
  });

  it('a fault not voiced during its span is missed, and a late cue is not false', () => {
    const score = scoreClip(
      truth(),
      run({ said: [said('fault:working-knee-bent', 27_000)] }),
      GATING,
    );
    expect(score.faults[0]?.latencyMs).toBeNull();
    expect(score.falseCues).toEqual([]);
    expect(summarise('all', [score]).faultsVoiced).toBe(0);
  });

  it('scene events (left frame) are not form faults', () => {
    const leftFrame: StudioTruthFault = { ...KNEE_FAULT, id: 'left-frame', leg: null };
    const score = scoreClip(truth([leftFrame]), run(), GATING);
    expect(score.faults).toEqual([]);
  });

  it('truth held time is the hold less gating faults, capped at the dose', () => {
    const score = scoreClip(truth(), run({ events: [repEnded(30_000, true)] }), GATING);
    // 40 s held, 6 s of it with a gating fault: 34 s, capped at the 30 s dose.
    expect(score.heldInFormMs).toEqual({ truth: 30_000, measured: 30_000 });
    expect(score.reps).toEqual({ truth: 1, measured: 1 });
    const long = scoreClip(
      truth([{ ...KNEE_FAULT, offsetMs: 35_000 }]),
      run({ events: [repEnded(20_000, false)] }),
      GATING,
    );
    expect(long.heldInFormMs.truth).toBe(25_000);
    expect(long.reps.measured).toBe(0);
    expect(summarise('all', [long]).doseExact).toBe(0);
  });
});
