import type {
  ChartData,
  HistoryReport,
  ImportResult,
  KeyValueStorage,
  RecordingClock,
  SessionListEntry,
  SessionRecord,
  SessionReport,
  SessionStore,
} from '../session';
import {
  DexieSessionStore,
  browserLocalStorage,
  SessionRecording,
  StorageFullError,
  StorageUnavailableError,
  MAX_IMPORT_BYTES,
  buildHistory,
  buildSessionReport,
  checkImportSize,
  exportFileName,
  exportSessionsJson,
  finaliseInterrupted,
  flushWhenPageHides,
  importSessionFile,
  interruptedSessions,
  sessionsCsv,
  stretchCharts,
} from '../session';
import type { StretchDefinition } from '../protocol';
import {
  ALL_CLIENTS,
  clientsPresent,
  matchesClient,
  type ClientFilter,
  type ClientsPresent,
} from '../session/clientName';
import { browserClock } from './clock';
import { SessionInUseError, webRecordingLocks, type RecordingLocks } from './recordingLocks';
import { recoveringStore } from './recoveringStore';
import { createStore, type ReadableStore } from './store';

/**
 * What the report and history screens (and the live session) need from stored sessions: one
 * object over a `SessionStore`, so the UI never touches storage. `changes` ticks after every
 * change (delete, import, finish), so screens know to read again.
 */

/** A report with its charts: one list of charts per stretch, in the report's order. */
export interface ReportView {
  readonly report: SessionReport;
  readonly charts: readonly (readonly ChartData[])[];
}

export interface HistoryView {
  readonly history: HistoryReport;
  /** Finished sessions (those the client filter lets through), newest first. */
  readonly sessions: readonly SessionListEntry[];
  /** The clients of all finished sessions, whatever the filter: what the filter offers. */
  readonly clients: ClientsPresent;
  /** Finished sessions of any client. */
  readonly totalSessions: number;
  /** Sessions cut off by a crash or a closed page, waiting to be resumed or finalised. */
  readonly interrupted: readonly SessionListEntry[];
}

/** A file for the user to save. */
export interface ExportedFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly text: string;
}

export interface StartRecordingInit {
  /** The routine's stretches plus any the session may add (the offered nerve glide). */
  readonly stretches: readonly StretchDefinition[];
  readonly routine: readonly string[];
  readonly model: string | null;
  /** Who the session is for; null or left out: no client. */
  readonly client?: string | null;
}

export interface SessionLibrary {
  readonly changes: ReadableStore<number>;
  /** The largest file `importFile` reads, in bytes. */
  readonly maxImportBytes: number;
  /**
   * The store, for code that records by itself (the session runner): reads through it wait for
   * the unload stash to be recovered first.
   */
  readonly store: SessionStore;
  list(): Promise<SessionListEntry[]>;
  report(id: string): Promise<ReportView | null>;
  /** Progress and the session list, of one client's sessions or all (the default). */
  history(filter?: ClientFilter): Promise<HistoryView>;
  /** Deletes a session and all its data. */
  delete(id: string): Promise<boolean>;
  /** JSON of the given sessions (all finished ones when `ids` is left out). */
  exportJson(ids?: readonly string[]): Promise<ExportedFile>;
  /** CSV, one row per rep, of the given sessions (all finished ones when left out). */
  exportCsv(ids?: readonly string[]): Promise<ExportedFile>;
  /** Checks the whole file, then adds its sessions in one transaction (or nothing). */
  importFile(file: Blob | string): Promise<ImportResult>;
  interrupted(): Promise<SessionListEntry[]>;
  /** Closes an interrupted session with what was saved. */
  finalise(id: string): Promise<void>;
  /** Starts recording a new session (flushes itself when the page hides). */
  startRecording(init: StartRecordingInit): Promise<SessionRecording>;
  /** Carries on an interrupted session. */
  resumeRecording(id: string): Promise<SessionRecording>;
  /** Ends a recording and tells the screens. */
  finishRecording(recording: SessionRecording): Promise<SessionRecord>;
  /**
   * JSON of a recording: what storage has of it, then what is only in memory. What "export it
   * now" saves when storage is full.
   */
  exportRecording(recording: SessionRecording): Promise<ExportedFile>;
}

export interface LibraryDependencies {
  readonly store: SessionStore;
  readonly clock: RecordingClock;
  readonly newId: () => string;
  /** Where pagehide/visibilitychange come from; null in tests without a page. */
  readonly page: Parameters<typeof flushWhenPageHides>[1] | null;
  /** Keeps a recording's last second through a page unload (localStorage); null: none. */
  readonly stash: KeyValueStorage | null;
  /** Marks sessions being recorded, across tabs (Web Locks); null: this page only. */
  readonly locks: RecordingLocks | null;
}

const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv';

export function createSessionLibrary(deps: LibraryDependencies): SessionLibrary {
  const changes = createStore(0);
  const changed = () => changes.update((n) => n + 1);
  const { clock } = deps;
  const rawStore = deps.store;
  const store = recoveringStore(rawStore, deps.stash, liveIds);
  const recordingOptions = { stash: deps.stash };

  const finishedRecords = async (ids?: readonly string[]): Promise<SessionRecord[]> => {
    const wanted =
      ids ??
      (await store.listSessions())
        .filter((e) => e.meta.status === 'finished')
        .map((e) => e.meta.id);
    const records = await Promise.all(wanted.map((id) => store.getSession(id)));
    return records.filter((r): r is SessionRecord => r !== null);
  };

  /**
   * The report kept when the session finished; for a session finished before reports were kept
   * (or one still recording), built from its record.
   */
  const reportOf = async (record: SessionRecord): Promise<SessionReport> =>
    (record.meta.status === 'finished' ? await store.getReport(record.meta.id) : null) ??
    buildSessionReport(record);

  /** The given sessions (all finished ones when left out) as one file of `kind`. */
  const exportFile = async (
    ids: readonly string[] | undefined,
    kind: 'json' | 'csv',
    write: (records: SessionRecord[], nowEpochMs: number) => string | Promise<string>,
  ): Promise<ExportedFile> => {
    const records = await finishedRecords(ids);
    const now = clock.epochMs();
    const label = ids?.length === 1 && records[0] !== undefined ? 'session' : 'sessions';
    return {
      fileName: exportFileName(label, records[0]?.meta.startedAtEpochMs ?? now, kind),
      mimeType: kind === 'json' ? JSON_TYPE : CSV_TYPE,
      text: await write(records, now),
    };
  };

  /** Recordings this page runs, with what detaches their page listeners and lock. */
  const active = new Map<SessionRecording, () => void>();
  const watch = (recording: SessionRecording) => {
    const page = deps.page;
    const unhook = page === null ? () => undefined : flushWhenPageHides(recording, page);
    const release = deps.locks?.hold(recording.sessionId) ?? (() => undefined);
    active.set(recording, () => {
      unhook();
      release();
    });
    changed();
    return recording;
  };

  return {
    changes,
    maxImportBytes: MAX_IMPORT_BYTES,
    store,
    list: () => store.listSessions(),
    async report(id) {
      const record = await store.getSession(id);
      if (record === null) return null;
      const report = await reportOf(record);
      return { report, charts: report.stretches.map((s, i) => stretchCharts(record, s, i)) };
    },
    async history(filter = ALL_CLIENTS) {
      const entries = await store.listSessions();
      const finished = entries.filter((e) => e.meta.status === 'finished' && e.summary !== null);
      const sessions = finished.filter((e) => matchesClient(e, filter));
      const history = buildHistory(
        sessions.flatMap((e) => (e.summary === null ? [] : [{ meta: e.meta, summary: e.summary }])),
        clock.epochMs(),
      );
      return {
        history,
        sessions,
        clients: clientsPresent(finished),
        totalSessions: finished.length,
        interrupted: interruptedSessions(entries, await liveIds()),
      };
    },
    async delete(id) {
      const deleted = await store.deleteSession(id);
      changed();
      return deleted;
    },
    exportJson: (ids) =>
      exportFile(ids, 'json', (records, now) => exportSessionsJson(records, now)),
    exportCsv: (ids) =>
      exportFile(ids, 'csv', async (records) =>
        sessionsCsv(await Promise.all(records.map(reportOf))),
      ),
    async importFile(file) {
      if (typeof file !== 'string') {
        const tooLarge = checkImportSize(file.size);
        if (tooLarge !== null) return { ok: false, problem: tooLarge };
      }
      const text = typeof file === 'string' ? file : await file.text();
      const result = await importSessionFile(store, text);
      if (result.ok && result.added.length > 0) changed();
      return result;
    },
    async interrupted() {
      return interruptedSessions(await store.listSessions(), await liveIds());
    },
    async finalise(id) {
      if ((await liveIds()).has(id)) throw new SessionInUseError();
      await finaliseInterrupted(store, id);
      changed();
    },
    async startRecording(init) {
      return watch(
        await SessionRecording.start(store, clock, { id: deps.newId(), ...init }, recordingOptions),
      );
    },
    async resumeRecording(id) {
      if ((await liveIds()).has(id)) throw new SessionInUseError();
      return watch(await SessionRecording.resume(store, clock, id, recordingOptions));
    },
    async exportRecording(recording) {
      const record = await recording.snapshot();
      return {
        fileName: exportFileName('session', record.meta.startedAtEpochMs, 'json'),
        mimeType: JSON_TYPE,
        text: exportSessionsJson([record], clock.epochMs()),
      };
    },
    async finishRecording(recording) {
      active.get(recording)?.();
      active.delete(recording);
      try {
        return await recording.finish();
      } finally {
        changed();
      }
    },
  };

  /** Sessions being recorded now, by this page or (through the locks) any other tab. */
  async function liveIds(): Promise<ReadonlySet<string>> {
    const own = [...active.keys()].map((r) => r.sessionId);
    const elsewhere = (await deps.locks?.heldIds()) ?? new Set<string>();
    return new Set([...own, ...elsewhere]);
  }
}

/** One sentence for a storage or import failure, for the screens. */
export function describeLibraryError(error: unknown): string {
  if (
    error instanceof StorageFullError ||
    error instanceof StorageUnavailableError ||
    error instanceof SessionInUseError
  )
    return error.message;
  return `Something went wrong with stored sessions: ${error instanceof Error ? error.message : String(error)}`;
}

let browserLibrary: SessionLibrary | null = null;

/** The page's library over IndexedDB, created on first use. */
export function browserSessionLibrary(): SessionLibrary {
  browserLibrary ??= createSessionLibrary({
    store: new DexieSessionStore(),
    clock: browserClock,
    newId: () => crypto.randomUUID(),
    page: window,
    locks: 'locks' in navigator ? webRecordingLocks(navigator.locks) : null,
    stash: browserLocalStorage(),
  });
  return browserLibrary;
}
