import type { KeyValueStorage, SessionStore } from '../session';
import { recoverStash } from '../session';

/**
 * The session store as the app reads it: the first read waits for chunks stashed by a page that
 * unloaded mid-recording (session/unloadStash.ts) to reach the store, so an interrupted session
 * is found with all its data. A failed recovery is retried on the next read. Chunk writes go
 * straight through: the recording that writes them is live, so nothing of it is in the stash.
 */
export function recoveringStore(
  store: SessionStore,
  stash: KeyValueStorage | null,
  /** Sessions being recorded now: their stash is their own page's, not a leftover. */
  liveIds: () => Promise<ReadonlySet<string>>,
): SessionStore {
  let recovered: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    if (stash === null) return Promise.resolve();
    recovered ??= liveIds()
      .then((live) => recoverStash(store, stash, live))
      .then(
        () => undefined,
        (error: unknown) => {
          recovered = null;
          throw error;
        },
      );
    return recovered;
  };
  return {
    createSession: (meta) => ready().then(() => store.createSession(meta)),
    appendChunk: (meta, chunk) => store.appendChunk(meta, chunk),
    saveMeta: (meta, finished) => ready().then(() => store.saveMeta(meta, finished)),
    getReport: (id) => ready().then(() => store.getReport(id)),
    listSessions: () => ready().then(() => store.listSessions()),
    getSession: (id) => ready().then(() => store.getSession(id)),
    deleteSession: (id) => ready().then(() => store.deleteSession(id)),
    addSessions: (sessions) => ready().then(() => store.addSessions(sessions)),
    close: () => store.close(),
  };
}
