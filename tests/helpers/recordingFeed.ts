import type { BodyMeasures } from '../../src/geometry/measures';
import type { Utterance } from '../../src/feedback/cueTypes';
import type { ProtocolEvent } from '../../src/protocol';
import {
  chunkDue,
  recordCue,
  recordEvents,
  recordMeasures,
  takeChunk,
  type RecorderState,
} from '../../src/session/recorder';
import type { SessionRecording } from '../../src/session/sessionRecording';

/**
 * Feeds a live recording the way the coaching step does (frames, events and cues into the pure
 * recorder, a chunk to `save` whenever one is due), with made-up measures and events, so the
 * storage side can be tested without a protocol behind it.
 */
export class RecordingFeed {
  private state: RecorderState;

  constructor(
    private readonly recording: SessionRecording,
    private readonly nowMs: () => number,
  ) {
    this.state = recording.recorder;
    recording.handOverPendingWith(() => this.cut(this.nowMs()));
  }

  frame(measures: BodyMeasures | null, events: readonly ProtocolEvent[], nowMs: number): void {
    if (measures !== null) this.state = recordMeasures(this.state, measures, nowMs);
    this.state = recordEvents(this.state, events);
    if (chunkDue(this.state, nowMs)) this.cut(nowMs);
  }

  /** Session time of the newest sample kept (cut into a chunk or not). */
  get lastSampleTMs(): number | null {
    return this.state.lastSampleTMs;
  }

  cue(utterance: Utterance): void {
    this.state = recordCue(this.state, utterance);
  }

  /** What the engine's tick does when no frames come: cut a chunk once one is due. */
  tick(nowMs: number): void {
    if (chunkDue(this.state, nowMs)) this.cut(nowMs);
  }

  private cut(nowMs: number): void {
    const [next, chunk] = takeChunk(this.state, nowMs);
    this.state = next;
    if (chunk !== null) this.recording.save(next.meta, chunk);
  }
}
