import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DexieSessionStore } from '../../../src/session/dexieSessionStore';
import { exportSessionsJson } from '../../../src/session/sessionExport';
import { importSessionFile } from '../../../src/session/sessionImport';
import type { SessionRecord } from '../../../src/session/sessionRecord';
import {
  SessionRecording,
  finaliseInterrupted,
  finishedReport,
} from '../../../src/session/sessionRecording';
import { interruptedSessions } from '../../../src/session/sessionStore';
import { SessionExistsError } from '../../../src/session/storageErrors';
import { buildSessionReport } from '../../../src/session/reportSession';
import { stretchById } from '../../../src/protocol';
import { RecordingFeed } from '../../helpers/recordingFeed';
import { generateSession } from '../../helpers/sessionScenario';
import { measuresAt } from '../../unit/session/measuresFixture';

/**
 * The IndexedDB store through Dexie, on fake-indexeddb (an in-memory IndexedDB that follows the
 * spec, transactions included). The same store runs on Chromium's real IndexedDB in
 * tests/browser/modules/sessionStore.spec.ts.
 */

const open: DexieSessionStore[] = [];
let dbCount = 0;

function newStore(name = `sessions-test-${dbCount++}`): DexieSessionStore {
  const store = new DexieSessionStore(name);
  open.push(store);
  return store;
}

afterEach(async () => {
  for (const store of open.splice(0)) await store.deleteDatabase();
});

const generated = generateSession({ id: 'gen-1', routine: ['standing-hamstring'], holdMs: 20_000 });

describe('the IndexedDB session store', () => {
  it('rebuilds a session from its chunks, in order', async () => {
    const store = newStore();
    const { record, chunks } = generated;
    await store.createSession({ ...record.meta, status: 'recording', lastTMs: 0 });
    for (const chunk of chunks)
      await store.appendChunk({ ...record.meta, status: 'recording' }, chunk);
    const finished = finishedReport(record);
    await store.saveMeta(record.meta, finished);
    expect(await store.getSession('gen-1')).toEqual(record);
    const [entry] = await store.listSessions();
    expect(entry?.chunkCount).toBe(chunks.length);
    expect(entry?.summary?.legs).toHaveLength(2);
    expect(await store.getReport('gen-1')).toEqual(finished.report);
    // Recording again (a resume) drops the report of the finished session.
    await store.saveMeta({ ...record.meta, status: 'recording' }, null);
    expect(await store.getReport('gen-1')).toBeNull();
  });

  it('refuses a chunk number already stored, and a second session with the same id', async () => {
    const store = newStore();
    const [first] = generated.chunks;
    if (first === undefined) throw new Error('the generated session has no chunk');
    await store.createSession(generated.record.meta);
    await store.appendChunk(generated.record.meta, first);
    await expect(store.appendChunk(generated.record.meta, first)).rejects.toThrow(
      /Key already exists|ConstraintError/,
    );
    expect((await store.getSession('gen-1'))?.samples).toEqual(first.samples);
    await expect(store.createSession(generated.record.meta)).rejects.toBeInstanceOf(
      SessionExistsError,
    );
  });

  it('lists newest first and deletes a session with all its chunks', async () => {
    const store = newStore();
    const older = generateSession({
      id: 'older',
      routine: ['supine-strap'],
      holdMs: 20_000,
      startEpochMs: Date.UTC(2025, 3, 1),
    });
    await importSessionFile(
      store,
      exportSessionsJson([older.record, generated.record], Date.UTC(2025, 5, 1)),
    );
    expect((await store.listSessions()).map((e) => e.meta.id)).toEqual(['gen-1', 'older']);
    expect(await store.deleteSession('gen-1')).toBe(true);
    expect(await store.getSession('gen-1')).toBeNull();
    expect(await store.deleteSession('gen-1')).toBe(false);
    expect((await store.listSessions()).map((e) => e.meta.id)).toEqual(['older']);
  });

  it('adds imported sessions all together or not at all', async () => {
    const store = newStore();
    const broken = {
      record: {
        ...generated.record,
        meta: { ...generated.record.meta, id: 'broken' },
        cues: [() => 1],
      } as unknown as SessionRecord,
      finished: null,
    };
    const good = {
      record: { ...generated.record, meta: { ...generated.record.meta, id: 'good' } },
      finished: null,
    };
    // The second cannot be stored (a function is not cloneable): the first must not stay.
    await expect(store.addSessions([good, broken])).rejects.toThrow();
    expect(await store.listSessions()).toEqual([]);
  });

  it('round-trips an export through import into IndexedDB unchanged', async () => {
    const store = newStore();
    const result = await importSessionFile(
      store,
      exportSessionsJson([generated.record], Date.UTC(2025, 5, 1)),
    );
    expect(result.ok).toBe(true);
    expect(await store.getSession('gen-1')).toEqual(generated.record);
  });

  it('opens a database written before reports were kept, and keeps its sessions readable', async () => {
    // The rows as the store writes them, copied into a database with the first layout (no
    // reports table), as a browser that ran an older version holds them.
    const currentName = `sessions-test-${dbCount++}`;
    const current = newStore(currentName);
    await current.addSessions([{ record: generated.record, finished: null }]);
    current.close();
    const rows = new Dexie(currentName);
    await rows.open();
    const sessions: unknown[] = await rows.table('sessions').toArray();
    const chunks: unknown[] = await rows.table('chunks').toArray();
    rows.close();
    const oldName = `sessions-test-v1-${dbCount++}`;
    const old = new Dexie(oldName);
    old.version(1).stores({
      sessions: 'id, startedAtEpochMs, status',
      chunks: '[sessionId+seq], sessionId',
    });
    await old.table('sessions').bulkAdd(sessions);
    await old.table('chunks').bulkAdd(chunks);
    old.close();

    const upgraded = newStore(oldName);
    await upgraded.open();
    expect((await upgraded.listSessions()).map((e) => e.meta.id)).toEqual(['gen-1']);
    expect(await upgraded.getSession('gen-1')).toEqual(generated.record);
    expect(await upgraded.getReport('gen-1')).toBeNull();
    // Finishing it again (a resumed session) now keeps its report.
    const finished = finishedReport(generated.record);
    await upgraded.saveMeta(generated.record.meta, finished);
    expect(await upgraded.getReport('gen-1')).toEqual(buildSessionReport(generated.record));
  });

  it('keeps a live recording when the page dies, and offers it on the next start', async () => {
    const name = `sessions-crash-${dbCount++}`;
    const first = newStore(name);
    let now = 0;
    const clock = { nowMs: () => now, epochMs: () => Date.UTC(2025, 5, 2, 7) + now };
    const recording = await SessionRecording.start(first, clock, {
      id: 'live',
      stretches: [stretchById('standing-hamstring')],
      routine: ['standing-hamstring'],
      model: null,
    });
    const feed = new RecordingFeed(recording, clock.nowMs);
    for (now = 33; now < 4_000; now += 33) feed.frame(measuresAt(now, 60), [], now);
    await recording.flush();
    // The page goes away without finishing: only the connection closes.
    first.close();

    const second = newStore(name);
    const interrupted = interruptedSessions(await second.listSessions());
    expect(interrupted.map((e) => e.meta.id)).toEqual(['live']);
    const finished = await finaliseInterrupted(second, 'live');
    expect(finished.meta.endReason).toBe('interrupted');
    expect(finished.samples.tMs.length).toBeGreaterThanOrEqual(39);
  });
});
