import type { Side } from '../geometry/measures';
import type { Pose } from '../geometry/types';
import type { SessionPhase } from '../protocol';
import { POSTURES, type Channels } from './bodyModel/postures';
import { bodyAngles } from './bodyModel/postures';
import { placement, renderPose } from './bodyModel/renderPose';
import { bodyPoints, CURL_PER_SHORTENING_DEG } from './bodyModel/skeleton';
import { withTrunkMask } from './bodyModel/trunkMask';

/**
 * The bundled demo's person: does the standing hamstring stretch the way the session asks,
 * phase by phase, so a newcomer on any machine sees the whole flow — including one deliberate
 * fault (a rounded back in the first hold) and its correction. Pure: the pose is a function of
 * where the session is and the time.
 */

/** Where the session is, as the actor needs to know it. */
export interface DemoCue {
  readonly phase: SessionPhase;
  readonly phaseStartMs: number;
  /** 0 on the first leg, 1 on the second. */
  readonly pass: 0 | 1;
  readonly rep: number;
}

export const DEMO_IMAGE = { widthPx: 640, heightPx: 480 } as const;

/** Heel on the step, trunk upright: the standing stretch's start (thigh 40 degrees forward). */
const UPRIGHT_HIP_DEG = POSTURES['standing-step'].base.hipDeg;
/** The fold the demo holds: comfortably past the stretch's 60-degree target. */
const HOLD_HIP_DEG = 72;
const HINGE_MS = 3_000;
const STAND_UP_MS = 1_500;
/**
 * The deliberate fault: the back rounds in the first hold, long enough to be voiced (the policy
 * waits 0.7 s) but shorter than the 3 s after which a break in the hold counts as a fault too.
 */
export const DEMO_FAULT = { rep: 1, pass: 0, fromMs: 9_000, toMs: 11_800 } as const;
const FAULT_EASE_MS = 600;

function smoothstep(x: number): number {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
}

/** 0 -> 1 -> 0 over [from, to], easing in and out over `easeMs`. */
function window01(tMs: number, fromMs: number, toMs: number, easeMs: number): number {
  return Math.min(smoothstep((tMs - fromMs) / easeMs), smoothstep((toMs - tMs) / easeMs));
}

/** How far the back is rounded at `nowMs`: 0 = long and flat, 1 = the fault at its fullest. */
export function demoRounding(cue: DemoCue, nowMs: number): number {
  if (cue.phase !== 'hold') return 0;
  if (cue.pass !== DEMO_FAULT.pass || cue.rep !== DEMO_FAULT.rep) return 0;
  const tMs = Math.max(0, nowMs - cue.phaseStartMs);
  return window01(tMs, DEMO_FAULT.fromMs, DEMO_FAULT.toMs, FAULT_EASE_MS);
}

/** The body's channels at `nowMs` for where the session is. */
export function demoChannels(cue: DemoCue, nowMs: number): Channels {
  const base = POSTURES['standing-step'].base;
  const tMs = Math.max(0, nowMs - cue.phaseStartMs);
  // A slow breath: the fold eases by a degree and back, as a person holding still does.
  const breathDeg = Math.sin((2 * Math.PI * nowMs) / 4_000);
  if (cue.phase === 'hold') {
    const hipDeg = UPRIGHT_HIP_DEG + (HOLD_HIP_DEG - UPRIGHT_HIP_DEG) * smoothstep(tMs / HINGE_MS);
    const rounding = demoRounding(cue, nowMs);
    return {
      ...base,
      hipDeg: hipDeg + breathDeg,
      chordShortening: 0.28 * rounding,
      neckDeg: 30 * rounding,
    };
  }
  // Every other phase: stand tall on the step (easing up after a hold).
  const rise = ['rest', 'symptom-check', 'symptom-advice', 'done'].includes(cue.phase)
    ? smoothstep(tMs / STAND_UP_MS)
    : 1;
  const fromDeg = cue.phase === 'rest' ? HOLD_HIP_DEG : UPRIGHT_HIP_DEG;
  return { ...base, hipDeg: fromDeg + (UPRIGHT_HIP_DEG - fromDeg) * rise + 0.3 * breathDeg };
}

/** First leg: the right, facing image-right; for the second the person turns round. */
export function demoSides(cue: DemoCue): { readonly nearSide: Side; readonly workingLeg: Side } {
  return cue.pass === 0
    ? { nearSide: 'right', workingLeg: 'right' }
    : { nearSide: 'left', workingLeg: 'left' };
}

/**
 * The demo person's pose: MoveNet's 17 points, as the fast model would report them, with a person
 * mask of the trunk as BlazePose full gives. The back is judged only from its outline (geometry's
 * rounding.ts), so without the mask the demo could not show its rounded-back fault.
 */
export function demoPose(cue: DemoCue, nowMs: number): Pose {
  const { nearSide, workingLeg } = demoSides(cue);
  const place = placement(
    false,
    nearSide,
    DEMO_IMAGE.widthPx,
    DEMO_IMAGE.heightPx,
    0.8 * DEMO_IMAGE.heightPx,
  );
  const channels = demoChannels(cue, nowMs);
  const points = bodyPoints(bodyAngles('standing-step', channels));
  const chordShortening = channels.chordShortening;
  const pose = renderPose(points, {
    model: 'movenet',
    nearSide,
    workingLeg,
    placement: place,
    timestampMs: nowMs,
    noisePx: 0,
    rng: null,
    hidden: NOTHING_HIDDEN,
  });
  return withTrunkMask(pose, nearSide, place.front, CURL_PER_SHORTENING_DEG * chordShortening);
}

const NOTHING_HIDDEN: ReadonlySet<never> = new Set();
