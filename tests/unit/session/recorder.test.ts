import { describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../src/protocol';
import { stretchById } from '../../../src/protocol';
import {
  FLUSH_INTERVAL_MS,
  SAMPLE_INTERVAL_MS,
  chunkDue,
  recordCue,
  recordEvents,
  recordMeasures,
  resumeRecorder,
  shiftEventTime,
  startRecorder,
  takeChunk,
} from '../../../src/session/recorder';
import { sampleAt, sampleCount } from '../../../src/session/sampleBlock';
import { generateSession, utterance } from '../../helpers/sessionScenario';
import { measuresAt } from './measuresFixture';

const CLOCK_ORIGIN_MS = 123_456;

function recorder() {
  return startRecorder({
    id: 'rec-1',
    startedAtEpochMs: Date.UTC(2025, 0, 6, 8),
    clockOriginMs: CLOCK_ORIGIN_MS,
    stretches: [stretchById('standing-hamstring')],
    routine: ['standing-hamstring'],
    model: 'movenet-lightning',
  });
}

describe('the recorder keeps measures at a reduced rate', () => {
  it('keeps one sample per 100 ms slot from a jittery 30 fps stream', () => {
    let state = recorder();
    for (let i = 0; i < 90; i++) {
      // 33.3 ms apart, each a few ms early or late.
      const nowMs = CLOCK_ORIGIN_MS + Math.round((i * 1000) / 30) + ((i * 7) % 5) - 2;
      state = recordMeasures(state, measuresAt(nowMs, 60 + i * 0.1), nowMs);
    }
    const slots = state.pending.samples.tMs.map((t) => Math.floor(t / SAMPLE_INTERVAL_MS));
    expect(slots.length).toBeGreaterThanOrEqual(29);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it('stores session time, angles to 0.1 degree and missing measures as null', () => {
    const nowMs = CLOCK_ORIGIN_MS + 2_500;
    const state = recordMeasures(recorder(), measuresAt(nowMs, 61.23456), nowMs);
    const sample = sampleAt(state.pending.samples, 0);
    expect(sample?.tMs).toBe(2_500);
    expect(sample?.hipFlexionLeftDeg).toBe(61.2);
    expect(sample?.legRaiseLeftDeg).toBeNull();
    expect(sample?.kneeStateLeft).toBe('straight');
  });

  it('keeps a non-finite angle as missing, since JSON cannot hold NaN', () => {
    const nowMs = CLOCK_ORIGIN_MS + 100;
    const state = recordMeasures(recorder(), measuresAt(nowMs, Number.NaN), nowMs);
    expect(sampleAt(state.pending.samples, 0)?.hipFlexionLeftDeg).toBeNull();
  });
});

describe('the recorder keeps every event and cue', () => {
  it('keeps events in order with their times moved to session time', () => {
    const events: ProtocolEvent[] = [
      { type: 'rep-started', atMs: CLOCK_ORIGIN_MS + 5_000, stretchId: 's', leg: 'left', rep: 1 },
      {
        type: 'fault-started',
        atMs: CLOCK_ORIGIN_MS + 7_000,
        fault: 'back-rounded',
        aspect: 'back',
        gatesHold: true,
        startMs: CLOCK_ORIGIN_MS + 6_300,
      },
      {
        type: 'fault-ended',
        atMs: CLOCK_ORIGIN_MS + 9_000,
        fault: 'back-rounded',
        startMs: CLOCK_ORIGIN_MS + 6_300,
        durationMs: 2_700,
      },
    ];
    const state = recordEvents(recorder(), events);
    expect(state.pending.events).toEqual([
      expect.objectContaining({ type: 'rep-started', atMs: 5_000 }),
      expect.objectContaining({ type: 'fault-started', atMs: 7_000, startMs: 6_300 }),
      expect.objectContaining({
        type: 'fault-ended',
        atMs: 9_000,
        startMs: 6_300,
        durationMs: 2_700,
      }),
    ]);
  });

  it('does not change the events it was given', () => {
    const event: ProtocolEvent = { type: 'position-reached', atMs: CLOCK_ORIGIN_MS + 10 };
    recordEvents(recorder(), [event]);
    expect(event.atMs).toBe(CLOCK_ORIGIN_MS + 10);
    expect(shiftEventTime(event, 0)).toBe(event);
  });

  it('keeps a cue with its key, text, priority and whether it was spoken', () => {
    const state = recordCue(
      recorder(),
      utterance('fault:back-rounded', 'Back long', CLOCK_ORIGIN_MS + 800),
    );
    expect(state.pending.cues).toEqual([
      {
        atMs: 800,
        cueKey: 'fault:back-rounded',
        text: 'Back long',
        priority: 'form',
        spoken: true,
      },
    ]);
  });

  it('records every protocol event of a whole generated session, none lost or added', () => {
    const session = generateSession({ routine: ['standing-hamstring'], holdMs: 20_000 });
    expect(session.record.events.map((e) => e.type)).toEqual(
      session.engineEvents.map((e) => e.type),
    );
    const origin = 50_000;
    expect(session.record.events.map((e) => e.atMs)).toEqual(
      session.engineEvents.map((e) => e.atMs - origin),
    );
  });
});

describe('the recorder cuts append-only chunks at most once a second', () => {
  it('is not due before the flush interval, and is due after it with something pending', () => {
    let state = recorder();
    const at = (ms: number) => CLOCK_ORIGIN_MS + ms;
    state = recordMeasures(state, measuresAt(at(10), 60), at(10));
    expect(chunkDue(state, at(FLUSH_INTERVAL_MS - 1))).toBe(false);
    expect(chunkDue(state, at(FLUSH_INTERVAL_MS))).toBe(true);
    const [next, chunk] = takeChunk(state, at(FLUSH_INTERVAL_MS));
    expect(chunk?.seq).toBe(0);
    expect(sampleCount(chunk?.samples ?? next.pending.samples)).toBe(1);
    expect(chunkDue(next, at(FLUSH_INTERVAL_MS * 3))).toBe(false);
  });

  it('numbers chunks without gaps and moves the meta to the last recorded time', () => {
    const session = generateSession({ routine: ['standing-hamstring'], holdMs: 20_000 });
    expect(session.chunks.map((c) => c.seq)).toEqual(session.chunks.map((_, i) => i));
    expect(session.record.meta.lastTMs).toBe(
      Math.max(
        session.record.samples.tMs.at(-1) ?? 0,
        session.record.events.at(-1)?.atMs ?? 0,
        session.record.cues.at(-1)?.atMs ?? 0,
      ),
    );
  });

  it('cuts about one chunk per second of session', () => {
    const session = generateSession({ routine: ['standing-hamstring'], holdMs: 20_000 });
    const seconds = session.record.meta.lastTMs / 1000;
    expect(session.chunks.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    expect(session.chunks.length).toBeGreaterThan(seconds * 0.9);
  });

  it('returns no chunk when nothing is pending', () => {
    const [, chunk] = takeChunk(recorder(), CLOCK_ORIGIN_MS + 5_000);
    expect(chunk).toBeNull();
  });
});

describe('resuming an interrupted recording', () => {
  it('continues the chunk numbers and the session time from the wall-clock gap', () => {
    const started = recorder();
    const [state] = takeChunk(
      recordMeasures(started, measuresAt(CLOCK_ORIGIN_MS + 4_000, 60), CLOCK_ORIGIN_MS + 4_000),
      CLOCK_ORIGIN_MS + 4_000,
    );
    // The page reloads 10 s after the session started; its clock starts again near 0.
    const resumed = resumeRecorder(state.meta, {
      resumedAtEpochMs: state.meta.startedAtEpochMs + 10_000,
      clockOriginMs: 200,
      nextSeq: 1,
    });
    const next = recordMeasures(resumed, measuresAt(700, 61), 700);
    expect(next.pending.samples.tMs).toEqual([10_500]);
    expect(next.meta.segments.map((s) => s.startTMs)).toEqual([0, 10_000]);
    const [, chunk] = takeChunk(next, 700);
    expect(chunk?.seq).toBe(1);
  });

  it('never goes back before what is stored, even when the wall clock does', () => {
    const [state] = takeChunk(
      recordMeasures(recorder(), measuresAt(CLOCK_ORIGIN_MS + 8_000, 60), CLOCK_ORIGIN_MS + 8_000),
      CLOCK_ORIGIN_MS + 8_000,
    );
    const resumed = resumeRecorder(state.meta, {
      resumedAtEpochMs: state.meta.startedAtEpochMs + 1_000,
      clockOriginMs: 0,
      nextSeq: 1,
    });
    expect(resumed.meta.segments.at(-1)?.startTMs).toBeGreaterThan(8_000);
  });
});
