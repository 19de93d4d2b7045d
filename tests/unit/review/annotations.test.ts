import { describe, expect, it } from 'vitest';
import {
  MAX_NOTES,
  MAX_NOTE_CHARS,
  addNote,
  deleteNote,
  editNote,
  mergeNotes,
  notesNear,
  type ClipNote,
  type NotesResult,
} from '../../../src/review/annotations';

const CLIP_MS = 60_000;

function note(id: string, atMs: number, extra: Partial<ClipNote> = {}): ClipNote {
  return {
    id,
    atMs,
    text: `note ${id}`,
    author: null,
    createdAtEpochMs: 1_000,
    updatedAtEpochMs: 1_000,
    ...extra,
  };
}

function ok(result: NotesResult): readonly ClipNote[] {
  if (!result.ok) throw new Error(result.message);
  return result.notes;
}

describe('trainer notes', () => {
  it('pins a note to a moment and keeps the list in time order', () => {
    let notes = ok(
      addNote(
        [],
        { id: 'b', atMs: 12_300, text: '  back rounds here ', author: 'Sam', nowEpochMs: 5 },
        CLIP_MS,
      ),
    );
    notes = ok(
      addNote(
        notes,
        { id: 'a', atMs: 4_000, text: 'good start', author: ' ', nowEpochMs: 6 },
        CLIP_MS,
      ),
    );
    expect(notes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(notes[1]).toMatchObject({ text: 'back rounds here', author: 'Sam', atMs: 12_300 });
    expect(notes[0]?.author).toBeNull();
  });

  it.each([
    ['an empty note', { text: '   ' }, 'empty'],
    ['a note longer than the limit', { text: 'x'.repeat(MAX_NOTE_CHARS + 1) }, 'too-long'],
    ['a note before the clip', { atMs: -1 }, 'outside-clip'],
    ['a note after the clip', { atMs: CLIP_MS + 1 }, 'outside-clip'],
    ['a note at no time', { atMs: Number.NaN }, 'outside-clip'],
  ])('refuses %s', (_what, change, problem) => {
    const result = addNote(
      [],
      { id: 'x', atMs: 1_000, text: 'fine', author: null, nowEpochMs: 0, ...change },
      CLIP_MS,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toBe(problem);
  });

  it('refuses a note past the most a clip keeps', () => {
    const full = Array.from({ length: MAX_NOTES }, (_, i) => note(`n${i}`, i));
    const result = addNote(
      full,
      { id: 'one-more', atMs: 0, text: 'hi', author: null, nowEpochMs: 0 },
      CLIP_MS,
    );
    expect(result.ok ? null : result.problem).toBe('too-many');
  });

  it('edits the text and the edit time, and deletes by id, without touching the input', () => {
    const notes = [note('a', 1_000), note('b', 2_000)];
    const edited = ok(editNote(notes, 'b', ' sharper ', 9_000));
    expect(edited[1]).toMatchObject({
      text: 'sharper',
      updatedAtEpochMs: 9_000,
      createdAtEpochMs: 1_000,
    });
    expect(notes[1]?.text).toBe('note b');
    expect(deleteNote(edited, 'a').map((n) => n.id)).toEqual(['b']);
    expect(editNote(notes, 'zzz', 'x', 0).ok).toBe(false);
  });

  it('shows the notes near the playing moment', () => {
    const notes = [note('a', 1_000), note('b', 5_000), note('c', 5_900)];
    expect(notesNear(notes, 5_500, 1_000).map((n) => n.id)).toEqual(['b', 'c']);
  });

  it('merges a returned bundle: new notes added, later edits win, nothing deleted', () => {
    const kept = [
      note('mine', 1_000),
      note('shared', 2_000, { text: 'old', updatedAtEpochMs: 10 }),
    ];
    const incoming = [
      note('shared', 2_000, { text: 'trainer edit', updatedAtEpochMs: 20 }),
      note('trainer', 3_000, { author: 'Coach' }),
    ];
    const merged = mergeNotes(kept, incoming);
    expect(merged.added).toBe(1);
    expect(merged.updated).toBe(1);
    expect(merged.notes.map((n) => [n.id, n.text])).toEqual([
      ['mine', 'note mine'],
      ['shared', 'trainer edit'],
      ['trainer', 'note trainer'],
    ]);
    // An older copy coming back does not undo a newer edit kept here.
    expect(mergeNotes(merged.notes, kept).updated).toBe(0);
  });
});
