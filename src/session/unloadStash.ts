import { z } from 'zod';
import './zodSetup';
import type { SessionChunk, SessionMeta } from './sessionRecord';
import { sessionChunkSchema, sessionMetaSchema } from './sessionSchema';
import type { SessionStore } from './sessionStore';
import type { KeyValueStorage } from './settingsStore';

/**
 * The last second of a recording, kept through a page unload. Chromium drops IndexedDB writes
 * started in `pagehide` when a page reloads or closes (measured in
 * tests/browser/modules/sessionStore.spec.ts: a put issued in pagehide, even with an explicit
 * commit(), is not there after the reload). localStorage writes are synchronous and do land, so
 * on pagehide the recording also puts its unsaved chunks (normally under a second of data, a
 * few kB) there, and the next start moves them into the store.
 */

export const UNLOAD_STASH_KEY = 'stretchcheck.unsaved-chunks.v1';

export interface StashEntry {
  readonly meta: SessionMeta;
  /** In seq order. */
  readonly chunks: readonly SessionChunk[];
}

const stashSchema = z.record(
  z.string(),
  z.strictObject({ meta: sessionMetaSchema, chunks: z.array(sessionChunkSchema).max(10_000) }),
);

function read(storage: KeyValueStorage): Record<string, StashEntry> {
  try {
    const raw = storage.getItem(UNLOAD_STASH_KEY);
    if (raw === null) return {};
    const parsed = stashSchema.safeParse(JSON.parse(raw));
    // A corrupt stash is dropped: it is a best-effort copy of data the store mostly has.
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function write(storage: KeyValueStorage, stash: Record<string, StashEntry>): boolean {
  try {
    if (Object.keys(stash).length === 0) storage.removeItem(UNLOAD_STASH_KEY);
    else storage.setItem(UNLOAD_STASH_KEY, JSON.stringify(stash));
    return true;
  } catch {
    // Full or refused: the store's own write may still land; nothing else can be done here.
    return false;
  }
}

function without(stash: Record<string, StashEntry>, sessionId: string): Record<string, StashEntry> {
  return Object.fromEntries(Object.entries(stash).filter(([id]) => id !== sessionId));
}

/** Keeps `entry` (replacing an earlier stash of the same session). Synchronous; best effort. */
export function stashChunks(storage: KeyValueStorage, entry: StashEntry): boolean {
  const others = without(read(storage), entry.meta.id);
  return write(storage, entry.chunks.length === 0 ? others : { ...others, [entry.meta.id]: entry });
}

export function clearStash(storage: KeyValueStorage, sessionId: string): void {
  const stash = read(storage);
  if (sessionId in stash) write(storage, without(stash, sessionId));
}

/**
 * Moves stashed chunks into the store: those the store does not have yet, renumbered to follow
 * what it has. Returns the ids of sessions that got data. Call it before looking for
 * interrupted sessions.
 */
export async function recoverStash(
  store: SessionStore,
  storage: KeyValueStorage,
  liveIds: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const stash = read(storage);
  const recovered: string[] = [];
  for (const [sessionId, entry] of Object.entries(stash)) {
    // Another tab is still recording it (and writing its chunks): its stash is not orphaned.
    if (liveIds.has(sessionId)) continue;
    const stored = (await store.listSessions()).find((e) => e.meta.id === sessionId);
    if (stored === undefined) await store.createSession({ ...entry.meta, lastTMs: 0 });
    else if (stored.meta.status === 'finished') {
      clearStash(storage, sessionId);
      continue;
    }
    let next = stored?.chunkCount ?? 0;
    const missing = entry.chunks.filter((c) => c.seq >= next);
    for (const chunk of missing) {
      await store.appendChunk(entry.meta, { ...chunk, seq: next });
      next++;
    }
    if (missing.length > 0) recovered.push(sessionId);
    clearStash(storage, sessionId);
  }
  return recovered;
}
