import { describe, expect, it } from 'vitest';
import { SessionInUseError, type RecordingLocks } from '../../../src/engine/recordingLocks';
import { createSessionLibrary } from '../../../src/engine/sessionLibrary';
import { stretchById } from '../../../src/protocol';
import { exportSessionsJson } from '../../../src/session/sessionExport';
import { parseSessionFile } from '../../../src/session/sessionImport';
import { UNLOAD_STASH_KEY, stashChunks } from '../../../src/session/unloadStash';
import { MemoryKeyValueStorage } from '../../fakes/memoryKeyValueStorage';
import { MemorySessionStore } from '../../fakes/memorySessionStore';
import { RecordingFeed } from '../../helpers/recordingFeed';
import { generateSession } from '../../helpers/sessionScenario';
import { measuresAt } from '../session/measuresFixture';

const JUNE_20 = new Date(2025, 5, 20, 12).getTime();

function library(
  store = new MemorySessionStore(),
  stash = new MemoryKeyValueStorage(),
  locks: RecordingLocks | null = null,
) {
  let now = 0;
  let ids = 0;
  const lib = createSessionLibrary({
    store,
    clock: { nowMs: () => now, epochMs: () => JUNE_20 + now },
    newId: () => `new-${ids++}`,
    page: null,
    stash,
    locks,
  });
  return { lib, store, stash, advance: (ms: number) => (now += ms), now: () => now };
}

const june = (day: number) => new Date(2025, 5, day, 7).getTime();
const a = generateSession({
  id: 'a',
  routine: ['standing-hamstring'],
  holdMs: 20_000,
  startEpochMs: june(16),
}).record;
const b = generateSession({
  id: 'b',
  routine: ['standing-hamstring'],
  holdMs: 20_000,
  startEpochMs: june(18),
  peakDeg: { left: 80, right: 70 },
}).record;
const file = exportSessionsJson([a, b], june(19));

describe('the engine session library', () => {
  it('imports a file, tells the screens, and builds the history and reports from it', async () => {
    const { lib } = library();
    const ticks: number[] = [];
    lib.changes.subscribe(() => ticks.push(lib.changes.getSnapshot()));
    expect(await lib.importFile(file)).toEqual({ ok: true, added: ['a', 'b'], skipped: [] });
    expect(ticks).toEqual([1]);
    const view = await lib.history();
    expect(view.sessions.map((s) => s.meta.id)).toEqual(['b', 'a']);
    expect(view.history.weeks.at(-1)?.count).toBe(2);
    const report = await lib.report('a');
    expect(report?.report.meta.id).toBe('a');
    expect(report?.charts[0]?.map((c) => c.title)).toContain('Hip hinge angle');
    expect(await lib.report('nope')).toBeNull();
  });

  it('refuses an oversized file by its size, before reading it', async () => {
    const { lib, store } = library();
    const huge = {
      size: 65 * 1024 * 1024,
      text: () => Promise.reject(new Error('must not be read')),
    };
    const result = await lib.importFile(huge as unknown as Blob);
    expect(result.ok ? 'imported' : result.problem.kind).toBe('too-large');
    expect(store.writes).toBe(0);
  });

  it('exports JSON that imports back to the same sessions, and a CSV with a row per rep', async () => {
    const { lib } = library();
    await lib.importFile(file);
    const json = await lib.exportJson();
    expect(json.fileName).toMatch(/^stretchcheck-sessions-\d{4}-\d\d-\d\d\.json$/);
    const parsed = parseSessionFile(json.text);
    expect(parsed.ok && parsed.sessions.map((s) => s.meta.id)).toEqual(['b', 'a']);
    const csv = await lib.exportCsv(['a']);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(1 + 4);
  });

  it('deletes a session', async () => {
    const { lib } = library();
    await lib.importFile(file);
    expect(await lib.delete('a')).toBe(true);
    expect((await lib.list()).map((e) => e.meta.id)).toEqual(['b']);
  });

  it('recovers stashed chunks before listing, and offers the session as interrupted', async () => {
    const cut = generateSession({
      id: 'cut',
      routine: ['standing-hamstring'],
      holdMs: 20_000,
      cutAtMs: 15_000,
    });
    const stash = new MemoryKeyValueStorage();
    stashChunks(stash, { meta: cut.record.meta, chunks: cut.chunks });
    const { lib } = library(new MemorySessionStore(), stash);
    const view = await lib.history();
    expect(view.interrupted.map((e) => e.meta.id)).toEqual(['cut']);
    expect(stash.map.has(UNLOAD_STASH_KEY)).toBe(false);
    await lib.finalise('cut');
    expect((await lib.history()).sessions.map((s) => s.meta.endReason)).toEqual(['interrupted']);
  });

  it('records, does not call its own live session interrupted, and finishes it', async () => {
    const { lib, advance, now } = library();
    const recording = await lib.startRecording({
      stretches: [stretchById('standing-hamstring')],
      routine: ['standing-hamstring'],
      model: 'movenet-lightning',
    });
    const feed = new RecordingFeed(recording, now);
    for (let i = 0; i < 60; i++) {
      advance(33);
      feed.frame(measuresAt(now(), 60), [], now());
    }
    expect(await lib.interrupted()).toEqual([]);
    expect(parseSessionFile((await lib.exportRecording(recording)).text).ok).toBe(true);
    const record = await lib.finishRecording(recording);
    expect(record.meta.id).toBe('new-0');
    expect((await lib.list())[0]?.meta.status).toBe('finished');
  });
});

describe('reports', () => {
  it('reads the report kept when a session finished, not a new one', async () => {
    const { lib, store } = library();
    await lib.importFile(file);
    const kept = await store.getReport('a');
    expect(kept).not.toBeNull();
    // Stand in a kept report that differs from what the record would build now.
    await store.saveMeta(a.meta, {
      report: { ...kept!, summary: ['Kept when it finished.'] },
      summary: (await store.listSessions()).find((e) => e.meta.id === 'a')!.summary!,
    });
    expect((await lib.report('a'))?.report.summary).toEqual(['Kept when it finished.']);
  });

  it('builds the report of a session finished before reports were kept', async () => {
    const store = new MemorySessionStore();
    // What a store written by an older version holds: the session and its summary, no report.
    await store.addSessions([{ record: a, finished: null }]);
    const { lib } = library(store);
    const view = await lib.report('a');
    expect(view?.report.meta.id).toBe('a');
    expect(view?.report.stretches[0]?.reps.length).toBeGreaterThan(0);
  });
});

describe('two tabs', () => {
  /** Another tab holds the lock of `ids`: they are being recorded there right now. */
  const heldElsewhere = (...ids: string[]): RecordingLocks => ({
    hold: () => () => undefined,
    heldIds: () => Promise.resolve(new Set(ids)),
  });

  it('does not offer a session another tab is recording as cut off, nor let it be taken over', async () => {
    const store = new MemorySessionStore();
    await store.createSession({
      ...a.meta,
      status: 'recording',
      endedAtEpochMs: null,
      endReason: null,
    });
    const elsewhere = library(store, new MemoryKeyValueStorage(), heldElsewhere('a')).lib;
    expect(await elsewhere.interrupted()).toEqual([]);
    await expect(elsewhere.finalise('a')).rejects.toBeInstanceOf(SessionInUseError);
    await expect(elsewhere.resumeRecording('a')).rejects.toBeInstanceOf(SessionInUseError);
    // Once no tab holds it, it really was cut off.
    const later = library(store, new MemoryKeyValueStorage(), heldElsewhere()).lib;
    expect((await later.interrupted()).map((e) => e.meta.id)).toEqual(['a']);
  });

  it('leaves the unload stash of a session another tab is recording alone', async () => {
    const store = new MemorySessionStore();
    const stash = new MemoryKeyValueStorage();
    const recordingMeta = {
      ...a.meta,
      status: 'recording' as const,
      endedAtEpochMs: null,
      endReason: null,
    };
    stashChunks(stash, {
      meta: recordingMeta,
      chunks: [
        {
          sessionId: 'a',
          seq: 0,
          samples: a.samples,
          events: a.events,
          cues: a.cues,
          incidents: [],
        },
      ],
    });
    const elsewhere = library(store, stash, heldElsewhere('a')).lib;
    expect(await elsewhere.list()).toEqual([]);
    expect(stash.getItem(UNLOAD_STASH_KEY)).not.toBeNull();
  });
});
