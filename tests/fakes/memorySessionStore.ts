import type { SessionReport } from '../../src/session/reportTypes';
import { concatSamples } from '../../src/session/sampleBlock';
import type { SessionChunk, SessionMeta, SessionRecord } from '../../src/session/sessionRecord';
import type {
  AddSessionsResult,
  FinishedReport,
  SessionListEntry,
  SessionStore,
  StoredSession,
} from '../../src/session/sessionStore';
import { compareNewestFirst } from '../../src/session/sessionStore';
import {
  SessionExistsError,
  SessionNotFoundError,
  toStorageError,
} from '../../src/session/storageErrors';

interface Entry {
  meta: SessionMeta;
  finished: FinishedReport | null;
  chunks: SessionChunk[];
}

/**
 * An in-memory `SessionStore` with the same rules as the IndexedDB one: values are copied in
 * and out (as IndexedDB's structured clone does), and each write is all or nothing. `failWrites`
 * makes writes fail, e.g. with a QuotaExceededError DOMException, to test the error paths.
 */
export class MemorySessionStore implements SessionStore {
  private entries = new Map<string, Entry>();
  /** Called before every write; a returned error fails that write. */
  failWrites: (() => Error | null) | null = null;
  /** Writes attempted (including failed ones). */
  writes = 0;

  createSession(meta: SessionMeta): Promise<void> {
    return this.write(meta.id, (entries) => {
      if (entries.has(meta.id)) throw new SessionExistsError(meta.id);
      entries.set(meta.id, { meta: structuredClone(meta), finished: null, chunks: [] });
    });
  }

  appendChunk(meta: SessionMeta, chunk: SessionChunk): Promise<void> {
    return this.write(meta.id, (entries) => {
      const entry = entries.get(meta.id);
      if (entry === undefined) throw new SessionNotFoundError(meta.id);
      // As in IndexedDB, where [sessionId+seq] is the key: a stored number cannot be added again.
      if (entry.chunks.some((c) => c.seq === chunk.seq))
        throw new Error(`Key already exists: chunk ${chunk.seq}`);
      entries.set(meta.id, {
        ...entry,
        meta: structuredClone(meta),
        chunks: [...entry.chunks, structuredClone(chunk)],
      });
    });
  }

  saveMeta(meta: SessionMeta, finished: FinishedReport | null): Promise<void> {
    return this.write(meta.id, (entries) => {
      const entry = entries.get(meta.id);
      if (entry === undefined) throw new SessionNotFoundError(meta.id);
      entries.set(meta.id, {
        ...entry,
        meta: structuredClone(meta),
        finished: structuredClone(finished),
      });
    });
  }

  getReport(id: string): Promise<SessionReport | null> {
    return Promise.resolve(structuredClone(this.entries.get(id)?.finished?.report ?? null));
  }

  listSessions(): Promise<SessionListEntry[]> {
    const list = [...this.entries.values()].map((e) => ({
      meta: structuredClone(e.meta),
      summary: structuredClone(e.finished?.summary ?? null),
      chunkCount: e.chunks.length,
    }));
    return Promise.resolve(list.sort(compareNewestFirst));
  }

  getSession(id: string): Promise<SessionRecord | null> {
    const entry = this.entries.get(id);
    if (entry === undefined) return Promise.resolve(null);
    return Promise.resolve(
      structuredClone({
        meta: entry.meta,
        samples: concatSamples(entry.chunks.map((c) => c.samples)),
        events: entry.chunks.flatMap((c) => c.events),
        cues: entry.chunks.flatMap((c) => c.cues),
        incidents: entry.chunks.flatMap((c) => c.incidents),
      }),
    );
  }

  deleteSession(id: string): Promise<boolean> {
    return this.write(id, (entries) => entries.delete(id));
  }

  addSessions(sessions: readonly StoredSession[]): Promise<AddSessionsResult> {
    return this.write(null, (entries) => {
      const added: string[] = [];
      const skipped: string[] = [];
      for (const { record, finished } of sessions) {
        if (entries.has(record.meta.id)) {
          skipped.push(record.meta.id);
          continue;
        }
        const { meta, samples, events, cues, incidents } = structuredClone(record);
        entries.set(meta.id, {
          meta,
          finished: structuredClone(finished),
          chunks: [{ sessionId: meta.id, seq: 0, samples, events, cues, incidents }],
        });
        added.push(meta.id);
      }
      return { added, skipped };
    });
  }

  close(): void {}

  /** Runs `change` on a copy of the map and keeps it only if it completes: a transaction. */
  private write<T>(
    sessionId: string | null,
    change: (entries: Map<string, Entry>) => T,
  ): Promise<T> {
    this.writes++;
    try {
      const failure = this.failWrites?.() ?? null;
      if (failure !== null) throw failure;
      const copy = new Map(this.entries);
      const result = change(copy);
      this.entries = copy;
      return Promise.resolve(result);
    } catch (error) {
      return Promise.reject(toStorageError(error, sessionId));
    }
  }
}
