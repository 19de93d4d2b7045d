import { describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../src/protocol';
import { stretchById } from '../../../src/protocol';
import type { PageLifecycleTarget } from '../../../src/session/pageLifecycle';
import { flushWhenPageHides } from '../../../src/session/pageLifecycle';
import {
  SessionRecording,
  finaliseInterrupted,
  type RecordingClock,
} from '../../../src/session/sessionRecording';
import { interruptedSessions } from '../../../src/session/sessionStore';
import type { SessionChunk, SessionMeta } from '../../../src/session/sessionRecord';
import { StorageFullError } from '../../../src/session/storageErrors';
import { MemorySessionStore } from '../../fakes/memorySessionStore';
import { RecordingFeed } from '../../helpers/recordingFeed';
import { utterance } from '../../helpers/sessionScenario';
import { measuresAt } from './measuresFixture';

/** A clock the test moves. */
function fakeClock(startMs = 1_000, epochMs = Date.UTC(2025, 5, 2, 7)) {
  let now = startMs;
  const clock: RecordingClock = { nowMs: () => now, epochMs: () => epochMs + now - startMs };
  return {
    clock,
    advance: (ms: number) => (now += ms),
    get now() {
      return now;
    },
  };
}

const INIT = {
  id: 'live-1',
  stretches: [stretchById('standing-hamstring')],
  routine: ['standing-hamstring'],
  model: 'movenet-lightning',
};

/** Lets queued store writes run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function started(store = new MemorySessionStore()) {
  const time = fakeClock();
  const recording = await SessionRecording.start(store, time.clock, INIT);
  const feed = new RecordingFeed(recording, time.clock.nowMs);
  /** 30 fps frames for `ms`, with `events` on the first. */
  const frames = (ms: number, events: readonly ProtocolEvent[] = []) => {
    for (let t = 0; t < ms; t += 33) {
      time.advance(33);
      feed.frame(measuresAt(time.now, 60), t === 0 ? events : [], time.now);
    }
  };
  return { store, time, recording, frames, feed };
}

describe('the live recording writes about once a second, never per frame', () => {
  it('creates the session in the store at start', async () => {
    const { store } = await started();
    const [entry] = await store.listSessions();
    expect(entry?.meta).toMatchObject({ id: 'live-1', status: 'recording' });
  });

  it('makes one write per second of frames at 30 fps', async () => {
    const { store, frames } = await started();
    const writesAfterStart = store.writes;
    frames(5_000);
    await settle();
    expect(store.writes - writesAfterStart).toBeGreaterThanOrEqual(4);
    expect(store.writes - writesAfterStart).toBeLessThanOrEqual(5);
  });

  it('has in the store everything but the last second at any time', async () => {
    const { store, frames, recording } = await started();
    frames(4_200);
    await settle();
    const stored = await store.getSession('live-1');
    const savedThroughTMs = recording.status.savedThroughTMs;
    const all = await recording.snapshot();
    expect((all.samples.tMs.at(-1) ?? 0) - (stored?.samples.tMs.at(-1) ?? 0)).toBeLessThan(1_000);
    expect(savedThroughTMs).toBe(stored?.meta.lastTMs);
  });

  it('writes on the tick when frames stop coming', async () => {
    const { store, frames, time, feed } = await started();
    frames(300);
    time.advance(1_500);
    feed.tick(time.now);
    await settle();
    expect((await store.getSession('live-1'))?.samples.tMs.length).toBeGreaterThan(0);
  });

  it('flushes at once when the page hides', async () => {
    const { store, frames, recording } = await started();
    const listeners = new Map<string, () => void>();
    const page: PageLifecycleTarget = {
      addEventListener: (type, l) => listeners.set(type, l),
      removeEventListener: (type) => listeners.delete(type),
      document: {
        visibilityState: 'hidden',
        addEventListener: (type, l) => listeners.set(type, l),
        removeEventListener: (type) => listeners.delete(type),
      },
    };
    const detach = flushWhenPageHides(recording, page);
    frames(300);
    listeners.get('visibilitychange')?.();
    await settle();
    expect((await store.getSession('live-1'))?.samples.tMs.length).toBe(
      (await recording.snapshot()).samples.tMs.length,
    );
    detach();
    expect(listeners.size).toBe(0);
  });

  it('keeps the cues given', async () => {
    const { store, recording, time, feed } = await started();
    feed.cue(utterance('fault:back-rounded', 'Back long', time.now + 10));
    await recording.flush();
    expect((await store.getSession('live-1'))?.cues.map((c) => c.text)).toEqual(['Back long']);
  });
});

describe('finishing and interruptions', () => {
  it('marks the session finished with its end reason and summary', async () => {
    const { store, recording, frames, time } = await started();
    frames(2_000, [{ type: 'session-ended', atMs: time.now + 33, reason: 'completed' }]);
    const record = await recording.finish();
    expect(record.meta).toMatchObject({ status: 'finished', endReason: 'completed' });
    const [entry] = await store.listSessions();
    expect(entry?.meta.status).toBe('finished');
    expect(entry?.summary?.durationMs).toBeGreaterThan(1_900);
    expect(await store.getSession('live-1')).toEqual(record);
  });

  it('leaves an abandoned session for the next start to find and finalise', async () => {
    const { store, frames } = await started();
    frames(3_000);
    await settle();
    // The page dies here: no finish. The next start looks for interrupted sessions.
    const interrupted = interruptedSessions(await store.listSessions());
    expect(interrupted.map((e) => e.meta.id)).toEqual(['live-1']);
    const record = await finaliseInterrupted(store, 'live-1');
    expect(record.meta).toMatchObject({ status: 'finished', endReason: 'interrupted' });
    expect(record.samples.tMs.length).toBeGreaterThan(15);
    expect(interruptedSessions(await store.listSessions())).toEqual([]);
  });

  it('resumes an interrupted session after a reload: same id, data appended after a gap', async () => {
    const { store, frames } = await started();
    frames(3_000);
    await settle();
    const before = await store.getSession('live-1');
    const later = fakeClock(50, Date.UTC(2025, 5, 2, 7) + 60_000);
    const resumed = await SessionRecording.resume(store, later.clock, 'live-1');
    const feed = new RecordingFeed(resumed, later.clock.nowMs);
    later.advance(2_000);
    feed.frame(measuresAt(later.now, 61), [], later.now);
    const record = await resumed.finish('completed');
    expect(record.samples.tMs.slice(0, before?.samples.tMs.length)).toEqual(before?.samples.tMs);
    expect(record.samples.tMs.at(-1)).toBeCloseTo(62_000, -2);
    expect(record.meta.segments).toHaveLength(2);
    expect(await store.getSession('live-1')).toEqual(record);
  });
});

describe('when storage is full', () => {
  it('reports StorageFullError, keeps everything in memory, and writes it once space is back', async () => {
    const { store, recording, frames } = await started();
    let full = true;
    store.failWrites = () => (full ? new DOMException('no space', 'QuotaExceededError') : null);
    frames(3_000);
    await settle();
    expect(recording.status.error).toBeInstanceOf(StorageFullError);
    expect(recording.status.error?.message).toMatch(/kept in memory\. Export it now/);
    expect(recording.status.unsavedChunks).toBeGreaterThan(1);
    const inMemory = (await recording.snapshot()).samples.tMs.length;
    expect(inMemory).toBeGreaterThan(25);

    full = false;
    frames(1_100);
    await settle();
    expect(recording.status.error).toBeNull();
    expect(recording.status.unsavedChunks).toBe(0);
    const stored = await store.getSession('live-1');
    expect(stored?.samples.tMs.length).toBeGreaterThanOrEqual(inMemory);
  });

  it('rejects finish with StorageFullError but leaves the session in memory and unfinished in the store', async () => {
    const { store, recording, frames } = await started();
    store.failWrites = () => new DOMException('no space', 'QuotaExceededError');
    frames(2_000);
    await expect(recording.finish('completed')).rejects.toBeInstanceOf(StorageFullError);
    const kept = await recording.snapshot();
    expect(kept.meta.status).toBe('finished');
    expect(kept.samples.tMs.length).toBeGreaterThan(15);
    store.failWrites = null;
    expect((await store.listSessions())[0]?.meta.status).toBe('recording');
  });

  it('carries on in memory when the session cannot even be created', async () => {
    const store = new MemorySessionStore();
    store.failWrites = () => new DOMException('no space', 'QuotaExceededError');
    const time = fakeClock();
    const recording = await SessionRecording.start(store, time.clock, INIT);
    const feed = new RecordingFeed(recording, time.clock.nowMs);
    expect(recording.status.error).toBeInstanceOf(StorageFullError);
    time.advance(1_200);
    feed.frame(measuresAt(time.now, 60), [], time.now);
    store.failWrites = null;
    await recording.flush();
    expect(recording.status.error).toBeNull();
    expect((await store.getSession('live-1'))?.samples.tMs).toHaveLength(1);
  });
});

/** A store whose chunk writes land at once but are only confirmed when the test says so. */
class SlowStore extends MemorySessionStore {
  private readonly held: (() => void)[] = [];
  override async appendChunk(meta: SessionMeta, chunk: SessionChunk): Promise<void> {
    await super.appendChunk(meta, chunk);
    await new Promise<void>((resolve) => this.held.push(resolve));
  }
  confirmWrites(): void {
    for (const confirm of this.held.splice(0)) confirm();
  }
}

/** Every sample time once, in order: no chunk counted twice or lost. */
function strictlyIncreasing(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v > (values[i - 1] ?? Infinity));
}

describe('memory stays flat: what the store has is read back, not kept twice', () => {
  it('joins what the store has with what only memory has, each sample once', async () => {
    const { store, recording, frames } = await started();
    frames(2_000);
    await settle();
    store.failWrites = () => new DOMException('no space', 'QuotaExceededError');
    frames(2_000);
    await settle();
    const stored = (await store.getSession('live-1'))?.samples.tMs ?? [];
    const all = (await recording.snapshot()).samples.tMs;
    expect(stored.length).toBeGreaterThan(10);
    expect(all.slice(0, stored.length)).toEqual(stored);
    expect(all.length).toBeGreaterThan(stored.length + 10);
    expect(strictlyIncreasing(all)).toBe(true);
    // 4 s at 10 samples a second.
    expect(all.length).toBeGreaterThanOrEqual(39);
  });

  it('counts a chunk that is being written once', async () => {
    const store = new SlowStore();
    const { recording, frames } = await started(store);
    frames(1_100);
    await settle();
    const snapshot = recording.snapshot();
    store.confirmWrites();
    await settle();
    store.confirmWrites();
    const tMs = (await snapshot).samples.tMs;
    expect(tMs.length).toBeGreaterThan(9);
    expect(strictlyIncreasing(tMs)).toBe(true);
  });

  it('still exports what memory holds when the store cannot be read', async () => {
    const { store, recording, frames } = await started();
    store.failWrites = () => new DOMException('no space', 'QuotaExceededError');
    frames(1_500);
    store.getSession = () => Promise.reject(new Error('the database is gone'));
    expect((await recording.snapshot()).samples.tMs.length).toBeGreaterThan(10);
  });
});
