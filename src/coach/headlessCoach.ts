import type { BodyMeasures } from '../geometry';
import type { Pose } from '../geometry/types';
import type { Utterance } from '../feedback/cueTypes';
import type { ProtocolEvent, SessionEndReason, SessionState, UserCommand } from '../protocol';
import { finishMeta, joinChunks, sessionTime } from '../session/recorder';
import type {
  RecordedEndReason,
  SessionChunk,
  SessionMeta,
  SessionRecord,
} from '../session/sessionRecord';
import { coachStep, initialCoachState } from './coachStep';
import type { CoachEffect, CoachInit, CoachInput, CoachState } from './coachTypes';

/**
 * The coaching step without a page: feeds it inputs on a clock the caller moves, and keeps every
 * effect as data — the lines said, the protocol's events, the recording's chunks — instead of
 * speaking or storing anything. What an analysed video, a replay, a test or a bench runs; the
 * live engine runs the same step with real effects (engine/live/sessionRunner.ts).
 *
 *   const coach = new HeadlessCoach({ routine });
 *   coach.command({ command: 'start' }, 0);
 *   for (const frame of frames) coach.frame(frame.pose, frame.timestampMs);
 *   coach.said; coach.events; coach.record();
 */
export class HeadlessCoach {
  private current: CoachState;
  private readonly lines: Utterance[] = [];
  private readonly protocolEvents: ProtocolEvent[] = [];
  private readonly chunks: SessionChunk[] = [];
  private lastMeta: SessionMeta | null;
  private endReason: SessionEndReason | null = null;

  constructor(init: CoachInit) {
    this.current = initialCoachState(init);
    this.lastMeta = init.recorder?.meta ?? null;
  }

  get state(): CoachState {
    return this.current;
  }

  get session(): SessionState {
    return this.current.session;
  }

  /** The latest frame's measures. */
  get measures(): BodyMeasures | null {
    return this.current.measures;
  }

  /** Every line the coach gave, in order. */
  get said(): readonly Utterance[] {
    return this.lines;
  }

  /** Every protocol event, in order, dated by the step that produced it. */
  get events(): readonly ProtocolEvent[] {
    return this.protocolEvents;
  }

  /** The protocol's reason once the session ended, else null. */
  get ended(): SessionEndReason | null {
    return this.endReason;
  }

  /** One input at `nowMs`; returns its effects (also kept). */
  step(input: CoachInput, nowMs: number): readonly CoachEffect[] {
    const [next, effects] = coachStep(this.current, input, nowMs);
    this.current = next;
    for (const effect of effects) this.keep(effect);
    return effects;
  }

  frame(pose: Pose | null, timestampMs: number): readonly CoachEffect[] {
    return this.step({ type: 'frame', timestampMs, pose }, timestampMs);
  }

  measured(measures: BodyMeasures): readonly CoachEffect[] {
    return this.step({ type: 'measured-frame', measures }, measures.timestampMs);
  }

  command(command: UserCommand, nowMs: number): readonly CoachEffect[] {
    return this.step({ type: 'command', command }, nowMs);
  }

  tick(nowMs: number): readonly CoachEffect[] {
    return this.step({ type: 'tick' }, nowMs);
  }

  /** Cuts what the recorder holds into a last chunk. */
  flush(nowMs: number): void {
    this.step({ type: 'flush' }, nowMs);
  }

  /** The recording so far: every chunk cut (flush first for the tail). Null when not recording. */
  record(): SessionRecord | null {
    return this.lastMeta === null ? null : joinChunks(this.lastMeta, this.chunks);
  }

  /** The chunks cut so far, as storage would have received them. */
  get savedChunks(): readonly SessionChunk[] {
    return this.chunks;
  }

  /**
   * The recording closed at engine time `endMs` (its tail cut first): status finished, the
   * protocol's end reason (else `fallback`), and at least `endMs` long when `coverEndMs` says so
   * (an analysed video lasts as long as the video, whatever it recorded last).
   */
  finishedRecord(
    endMs: number,
    options: { readonly fallback?: RecordedEndReason; readonly coverEndMs?: boolean } = {},
  ): SessionRecord | null {
    this.flush(endMs);
    const record = this.record();
    const recorder = this.current.recorder;
    if (record === null || recorder === null) return null;
    const lastTMs =
      options.coverEndMs === true
        ? Math.max(record.meta.lastTMs, sessionTime(recorder, endMs))
        : record.meta.lastTMs;
    const meta = finishMeta(
      { ...record.meta, lastTMs },
      this.endReason ?? options.fallback ?? 'stopped',
      record.meta.startedAtEpochMs + lastTMs,
    );
    return { ...record, meta };
  }

  private keep(effect: CoachEffect): void {
    switch (effect.type) {
      case 'say':
        this.lines.push(effect.utterance);
        break;
      case 'protocol-events':
        this.protocolEvents.push(...effect.events);
        break;
      case 'save-chunk':
        this.chunks.push(effect.chunk);
        this.lastMeta = effect.meta;
        break;
      case 'session-ended':
        this.endReason = effect.reason;
        break;
      case 'silence':
      case 'clip-pose':
        break;
    }
  }
}
