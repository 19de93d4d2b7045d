import type { BodyMeasures } from '../geometry/measures';
import {
  initialSessionState,
  transition,
  type ProtocolEvent,
  type SessionInput,
  type SessionOptions,
  type SessionState,
  type StretchDefinition,
} from '../protocol';
import {
  endReasonFromEvents,
  finishMeta,
  recordEvents,
  recordMeasures,
  startRecorder,
  takeChunk,
  type RecorderState,
} from '../session/recorder';
import type { RecordedEvent, SessionRecord } from '../session/sessionRecord';

/**
 * The session a video shows: the measures of its frames run through the same stretch protocol
 * and recorder as a live session, with the video's own time as the clock (session time 0 is the
 * first frame of the video). The result is a `SessionRecord` like any live one, so the report,
 * history and charts read it unchanged. Pure.
 *
 * What differs from live, because the person in a video was not coached by the app:
 * - no spoken introduction and no countdown (`introMs`, `countdownMs` 0): a rep starts as soon as
 *   the start position has been held steady for the protocol's usual second;
 * - no warm-up question and no symptom check: nobody could answer them, so the replay passes over
 *   them and their events are left out of the record (the report then shows neither);
 * - no coach cues: nothing was said.
 * When the video ends before the routine does, the session is stopped at the last frame.
 */

export const OFFLINE_SESSION_OPTIONS: Partial<SessionOptions> = Object.freeze({
  introMs: 0,
  countdownMs: 0,
  nerveGlide: null,
});

/** Events of questions the person in the video was never asked. */
const UNASKED: ReadonlySet<ProtocolEvent['type']> = new Set([
  'warm-up-reminder',
  'warm-up-answered',
  'symptom-check',
  'symptom-check-skipped',
  'skipped',
]);

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
}

interface Replay {
  readonly session: SessionState;
  readonly recorder: RecorderState;
  readonly events: readonly RecordedEvent[];
}

function step(replay: Replay, input: SessionInput, tMs: number): Replay {
  const [session, events] = transition(replay.session, input, tMs);
  const kept = events.filter((e) => !UNASKED.has(e.type));
  let next: Replay = {
    session,
    recorder: recordEvents(replay.recorder, kept),
    events: kept.length === 0 ? replay.events : [...replay.events, ...kept],
  };
  // Nobody can answer the warm-up reminder or the symptom check: move past them at once.
  if (session.phase === 'warm-up' || session.phase === 'symptom-check')
    next = step(next, { command: 'skip' }, tMs);
  return next;
}

export function replayOfflineSession(input: OfflineSessionInput): SessionRecord {
  const { stretch, durationMs } = input;
  let replay: Replay = {
    session: initialSessionState([stretch], OFFLINE_SESSION_OPTIONS),
    recorder: startRecorder({
      id: input.id,
      startedAtEpochMs: input.startedAtEpochMs,
      clockOriginMs: 0,
      stretches: [stretch],
      routine: [stretch.id],
      model: input.model,
    }),
    events: [],
  };
  replay = step(replay, { command: 'start' }, 0);
  for (const measures of input.measures) {
    const tMs = measures.timestampMs;
    // The measures of the whole video are kept for the charts, also after the routine ended.
    replay = { ...replay, recorder: recordMeasures(replay.recorder, measures, tMs) };
    if (replay.session.phase !== 'done') replay = step(replay, measures, tMs);
  }
  const endMs = Math.max(durationMs, input.measures.at(-1)?.timestampMs ?? 0);
  if (replay.session.phase !== 'done') replay = step(replay, { command: 'stop' }, endMs);
  const [recorder, chunk] = takeChunk(replay.recorder, endMs);
  const lastTMs = Math.round(endMs);
  const meta = finishMeta(
    { ...recorder.meta, lastTMs },
    endReasonFromEvents(replay.events) ?? 'stopped',
    input.startedAtEpochMs + lastTMs,
  );
  // 'start' always records an event, so there is a chunk; its data is the whole session.
  if (chunk === null) throw new Error('replayOfflineSession: nothing was recorded');
  return {
    meta,
    samples: chunk.samples,
    events: chunk.events,
    cues: chunk.cues,
    incidents: chunk.incidents,
  };
}
