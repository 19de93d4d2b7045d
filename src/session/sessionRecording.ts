import type { RecorderInit, RecorderState } from './recorder';
import { endReasonFromEvents, finishMeta, resumeRecorder, startRecorder } from './recorder';
import { buildSessionReport, sessionDurationMs } from './reportSession';
import { summariseReport } from './reportSummary';
import { concatSamples } from './sampleBlock';
import type { RecordedEndReason, SessionChunk, SessionMeta, SessionRecord } from './sessionRecord';
import type { FinishedReport, SessionStore } from './sessionStore';
import type { KeyValueStorage } from './settingsStore';
import { SessionNotFoundError, type StorageFullError, toStorageError } from './storageErrors';
import { clearStash, stashChunks } from './unloadStash';

/**
 * The storage side of a live recording. What to keep is decided by the pure recorder inside the
 * coaching step (coach/coachStep.ts), which cuts a chunk about once a second; the engine hands
 * each chunk to `save`, and this writes it to the store in the background, one write at a time.
 * `flush` when the page is hidden; `finish` after the last chunk.
 *
 * Nothing recorded is ever dropped: a chunk stays in memory until the store has it, so when
 * storage fails (full, or gone) `status.error` says so and `snapshot()` joins what the store holds
 * with what is only in memory, for an export. Failed chunks are written again on the next save.
 * Chunks the store has are not also kept here: a long session would otherwise hold all of itself
 * twice, and the page's memory would grow for as long as it runs (the soak measures this).
 */

/** The clock a recording is dated by: the engine's (engine/clock.ts has the same shape). */
export interface RecordingClock {
  /** The engine clock, the one the coaching step's times are on. */
  readonly nowMs: () => number;
  /** Wall clock, `Date.now()`. */
  readonly epochMs: () => number;
}

export interface RecordingOptions {
  /**
   * Where `stashForUnload` keeps unsaved chunks through a page unload (localStorage in the
   * browser; see unloadStash.ts). Null or left out: no stash.
   */
  readonly stash?: KeyValueStorage | null;
}

export interface RecordingStatus {
  readonly sessionId: string;
  /** Session time up to which everything is in the store. */
  readonly savedThroughTMs: number;
  /** Chunks cut but not yet in the store (being written, or failed). */
  readonly unsavedChunks: number;
  /** The last storage failure; cleared when a later write succeeds. */
  readonly error: StorageFullError | Error | null;
  readonly finished: boolean;
}

interface QueuedChunk {
  readonly meta: SessionMeta;
  readonly chunk: SessionChunk;
}

export class SessionRecording {
  /** Chunks cut but not yet in the store, oldest first. */
  private unsaved: QueuedChunk[] = [];
  private writing: Promise<void> = Promise.resolve();
  /** Creating (or reopening) the session in the store; retried before chunks until it works. */
  private setup: (() => Promise<void>) | null = null;
  private meta: SessionMeta;
  private currentStatus: RecordingStatus;
  private readonly listeners = new Set<() => void>();
  private readonly stash: KeyValueStorage | null;
  private handOver: (() => void) | null = null;

  private constructor(
    private readonly store: SessionStore,
    /** The recorder state to start the coaching step with. */
    readonly recorder: RecorderState,
    options: RecordingOptions,
  ) {
    this.meta = recorder.meta;
    this.currentStatus = {
      sessionId: recorder.meta.id,
      savedThroughTMs: recorder.meta.lastTMs,
      unsavedChunks: 0,
      error: null,
      finished: false,
    };
    this.stash = options.stash ?? null;
  }

  /**
   * Starts recording a new session and creates it in the store. A store failure does not stop
   * the recording: it carries on in memory and `status.error` says why.
   */
  static async start(
    store: SessionStore,
    clock: RecordingClock,
    init: Omit<RecorderInit, 'clockOriginMs' | 'startedAtEpochMs'>,
    options: RecordingOptions = {},
  ): Promise<SessionRecording> {
    const state = startRecorder({
      ...init,
      clockOriginMs: clock.nowMs(),
      startedAtEpochMs: clock.epochMs(),
    });
    const recording = new SessionRecording(store, state, options);
    recording.setup = () => store.createSession(state.meta);
    await recording.drain();
    return recording;
  }

  /** Carries on an interrupted session: new data is appended after what is stored. */
  static async resume(
    store: SessionStore,
    clock: RecordingClock,
    sessionId: string,
    options: RecordingOptions = {},
  ): Promise<SessionRecording> {
    // The list entry has the meta and chunk count; the stored data stays in the store.
    const entry = (await store.listSessions()).find((e) => e.meta.id === sessionId);
    if (entry === undefined) throw new SessionNotFoundError(sessionId);
    const state = resumeRecorder(entry.meta, {
      resumedAtEpochMs: clock.epochMs(),
      clockOriginMs: clock.nowMs(),
      nextSeq: entry.chunkCount,
    });
    const recording = new SessionRecording(store, state, options);
    recording.setup = () => store.saveMeta(state.meta, null);
    await recording.drain();
    return recording;
  }

  get sessionId(): string {
    return this.meta.id;
  }

  get status(): RecordingStatus {
    return this.currentStatus;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Who holds what is recorded but not cut yet (the coaching step): called, synchronously, at
   * the start of `flush` and `stashForUnload`, to `save` it first.
   */
  handOverPendingWith(handOver: (() => void) | null): void {
    this.handOver = handOver;
  }

  /** A chunk the recorder cut, with the session's meta as of it: written in the background. */
  save(meta: SessionMeta, chunk: SessionChunk): void {
    if (this.currentStatus.finished) return;
    this.meta = meta;
    this.unsaved.push({ meta, chunk });
    this.setStatus({ unsavedChunks: this.unsaved.length });
    void this.drain();
  }

  /**
   * For `pagehide`: copies every chunk not yet in the store to the stash, synchronously, because
   * the store's write may not survive the unload. The next start moves it into the store
   * (`recoverStash`).
   */
  stashForUnload(): void {
    if (this.stash === null || this.currentStatus.finished) return;
    this.handOver?.();
    stashChunks(this.stash, { meta: this.meta, chunks: this.unsaved.map((q) => q.chunk) });
  }

  /** Waits for every write, after taking what is pending (page hidden, or before an export). */
  async flush(): Promise<void> {
    if (!this.currentStatus.finished) this.handOver?.();
    await this.drain();
  }

  /**
   * Ends the recording after its last chunk: the meta marked finished with its summary. The
   * reason defaults to the protocol's `session-ended` reason, else `stopped`. Resolves with the
   * whole session; rejects (after keeping what is unsaved in memory) if storage fails.
   */
  async finish(reason?: RecordedEndReason): Promise<SessionRecord> {
    if (this.currentStatus.finished) {
      this.throwIfFailed();
      return this.snapshot();
    }
    this.handOver?.();
    this.setStatus({ finished: true });
    await this.drain();
    const record = await this.snapshot();
    const endReason = reason ?? endReasonFromEvents(record.events) ?? 'stopped';
    const meta = finishMeta(
      this.meta,
      endReason,
      record.meta.startedAtEpochMs + record.meta.lastTMs,
    );
    this.meta = meta;
    // Only a complete session is marked finished; with chunks missing it stays "recording",
    // so the next start offers it as interrupted with what did get saved.
    if (this.unsaved.length === 0 && this.setup === null) {
      const finished = finishedReport({ ...record, meta });
      await this.enqueue(() => this.store.saveMeta(meta, finished));
    }
    this.throwIfFailed();
    return { ...record, meta };
  }

  /**
   * The whole session so far: what the store holds, then what is only in memory (not yet
   * written, or refused by a full disk, or not cut into a chunk yet). The read waits for the write in progress, so each chunk
   * is counted once. If the store cannot be read at all, what memory holds is returned: an
   * export of part of a session is better than none.
   */
  async snapshot(): Promise<SessionRecord> {
    if (!this.currentStatus.finished) this.handOver?.();
    // In the write queue, so no chunk is between `unsaved` and the store while it is read.
    const taken = this.writing.then(async () => {
      let stored: SessionRecord | null;
      try {
        stored = await this.store.getSession(this.sessionId);
      } catch {
        stored = null;
      }
      return this.withUnsaved(stored);
    });
    this.writing = taken.then(
      () => undefined,
      () => undefined,
    );
    return taken;
  }

  /** Lets go of the pending tail's owner (the page is going away). */
  dispose(): void {
    this.handOver = null;
  }

  private throwIfFailed(): void {
    const error = this.currentStatus.error;
    if (error !== null) throw error;
  }

  /** `stored` (null: nothing stored) followed by the unsaved chunks. */
  private withUnsaved(stored: SessionRecord | null): SessionRecord {
    const parts = this.unsaved.map((q) => q.chunk);
    return {
      meta: this.meta,
      samples: concatSamples([
        ...(stored === null ? [] : [stored.samples]),
        ...parts.map((p) => p.samples),
      ]),
      events: [...(stored?.events ?? []), ...parts.flatMap((p) => p.events)],
      cues: [...(stored?.cues ?? []), ...parts.flatMap((p) => p.cues)],
      incidents: [...(stored?.incidents ?? []), ...parts.flatMap((p) => p.incidents)],
    };
  }

  /** Writes every unsaved chunk in order; stops at the first failure (retried next time). */
  private drain(): Promise<void> {
    return this.enqueue(async () => {
      if (this.setup !== null) {
        await this.setup();
        this.setup = null;
      }
      while (this.unsaved.length > 0) {
        const [first] = this.unsaved;
        if (first === undefined) break;
        await this.store.appendChunk(first.meta, first.chunk);
        this.unsaved = this.unsaved.slice(1);
        this.setStatus({
          savedThroughTMs: first.meta.lastTMs,
          unsavedChunks: this.unsaved.length,
        });
      }
      // Everything is in the store: a stash from a hidden page that came back is stale.
      if (this.stash !== null) clearStash(this.stash, this.sessionId);
    });
  }

  /** Runs `write` after the writes before it; a failure becomes `status.error`, not a throw. */
  private enqueue(write: () => Promise<void>): Promise<void> {
    const run = this.writing.then(async () => {
      try {
        await write();
        if (this.currentStatus.error !== null) this.setStatus({ error: null });
      } catch (error) {
        this.setStatus({ error: toStorageError(error, this.sessionId) });
      }
    });
    this.writing = run;
    return run;
  }

  private setStatus(change: Partial<RecordingStatus>): void {
    this.currentStatus = { ...this.currentStatus, ...change };
    for (const listener of this.listeners) listener();
  }
}

/** A finished session's report, built once, and the summary of it the history reads. */
export function finishedReport(record: SessionRecord): FinishedReport {
  const report = buildSessionReport(record);
  return { report, summary: summariseReport(report) };
}

/**
 * The record closed where its data ends: status `finished`, end reason the protocol's if the
 * session had ended, else `interrupted`. A finished record is returned as it is.
 */
export function finaliseRecord(record: SessionRecord): SessionRecord {
  if (record.meta.status === 'finished') return record;
  const lastTMs = Math.max(record.meta.lastTMs, sessionDurationMs(record));
  const meta = finishMeta(
    { ...record.meta, lastTMs },
    endReasonFromEvents(record.events) ?? 'interrupted',
    record.meta.startedAtEpochMs + lastTMs,
  );
  return { ...record, meta };
}

/**
 * Closes a session cut off by a crash or a closed page (see `finaliseRecord`), keeping what was
 * stored, and gives it its summary.
 */
export async function finaliseInterrupted(
  store: SessionStore,
  sessionId: string,
): Promise<SessionRecord> {
  const record = await store.getSession(sessionId);
  if (record === null) throw new SessionNotFoundError(sessionId);
  if (record.meta.status === 'finished') return record;
  const finished = finaliseRecord(record);
  await store.saveMeta(finished.meta, finishedReport(finished));
  return finished;
}
