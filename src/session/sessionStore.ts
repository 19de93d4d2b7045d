import type { SessionSummary } from './reportSummary';
import type { SessionReport } from './reportTypes';
import type { SessionChunk, SessionMeta, SessionRecord } from './sessionRecord';

/**
 * Where sessions are kept. The browser implementation is `DexieSessionStore` (IndexedDB); tests
 * use `MemorySessionStore` from tests/fakes. Every method that writes is one transaction: it
 * happens completely or not at all. Writes that hit the quota reject with `StorageFullError`.
 */
export interface SessionStore {
  /** Starts a session (meta only, no chunks). Rejects with `SessionExistsError` for a taken id. */
  createSession(meta: SessionMeta): Promise<void>;
  /**
   * Appends the next chunk (`chunk.seq` must equal the stored chunk count) and saves `meta`
   * (its `lastTMs` has moved on), together.
   */
  appendChunk(meta: SessionMeta, chunk: SessionChunk): Promise<void>;
  /**
   * Replaces a stored session's meta, and its report and summary: kept when it is finished,
   * dropped (null) when it records again (resuming).
   */
  saveMeta(meta: SessionMeta, finished: FinishedReport | null): Promise<void>;
  /**
   * The report kept when the session was finished; null when there is none (still recording,
   * or finished before reports were kept: build it from the record then).
   */
  getReport(id: string): Promise<SessionReport | null>;
  /** Every session's meta and summary, newest first; no samples or events. */
  listSessions(): Promise<SessionListEntry[]>;
  /** The whole session, chunks joined in order; null when there is none with that id. */
  getSession(id: string): Promise<SessionRecord | null>;
  /** Removes the session and all its chunks. Resolves false when there was none. */
  deleteSession(id: string): Promise<boolean>;
  /**
   * Adds whole sessions (an import) in one transaction: all of them or none. Sessions whose id
   * is already stored are left as they are and listed in `skipped`; nothing is overwritten.
   */
  addSessions(sessions: readonly StoredSession[]): Promise<AddSessionsResult>;
  /** Lets go of the database connection. */
  close(): void;
}

export interface SessionListEntry {
  readonly meta: SessionMeta;
  /** Null while the session is still recording (or was cut off before it was finalised). */
  readonly summary: SessionSummary | null;
  /** Chunks stored; a resumed recording continues at this `seq`. */
  readonly chunkCount: number;
}

/**
 * What a finished session keeps beside its data: its report, built once when it finished, and
 * the few figures of it the history reads.
 */
export interface FinishedReport {
  readonly report: SessionReport;
  readonly summary: SessionSummary;
}

export interface StoredSession {
  readonly record: SessionRecord;
  readonly finished: FinishedReport | null;
}

export interface AddSessionsResult {
  readonly added: readonly string[];
  readonly skipped: readonly string[];
}

/** Newest first, then by id so the order is stable. */
export function compareNewestFirst(a: SessionListEntry, b: SessionListEntry): number {
  return b.meta.startedAtEpochMs - a.meta.startedAtEpochMs || a.meta.id.localeCompare(b.meta.id);
}

/**
 * Sessions still marked as recording: cut off by a crash or a closed page — unless some page
 * (this one, or another tab) is recording them right now (`liveIds`).
 */
export function interruptedSessions(
  entries: readonly SessionListEntry[],
  liveIds: ReadonlySet<string> = new Set(),
): SessionListEntry[] {
  return entries.filter((e) => e.meta.status === 'recording' && !liveIds.has(e.meta.id));
}
