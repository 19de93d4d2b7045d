import Dexie, { type Table } from 'dexie';
import type { SessionSummary } from './reportSummary';
import type { SessionReport } from './reportTypes';
import { joinChunks } from './recorder';
import type { SessionChunk, SessionMeta, SessionRecord } from './sessionRecord';
import type {
  AddSessionsResult,
  FinishedReport,
  SessionListEntry,
  SessionStore,
  StoredSession,
} from './sessionStore';
import { compareNewestFirst } from './sessionStore';
import {
  SessionExistsError,
  SessionNotFoundError,
  StorageUnavailableError,
  toStorageError,
} from './storageErrors';

/** One row per session: the meta, the summary the history reads, and the chunk count. */
interface SessionRow {
  readonly id: string;
  readonly startedAtEpochMs: number;
  readonly status: SessionMeta['status'];
  readonly meta: SessionMeta;
  readonly summary: SessionSummary | null;
  readonly chunkCount: number;
}

type ChunkRow = SessionChunk;

/** A finished session's report, built once when it finished (reportSession.ts). */
interface ReportRow {
  readonly id: string;
  readonly report: SessionReport;
}

export const DEFAULT_DATABASE_NAME = 'stretchcheck-sessions';

/** Where Dexie finds IndexedDB; tests pass fake-indexeddb's. Defaults to the page's. */
export interface IndexedDbDependencies {
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
}

class SessionDatabase extends Dexie {
  // `declare`: Dexie creates these in version().stores(); a class field would overwrite them.
  declare sessions: Table<SessionRow, string>;
  declare chunks: Table<ChunkRow, [string, number]>;
  declare reports: Table<ReportRow, string>;

  constructor(name: string, dependencies?: IndexedDbDependencies) {
    super(name, dependencies === undefined ? undefined : { ...dependencies });
    // Version 1 of the database layout (not of the record schema, which is in each meta).
    this.version(1).stores({
      sessions: 'id, startedAtEpochMs, status',
      chunks: '[sessionId+seq], sessionId',
    });
    // Version 2 keeps each finished session's report. Sessions finished before have none; their
    // report is built from the record when it is read (engine/sessionLibrary.ts).
    this.version(2).stores({ reports: 'id' });
  }
}

/** The IndexedDB session store (through Dexie). */
export class DexieSessionStore implements SessionStore {
  private readonly db: SessionDatabase;

  constructor(name: string = DEFAULT_DATABASE_NAME, dependencies?: IndexedDbDependencies) {
    this.db = new SessionDatabase(name, dependencies);
  }

  /** Opens the database now, so a browser that refuses IndexedDB is found at start. */
  async open(): Promise<void> {
    try {
      await this.db.open();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new StorageUnavailableError(detail);
    }
  }

  async createSession(meta: SessionMeta): Promise<void> {
    await this.write(meta.id, () =>
      this.db.transaction('rw', this.db.sessions, async () => {
        if ((await this.db.sessions.get(meta.id)) !== undefined)
          throw new SessionExistsError(meta.id);
        await this.db.sessions.add(sessionRow(meta, null, 0));
      }),
    );
  }

  /**
   * Both writes are issued at once, with no read first: this runs from `pagehide`, where a
   * transaction must have all its requests in before the page goes (IndexedDB then still
   * commits it), and a read would hold the writes back until after. A chunk number already
   * stored fails the add (the key is [sessionId+seq]); the recorder numbers chunks in order.
   */
  async appendChunk(meta: SessionMeta, chunk: SessionChunk): Promise<void> {
    await this.write(meta.id, () =>
      this.db.transaction('rw', this.db.sessions, this.db.chunks, () =>
        Promise.all([
          this.db.chunks.add(chunk),
          this.db.sessions.put(sessionRow(meta, null, chunk.seq + 1)),
        ]),
      ),
    );
  }

  async saveMeta(meta: SessionMeta, finished: FinishedReport | null): Promise<void> {
    await this.write(meta.id, () =>
      this.db.transaction('rw', this.db.sessions, this.db.reports, async () => {
        const row = await this.db.sessions.get(meta.id);
        if (row === undefined) throw new SessionNotFoundError(meta.id);
        await this.db.sessions.put(sessionRow(meta, finished?.summary ?? null, row.chunkCount));
        if (finished === null) await this.db.reports.delete(meta.id);
        else await this.db.reports.put({ id: meta.id, report: finished.report });
      }),
    );
  }

  async getReport(id: string): Promise<SessionReport | null> {
    return (await this.db.reports.get(id))?.report ?? null;
  }

  async listSessions(): Promise<SessionListEntry[]> {
    const rows = await this.db.sessions.toArray();
    return rows.map(listEntry).sort(compareNewestFirst);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    return this.db.transaction('r', this.db.sessions, this.db.chunks, async () => {
      const row = await this.db.sessions.get(id);
      if (row === undefined) return null;
      const chunks = await this.db.chunks
        .where('[sessionId+seq]')
        .between([id, Dexie.minKey], [id, Dexie.maxKey])
        .toArray();
      return joinChunks(row.meta, chunks);
    });
  }

  async deleteSession(id: string): Promise<boolean> {
    return this.write(id, () =>
      this.db.transaction('rw', this.db.sessions, this.db.chunks, this.db.reports, async () => {
        const existed = (await this.db.sessions.get(id)) !== undefined;
        await this.db.chunks.where('sessionId').equals(id).delete();
        await this.db.reports.delete(id);
        await this.db.sessions.delete(id);
        return existed;
      }),
    );
  }

  async addSessions(sessions: readonly StoredSession[]): Promise<AddSessionsResult> {
    return this.write(null, () =>
      this.db.transaction('rw', this.db.sessions, this.db.chunks, this.db.reports, async () => {
        const added: string[] = [];
        const skipped: string[] = [];
        for (const { record, finished } of sessions) {
          const id = record.meta.id;
          if (added.includes(id) || (await this.db.sessions.get(id)) !== undefined) {
            skipped.push(id);
            continue;
          }
          await this.db.chunks.add({ sessionId: id, seq: 0, ...recordData(record) });
          await this.db.sessions.add(sessionRow(record.meta, finished?.summary ?? null, 1));
          if (finished !== null) await this.db.reports.put({ id, report: finished.report });
          added.push(id);
        }
        return { added, skipped };
      }),
    );
  }

  close(): void {
    this.db.close();
  }

  /** Deletes the whole database (tests, and a "forget everything" control). */
  async deleteDatabase(): Promise<void> {
    await this.db.delete();
  }

  private async write<T>(sessionId: string | null, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toStorageError(error, sessionId);
    }
  }
}

function sessionRow(
  meta: SessionMeta,
  summary: SessionSummary | null,
  chunkCount: number,
): SessionRow {
  return {
    id: meta.id,
    startedAtEpochMs: meta.startedAtEpochMs,
    status: meta.status,
    meta,
    summary,
    chunkCount,
  };
}

function listEntry(row: SessionRow): SessionListEntry {
  return { meta: row.meta, summary: row.summary, chunkCount: row.chunkCount };
}

function recordData(record: SessionRecord): Omit<SessionChunk, 'sessionId' | 'seq'> {
  return {
    samples: record.samples,
    events: record.events,
    cues: record.cues,
    incidents: record.incidents,
  };
}
