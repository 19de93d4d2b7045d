import { describe, expect, it } from 'vitest';
import { stretchById } from '../../../src/protocol';
import { flushWhenPageHides, type PageLifecycleTarget } from '../../../src/session/pageLifecycle';
import { SessionRecording } from '../../../src/session/sessionRecording';
import { interruptedSessions } from '../../../src/session/sessionStore';
import { UNLOAD_STASH_KEY, recoverStash, stashChunks } from '../../../src/session/unloadStash';
import { MemoryKeyValueStorage } from '../../fakes/memoryKeyValueStorage';
import { MemorySessionStore } from '../../fakes/memorySessionStore';
import { RecordingFeed } from '../../helpers/recordingFeed';
import { generateSession } from '../../helpers/sessionScenario';
import { measuresAt } from './measuresFixture';

/** A page whose IndexedDB writes never land after pagehide, as in Chromium on a reload. */
async function recordThenUnload() {
  const store = new MemorySessionStore();
  const stash = new MemoryKeyValueStorage();
  let now = 0;
  const clock = { nowMs: () => now, epochMs: () => Date.UTC(2025, 5, 2, 7) + now };
  const recording = await SessionRecording.start(
    store,
    clock,
    {
      id: 'unload',
      stretches: [stretchById('standing-hamstring')],
      routine: ['standing-hamstring'],
      model: null,
    },
    { stash },
  );
  let pageHide: (() => void) | null = null;
  const page: PageLifecycleTarget = {
    addEventListener: (_type, listener) => (pageHide = listener),
    removeEventListener: () => undefined,
    document: {
      visibilityState: 'visible',
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    },
  };
  flushWhenPageHides(recording, page);
  const feed = new RecordingFeed(recording, clock.nowMs);
  for (now = 33; now < 2_600; now += 33) feed.frame(measuresAt(now, 60), [], now);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const lastFrameTMs = feed.lastSampleTMs;
  // The unload: writes from here on fail; the pagehide handler runs.
  store.failWrites = () => new Error('the page is gone');
  (pageHide as (() => void) | null)?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
  store.failWrites = null;
  return { store, stash, lastFrameTMs };
}

describe('the unload stash', () => {
  it('brings the last second back after an unload that dropped the store write', async () => {
    const { store, stash, lastFrameTMs } = await recordThenUnload();
    expect((await store.getSession('unload'))?.samples.tMs.at(-1)).toBeLessThan(
      (lastFrameTMs ?? 0) - 300,
    );
    expect(stash.map.has(UNLOAD_STASH_KEY)).toBe(true);

    expect(await recoverStash(store, stash)).toEqual(['unload']);
    const record = await store.getSession('unload');
    expect(record?.samples.tMs.at(-1)).toBe(lastFrameTMs);
    expect(interruptedSessions(await store.listSessions()).map((e) => e.meta.id)).toEqual([
      'unload',
    ]);
    expect(stash.map.has(UNLOAD_STASH_KEY)).toBe(false);
  });

  it('does not add chunks twice when the store already has them', async () => {
    const { store, stash } = await recordThenUnload();
    const stashed = stash.map.get(UNLOAD_STASH_KEY) ?? '';
    await recoverStash(store, stash);
    const once = await store.getSession('unload');
    // The same stash again (say the store write landed after all): nothing new is added.
    stash.map.set(UNLOAD_STASH_KEY, stashed);
    expect(await recoverStash(store, stash)).toEqual([]);
    expect(await store.getSession('unload')).toEqual(once);
  });

  it('creates the session from the stash when even its creation never reached the store', async () => {
    const { record, chunks } = generateSession({
      id: 'never-stored',
      routine: ['standing-hamstring'],
      holdMs: 20_000,
      cutAtMs: 12_000,
    });
    const store = new MemorySessionStore();
    const stash = new MemoryKeyValueStorage();
    stashChunks(stash, { meta: record.meta, chunks });
    await recoverStash(store, stash);
    expect(await store.getSession('never-stored')).toEqual(record);
  });

  it('ignores a corrupt stash and leaves the store alone', async () => {
    const store = new MemorySessionStore();
    const stash = new MemoryKeyValueStorage();
    stash.map.set(UNLOAD_STASH_KEY, '{"x":{"meta":1,"chunks":"no"}}');
    expect(await recoverStash(store, stash)).toEqual([]);
    expect(store.writes).toBe(0);
  });

  it('drops the stash once every chunk is in the store', async () => {
    const store = new MemorySessionStore();
    const stash = new MemoryKeyValueStorage();
    let now = 0;
    const clock = { nowMs: () => now, epochMs: () => Date.UTC(2025, 5, 2) + now };
    const recording = await SessionRecording.start(
      store,
      clock,
      {
        id: 'hidden',
        stretches: [stretchById('standing-hamstring')],
        routine: ['standing-hamstring'],
        model: null,
      },
      { stash },
    );
    const feed = new RecordingFeed(recording, clock.nowMs);
    for (now = 33; now < 500; now += 33) feed.frame(measuresAt(now, 60), [], now);
    // The tab is hidden (stash + write), then the write lands: the stash is no longer needed.
    recording.stashForUnload();
    expect(stash.map.has(UNLOAD_STASH_KEY)).toBe(true);
    await recording.flush();
    expect(stash.map.has(UNLOAD_STASH_KEY)).toBe(false);
  });
});
