import type { BodyMeasures } from '../geometry/measures';
import { HeadlessCoach } from '../coach/headlessCoach';
import type { ProtocolEventType, SessionOptions, StretchDefinition } from '../protocol';
import { startRecorder } from '../session/recorder';
import type { SessionRecord } from '../session/sessionRecord';

/**
 * The session a video shows: the measures of its frames run through the same coaching step as a
 * live session (coach/coachStep.ts), with the video's own time as the clock (session time 0 is
 * the first frame of the video). The result is a `SessionRecord` like any live one, so the
 * report, history and charts read it unchanged. Pure.
 *
 * What differs from live, because the person in a video was not coached by the app:
 * - no spoken introduction and no countdown (`introMs`, `countdownMs` 0): a rep starts as soon as
 *   the start position has been held steady for the protocol's usual second;
 * - no warm-up question and no symptom check: nobody could answer them, so the replay passes over
 *   them and their events are left out of the record (the report then shows neither);
 * - no coach cues: nothing was said (`coaching: false`).
 * When the video ends before the routine does, the session is stopped at the last frame.
 */

export const OFFLINE_SESSION_OPTIONS: Partial<SessionOptions> = Object.freeze({
  introMs: 0,
  countdownMs: 0,
  nerveGlide: null,
});

/** Events of questions the person in the video was never asked. */
const UNASKED: readonly ProtocolEventType[] = [
  'warm-up-reminder',
  'warm-up-answered',
  'symptom-check',
  'symptom-check-skipped',
  'skipped',
];

export interface OfflineSessionInput {
  /** The record's id: letters, digits, `-` and `_`. */
  readonly id: string;
  /** Wall clock the session is dated at (when the video was recorded or analysed). */
  readonly startedAtEpochMs: number;
  readonly stretch: StretchDefinition;
  /** One per analysed frame, in time order; `timestampMs` is video time. */
  readonly measures: readonly BodyMeasures[];
  /** Length of the video. */
  readonly durationMs: number;
  readonly model: string | null;
  /** Who the video shows; null or left out: no client. */
  readonly client?: string | null;
}

export function replayOfflineSession(input: OfflineSessionInput): SessionRecord {
  const { stretch, durationMs } = input;
  const coach = new HeadlessCoach({
    routine: [stretch],
    session: OFFLINE_SESSION_OPTIONS,
    coaching: false,
    unrecorded: UNASKED,
    recorder: startRecorder({
      id: input.id,
      startedAtEpochMs: input.startedAtEpochMs,
      clockOriginMs: 0,
      stretches: [stretch],
      routine: [stretch.id],
      model: input.model,
      client: input.client ?? null,
    }),
  });
  /** Nobody can answer the warm-up reminder or the symptom check: move past them at once. */
  const passUnasked = (tMs: number): void => {
    const phase = coach.session.phase;
    if (phase === 'warm-up' || phase === 'symptom-check') coach.command({ command: 'skip' }, tMs);
  };
  coach.command({ command: 'start' }, 0);
  passUnasked(0);
  for (const measures of input.measures) {
    coach.measured(measures);
    passUnasked(measures.timestampMs);
  }
  const endMs = Math.max(durationMs, input.measures.at(-1)?.timestampMs ?? 0);
  if (coach.session.phase !== 'done') {
    coach.command({ command: 'stop' }, endMs);
    passUnasked(endMs);
  }
  // 'start' always records an event, so there is a record; its data is the whole session.
  const record = coach.finishedRecord(endMs, { coverEndMs: true });
  if (record === null) throw new Error('replayOfflineSession: nothing was recorded');
  return record;
}
