import { initialGeometryState, measureFrame, type GeometryState } from '../../../src/geometry';
import type { Pose } from '../../../src/geometry/types';
import {
  initialCuePolicyState,
  stepCuePolicy,
  type CuePolicyState,
} from '../../../src/feedback/cuePolicy';
import type { Utterance } from '../../../src/feedback/cueTypes';
import {
  TIME_TICK,
  initialSessionState,
  transition,
  type SessionInput,
  type SessionState,
  type StretchDefinition,
} from '../../../src/protocol';

/** The live session runner's tick (src/engine/live/sessionRunner.ts, TICK_MS). */
export const TICK_MS = 200;

const NO_SYMPTOMS = { tingling: false, numbness: false, sharpPain: false };

/**
 * The coach as a live session composes it (sessionRunner.ts: measureFrame -> transition ->
 * stepCuePolicy, ticks when no frame came for TICK_MS), without speech or storage, for a clock
 * the caller moves. The user starts at once, has warmed up and feels no symptoms.
 * (When the engine's single coaching step lands, this should call it instead.)
 */
export class HeadlessCoach {
  private geometry: GeometryState = initialGeometryState();
  private session: SessionState;
  private policy: CuePolicyState = initialCuePolicyState();
  private lastStepMs = -Infinity;
  readonly said: Utterance[] = [];

  constructor(stretch: StretchDefinition) {
    this.session = initialSessionState([stretch]);
    this.step({ command: 'start' }, 0);
    if (this.session.phase === 'warm-up') this.step({ command: 'confirm-warm-up' }, 0);
  }

  /** A pose (or no person) arrives at `nowMs`. */
  frame(pose: Pose | null, nowMs: number): void {
    const [geometry, measures] = measureFrame(this.geometry, pose, nowMs);
    this.geometry = geometry;
    this.step(measures, nowMs);
  }

  /** The runner's timer fired at `nowMs`. */
  tick(nowMs: number): void {
    if (nowMs - this.lastStepMs >= TICK_MS) this.step(TIME_TICK, nowMs);
  }

  private step(input: SessionInput, nowMs: number): void {
    this.lastStepMs = nowMs;
    const [session, events] = transition(this.session, input, nowMs);
    this.session = session;
    const [policy, lines] = stepCuePolicy(this.policy, events, session, nowMs);
    this.policy = policy;
    this.said.push(...lines);
    if (session.phase === 'symptom-check') {
      this.step({ command: 'answer-symptoms', answer: NO_SYMPTOMS }, nowMs);
    }
  }
}
