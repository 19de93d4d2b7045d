import { HeadlessCoach } from '../../../src/coach/headlessCoach';
import type { Utterance } from '../../../src/feedback/cueTypes';
import type { Pose } from '../../../src/geometry/types';
import type { ProtocolEvent, StretchDefinition } from '../../../src/protocol';
import { readingOf, type FrameReading } from '../studio/reading';

/**
 * A live coaching session over a clip's poses, without a page: every pose, dated by its own
 * frame, goes through THE coaching step (coach/coachStep.ts) via the headless driver, with the
 * live session's options (spoken intro, countdown, cues on). The person in a rendered clip cannot
 * press buttons, so the driver answers for them what a user would: start at the first frame,
 * "I have warmed up" when asked, and "no symptoms" at the end. Pure: no clock, no IO.
 */

export interface PoseFrame {
  readonly timestampMs: number;
  readonly pose: Pose | null;
}

export interface CoachRun {
  readonly readings: readonly FrameReading[];
  readonly said: readonly Utterance[];
  readonly events: readonly ProtocolEvent[];
}

const NO_SYMPTOMS = { tingling: false, numbness: false, sharpPain: false } as const;

/** Runs one stretch's live session over `frames` (in time order). */
export function driveCoach(stretch: StretchDefinition, frames: readonly PoseFrame[]): CoachRun {
  // Live options, except that a symptom-check yes would offer nothing: nobody says yes here.
  const coach = new HeadlessCoach({ routine: [stretch], session: { nerveGlide: null } });
  /** What the user would answer when the session waits for them. */
  const answer = (atMs: number): void => {
    const phase = coach.session.phase;
    if (phase === 'warm-up') coach.command({ command: 'confirm-warm-up' }, atMs);
    if (phase === 'symptom-check') {
      coach.command({ command: 'answer-symptoms', answer: NO_SYMPTOMS }, atMs);
    }
  };
  const startMs = frames[0]?.timestampMs ?? 0;
  coach.command({ command: 'start' }, startMs);
  answer(startMs);
  const readings: FrameReading[] = [];
  for (const frame of frames) {
    coach.frame(frame.pose, frame.timestampMs);
    const measures = coach.measures;
    if (measures !== null) readings.push(readingOf(measures));
    answer(frame.timestampMs);
  }
  return { readings, said: coach.said, events: coach.events };
}
