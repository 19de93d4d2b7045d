import type { ClipNote, NotesResult } from '../../review/annotations';
import { addNote, deleteNote, editNote, mergeNotes } from '../../review/annotations';
import type { BundleProblem } from '../../review/bundle/readBundle';
import { checkBundleSize, readBundle } from '../../review/bundle/readBundle';
import { bundleFileName, writeBundle } from '../../review/bundle/writeBundle';
import { readClipTitle } from '../../review/clipDetails';
import type { ClipDetails, ClipStore } from '../../review/clipStore';
import { ClipNotFoundError, ClipStorageFullError, clipsBytes } from '../../review/clipStore';
import type { ClipMeta, StoredClip } from '../../review/clipTypes';
import type { ReviewTimeline } from '../../review/reviewTimeline';
import { reviewTimeline } from '../../review/reviewTimeline';
import type { ClipBudget, StorageEstimateLike } from '../../review/storageBudget';
import { clipBudget, fitsBudget, formatBytes } from '../../review/storageBudget';
import type { VideoProbe } from '../../review/videoProbe';
import type { KeyValueStorage, SessionReport } from '../../session';
import { buildSessionReport, exportSessionsJson } from '../../session';
import { readClientName } from '../../session/clientName';
import type { SessionLibrary } from '../sessionLibrary';
import { createStore, type ReadableStore } from '../store';

/**
 * What the clip screens need from kept clips, over a `ClipStore`: the list with the storage
 * budget, one clip ready to review (report and timeline built), notes, review bundles out and
 * in, and "keep this session in my history". `changes` ticks after every change.
 */

export interface ClipListView {
  readonly clips: readonly ClipMeta[];
  readonly budget: ClipBudget;
}

export interface ClipView {
  readonly clip: StoredClip;
  readonly report: SessionReport;
  readonly timeline: ReviewTimeline;
}

export interface ExportedBundle {
  readonly fileName: string;
  readonly blob: Blob;
}

export type BundleImportResult =
  | {
      readonly ok: true;
      readonly clipId: string;
      /** A new clip, or notes merged into a clip already kept (a bundle sent back). */
      readonly outcome: 'added' | 'merged';
      readonly notesAdded: number;
      readonly notesUpdated: number;
    }
  | { readonly ok: false; readonly problem: BundleProblem };

export interface NewNoteInput {
  readonly atMs: number;
  readonly text: string;
  readonly author: string | null;
}

/** A clip does not fit in what is left of the clip budget. */
/** A rename or client change: done, or refused with words for the person who typed it. */
export type DetailsResult =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

export class ClipBudgetError extends Error {
  readonly kind = 'clip-budget';
  constructor(clipBytes: number, remainingBytes: number) {
    super(
      `This clip (${formatBytes(clipBytes)}) does not fit in what is left of the space for clips ` +
        `(${formatBytes(remainingBytes)}). Delete clips you no longer need, or save this one as a file.`,
    );
    this.name = 'ClipBudgetError';
  }
}

export interface ClipLibrary {
  readonly changes: ReadableStore<number>;
  list(): Promise<ClipListView>;
  budget(): Promise<ClipBudget>;
  view(id: string): Promise<ClipView | null>;
  /** Just the meta (title, notes): what changes while a clip is reviewed. */
  meta(id: string): Promise<ClipMeta | null>;
  /** Keeps a clip, if it fits the budget (else `ClipBudgetError`; quota: `ClipStorageFullError`). */
  add(clip: StoredClip): Promise<void>;
  delete(id: string): Promise<boolean>;
  addNote(id: string, note: NewNoteInput): Promise<NotesResult>;
  editNote(id: string, noteId: string, text: string): Promise<NotesResult>;
  deleteNote(id: string, noteId: string): Promise<void>;
  /** Renames a clip (the text is trimmed; an empty name is refused with a message). */
  rename(id: string, title: string): Promise<DetailsResult>;
  /** Sets who the clip shows, from the client field's text (empty: no client). */
  setClient(id: string, clientText: string): Promise<DetailsResult>;
  exportBundle(id: string): Promise<ExportedBundle>;
  /** A bundle of a clip not kept here (e.g. analysed but not stored: storage was full). */
  bundleOf(clip: StoredClip): Promise<ExportedBundle>;
  /** Checks the whole bundle, then keeps its clip (or merges its notes); nothing on refusal. */
  importBundle(file: Blob, fileName: string): Promise<BundleImportResult>;
  /** Adds the clip's session to the history; false when it was there already. */
  keepInHistory(id: string): Promise<boolean>;
  inHistory(sessionId: string): Promise<boolean>;
  noteAuthor(): string;
  setNoteAuthor(name: string): void;
}

export interface ClipLibraryDependencies {
  readonly store: ClipStore;
  /** The session library, for "keep in history"; null when storage is unavailable. */
  readonly sessions: Pick<SessionLibrary, 'importFile' | 'list'> | null;
  readonly estimate: () => Promise<StorageEstimateLike | null>;
  /** Checks that a bundle's video plays here (the browser decides). */
  readonly probeVideo: (video: Blob, fileName: string) => Promise<VideoProbe>;
  readonly epochMs: () => number;
  readonly newId: () => string;
  /** Remembers the note author's name; null: not remembered. */
  readonly settings: KeyValueStorage | null;
}

const AUTHOR_KEY = 'stretchcheck-note-author';

export function createClipLibrary(deps: ClipLibraryDependencies): ClipLibrary {
  const changes = createStore(0);
  const changed = () => changes.update((n) => n + 1);
  const { store } = deps;

  const budget = async (): Promise<ClipBudget> => {
    const [metas, estimate] = await Promise.all([store.listClips(), deps.estimate()]);
    return clipBudget(clipsBytes(metas), estimate);
  };

  const requireMeta = async (id: string): Promise<ClipMeta> => {
    const meta = await store.getMeta(id);
    if (meta === null) throw new ClipNotFoundError(id);
    return meta;
  };

  const updateNotes = async (
    id: string,
    change: (notes: readonly ClipNote[], meta: ClipMeta) => NotesResult,
  ): Promise<NotesResult> => {
    const meta = await requireMeta(id);
    const result = change(meta.notes, meta);
    if (result.ok) {
      await store.saveNotes(id, result.notes);
      changed();
    }
    return result;
  };

  const updateDetails = async (
    id: string,
    change: (meta: ClipMeta) => ClipDetails | string,
  ): Promise<DetailsResult> => {
    const meta = await requireMeta(id);
    const details = change(meta);
    if (typeof details === 'string') return { ok: false, message: details };
    await store.saveDetails(id, details);
    changed();
    return { ok: true };
  };

  const bundleOf = async (clip: StoredClip): Promise<ExportedBundle> => {
    const now = deps.epochMs();
    const bytes = await writeBundle(clip, now);
    return {
      fileName: bundleFileName(clip.meta.title, clip.meta.createdAtEpochMs),
      blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    };
  };

  const add = async (clip: StoredClip): Promise<void> => {
    const room = await budget();
    if (!fitsBudget(room, clip.video.size))
      throw new ClipBudgetError(clip.video.size, room.remainingBytes);
    await store.addClip(clip);
    changed();
  };

  return {
    changes,
    async list() {
      const [clips, estimate] = await Promise.all([store.listClips(), deps.estimate()]);
      return { clips, budget: clipBudget(clipsBytes(clips), estimate) };
    },
    budget,
    async view(id) {
      const clip = await store.getClip(id);
      if (clip === null) return null;
      const report = buildSessionReport(clip.session);
      const { meta } = clip;
      return {
        clip,
        report,
        timeline: reviewTimeline(
          clip.session,
          report,
          meta.sessionTimeAtVideoStartMs,
          meta.durationMs,
        ),
      };
    },
    meta: (id) => store.getMeta(id),
    add,
    async delete(id) {
      const deleted = await store.deleteClip(id);
      changed();
      return deleted;
    },
    addNote: (id, note) =>
      updateNotes(id, (notes, meta) =>
        addNote(notes, { ...note, id: deps.newId(), nowEpochMs: deps.epochMs() }, meta.durationMs),
      ),
    editNote: (id, noteId, text) =>
      updateNotes(id, (notes) => editNote(notes, noteId, text, deps.epochMs())),
    async deleteNote(id, noteId) {
      await updateNotes(id, (notes) => ({ ok: true, notes: deleteNote(notes, noteId) }));
    },
    rename: (id, text) =>
      updateDetails(id, (meta) => {
        const title = readClipTitle(text);
        return title.ok ? { title: title.title, client: meta.client ?? null } : title.message;
      }),
    setClient: (id, text) =>
      updateDetails(id, (meta) => {
        const client = readClientName(text);
        return client.ok ? { title: meta.title, client: client.client } : client.message;
      }),
    async exportBundle(id) {
      const clip = await store.getClip(id);
      if (clip === null) throw new ClipNotFoundError(id);
      return bundleOf(clip);
    },
    bundleOf,
    async importBundle(file, fileName) {
      const tooLarge = checkBundleSize(file.size);
      if (tooLarge !== null) return { ok: false, problem: tooLarge };
      const read = await readBundle(new Uint8Array(await file.arrayBuffer()));
      if (!read.ok) return read;
      const incoming = read.clip;
      const kept = await store.getMeta(incoming.meta.id);
      if (kept !== null) {
        const merged = mergeNotes(kept.notes, incoming.meta.notes);
        if (merged.added + merged.updated > 0) {
          await store.saveNotes(kept.id, merged.notes);
          changed();
        }
        return {
          ok: true,
          clipId: kept.id,
          outcome: 'merged',
          notesAdded: merged.added,
          notesUpdated: merged.updated,
        };
      }
      try {
        await deps.probeVideo(incoming.video, fileName);
      } catch (error) {
        return {
          ok: false,
          problem: {
            kind: 'invalid',
            message:
              `This bundle was refused: its video cannot be played in this browser. ${error instanceof Error ? error.message : ''}`.trim(),
            details: [incoming.meta.video.mimeType],
          },
        };
      }
      await add({ ...incoming, meta: { ...incoming.meta, origin: 'bundle' } });
      return {
        ok: true,
        clipId: incoming.meta.id,
        outcome: 'added',
        notesAdded: incoming.meta.notes.length,
        notesUpdated: 0,
      };
    },
    async keepInHistory(id) {
      const clip = await store.getClip(id);
      if (clip === null) throw new ClipNotFoundError(id);
      if (deps.sessions === null) throw new Error('Sessions cannot be kept in this browser.');
      const result = await deps.sessions.importFile(
        exportSessionsJson([clip.session], deps.epochMs()),
      );
      if (!result.ok) throw new Error(result.problem.message);
      return result.added.length > 0;
    },
    async inHistory(sessionId) {
      if (deps.sessions === null) return false;
      return (await deps.sessions.list()).some((e) => e.meta.id === sessionId);
    },
    noteAuthor: () => deps.settings?.getItem(AUTHOR_KEY) ?? '',
    setNoteAuthor(name) {
      try {
        deps.settings?.setItem(AUTHOR_KEY, name.slice(0, 60));
      } catch {
        // Not remembering a name is no reason to stop anyone writing a note.
      }
    },
  };
}

/** One sentence for a clip storage failure. */
export function describeClipError(error: unknown): string {
  if (error instanceof ClipStorageFullError || error instanceof ClipBudgetError)
    return error.message;
  if (error instanceof ClipNotFoundError) return error.message;
  return `Something went wrong with kept clips: ${error instanceof Error ? error.message : String(error)}`;
}
