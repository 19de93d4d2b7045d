import { HeadlessCoach } from '../../../src/coach/headlessCoach';
import { TICK_MS } from '../../../src/engine/live/runnerTiming';
import type { Utterance } from '../../../src/feedback/cueTypes';
import type { Pose } from '../../../src/geometry/types';
import type { StretchDefinition } from '../../../src/protocol';

export { TICK_MS };

const NO_SYMPTOMS = { tingling: false, numbness: false, sharpPain: false } as const;

/**
 * THE coaching step (coach/coachStep.ts, through the headless driver) as a live session runs it,
 * for a clock the caller moves: ticks only when no frame came for TICK_MS, as the session
 * runner's timer does. The user starts at once, has warmed up and feels no symptoms.
 */
export class BenchCoach {
  private readonly coach: HeadlessCoach;
  private lastStepMs = -Infinity;

  constructor(stretch: StretchDefinition) {
    this.coach = new HeadlessCoach({ routine: [stretch], session: { nerveGlide: null } });
    this.coach.command({ command: 'start' }, 0);
    this.answer(0);
  }

  /** Every line the coach gave, in order. */
  get said(): readonly Utterance[] {
    return this.coach.said;
  }

  /** A pose (or no person) arrives at `nowMs`. */
  frame(pose: Pose | null, nowMs: number): void {
    this.lastStepMs = nowMs;
    this.coach.frame(pose, nowMs);
    this.answer(nowMs);
  }

  /** The runner's timer fired at `nowMs`. */
  tick(nowMs: number): void {
    if (nowMs - this.lastStepMs < TICK_MS) return;
    this.lastStepMs = nowMs;
    this.coach.tick(nowMs);
    this.answer(nowMs);
  }

  /** What the user answers when the session waits for them. */
  private answer(nowMs: number): void {
    const phase = this.coach.session.phase;
    if (phase === 'warm-up') this.coach.command({ command: 'confirm-warm-up' }, nowMs);
    if (phase === 'symptom-check') {
      this.coach.command({ command: 'answer-symptoms', answer: NO_SYMPTOMS }, nowMs);
    }
  }
}
