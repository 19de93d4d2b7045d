/**
 * Trainer notes pinned to a moment of a clip ("0:12 — let the back stay long here"). Pure: every
 * function returns a new list, sorted by time, and refuses what a note cannot be.
 */

export interface ClipNote {
  /** Unique within the clip; kept when a bundle travels, so notes merge by id. */
  readonly id: string;
  /** Video time the note is pinned to. */
  readonly atMs: number;
  readonly text: string;
  /** Who wrote it, as they typed their name; null when they did not. */
  readonly author: string | null;
  readonly createdAtEpochMs: number;
  readonly updatedAtEpochMs: number;
}

/** A page of text is plenty for one moment; longer belongs in a message. */
export const MAX_NOTE_CHARS = 2_000;
export const MAX_AUTHOR_CHARS = 60;
/** A clip with more notes than this is not being annotated but written over. */
export const MAX_NOTES = 500;

export type NoteProblem = 'empty' | 'too-long' | 'outside-clip' | 'too-many' | 'not-found';

export type NotesResult =
  | { readonly ok: true; readonly notes: readonly ClipNote[] }
  | { readonly ok: false; readonly problem: NoteProblem; readonly message: string };

const MESSAGES: Record<NoteProblem, string> = {
  empty: 'Write something first: the note is empty.',
  'too-long': `A note can be at most ${MAX_NOTE_CHARS} characters long.`,
  'outside-clip': 'A note must be pinned to a moment inside the clip.',
  'too-many': `This clip already has ${MAX_NOTES} notes, the most it can keep.`,
  'not-found': 'That note is no longer there.',
};

function refuse(problem: NoteProblem): NotesResult {
  return { ok: false, problem, message: MESSAGES[problem] };
}

/** Time order; notes at the same moment in the order they were written. */
export function sortNotes(notes: readonly ClipNote[]): ClipNote[] {
  return [...notes].sort(
    (a, b) =>
      a.atMs - b.atMs || a.createdAtEpochMs - b.createdAtEpochMs || a.id.localeCompare(b.id),
  );
}

function checkText(text: string): NoteProblem | null {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > MAX_NOTE_CHARS) return 'too-long';
  return null;
}

function cleanAuthor(author: string | null): string | null {
  const trimmed = author?.trim() ?? '';
  return trimmed === '' ? null : trimmed.slice(0, MAX_AUTHOR_CHARS);
}

export interface NewNote {
  readonly id: string;
  readonly atMs: number;
  readonly text: string;
  readonly author: string | null;
  readonly nowEpochMs: number;
}

/** Adds a note at `atMs` (0..clip length); its text is trimmed. */
export function addNote(
  notes: readonly ClipNote[],
  note: NewNote,
  clipDurationMs: number,
): NotesResult {
  const problem = checkText(note.text);
  if (problem !== null) return refuse(problem);
  if (!Number.isFinite(note.atMs) || note.atMs < 0 || note.atMs > clipDurationMs)
    return refuse('outside-clip');
  if (notes.length >= MAX_NOTES) return refuse('too-many');
  const added: ClipNote = {
    id: note.id,
    atMs: Math.round(note.atMs),
    text: note.text.trim(),
    author: cleanAuthor(note.author),
    createdAtEpochMs: note.nowEpochMs,
    updatedAtEpochMs: note.nowEpochMs,
  };
  return { ok: true, notes: sortNotes([...notes, added]) };
}

export function editNote(
  notes: readonly ClipNote[],
  id: string,
  text: string,
  nowEpochMs: number,
): NotesResult {
  const problem = checkText(text);
  if (problem !== null) return refuse(problem);
  if (!notes.some((n) => n.id === id)) return refuse('not-found');
  return {
    ok: true,
    notes: notes.map((n) =>
      n.id === id ? { ...n, text: text.trim(), updatedAtEpochMs: nowEpochMs } : n,
    ),
  };
}

export function deleteNote(notes: readonly ClipNote[], id: string): ClipNote[] {
  return notes.filter((n) => n.id !== id);
}

/** Notes pinned within `windowMs` either side of `tMs`: the ones to show over the player now. */
export function notesNear(notes: readonly ClipNote[], tMs: number, windowMs: number): ClipNote[] {
  return notes.filter((n) => Math.abs(n.atMs - tMs) <= windowMs);
}

export interface NotesMerge {
  readonly notes: readonly ClipNote[];
  readonly added: number;
  readonly updated: number;
}

/**
 * Notes of a bundle that came back, merged into the ones kept here: new ids are added, a note
 * edited later than the kept copy replaces it, nothing is deleted. So a trainer's notes reach the
 * client, and the client's own notes stay.
 */
export function mergeNotes(kept: readonly ClipNote[], incoming: readonly ClipNote[]): NotesMerge {
  const byId = new Map(kept.map((n) => [n.id, n]));
  let added = 0;
  let updated = 0;
  for (const note of incoming) {
    const mine = byId.get(note.id);
    if (mine === undefined) {
      if (byId.size >= MAX_NOTES) break;
      byId.set(note.id, note);
      added++;
    } else if (note.updatedAtEpochMs > mine.updatedAtEpochMs) {
      byId.set(note.id, note);
      updated++;
    }
  }
  return { notes: sortNotes([...byId.values()]), added, updated };
}
