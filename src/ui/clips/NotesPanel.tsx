import { useId, useState } from 'react';
import { MAX_NOTE_CHARS } from '../../review/annotations';
import { describeClipError } from '../../engine/clips/clipLibrary';
import type { ClipNote, NotesResult } from '../../review/annotations';
import { useStore } from '../useStore';
import type { PlayerModel } from './playerModel';
import { formatVideoTime } from './saveBlob';
import { useClipLibrary } from './useClipLibrary';

interface Props {
  readonly clipId: string;
  readonly notes: readonly ClipNote[];
  readonly player: PlayerModel;
}

function NoteItem({
  note,
  onJump,
  onSave,
  onDelete,
}: {
  readonly note: ClipNote;
  readonly onJump: () => void;
  readonly onSave: (text: string) => Promise<boolean>;
  readonly onDelete: () => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const editId = useId();
  return (
    <li className="note" data-testid="note">
      <button
        type="button"
        className="note-time"
        onClick={onJump}
        aria-label={`Go to ${formatVideoTime(note.atMs)}`}
      >
        {formatVideoTime(note.atMs)}
      </button>
      {editing === null ? (
        <div className="note-body">
          <p className="note-text">{note.text}</p>
          <p className="muted note-meta">
            {note.author ?? 'No name'}
            {note.updatedAtEpochMs !== note.createdAtEpochMs && ' · edited'}
          </p>
          <div className="note-actions">
            <button type="button" onClick={() => setEditing(note.text)}>
              Edit
            </button>
            <button type="button" onClick={onDelete}>
              Delete
            </button>
          </div>
        </div>
      ) : (
        <div className="note-body">
          <label htmlFor={editId} className="visually-hidden">
            Edit the note at {formatVideoTime(note.atMs)}
          </label>
          <textarea
            id={editId}
            value={editing}
            maxLength={MAX_NOTE_CHARS}
            onChange={(e) => setEditing(e.target.value)}
            rows={3}
          />
          <div className="note-actions">
            <button
              type="button"
              onClick={() => void onSave(editing).then((saved) => saved && setEditing(null))}
            >
              Save
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** Trainer notes, each pinned to a moment of the clip; the newest moment is the player's. */
export function NotesPanel({ clipId, notes, player }: Props) {
  const library = useClipLibrary();
  const time = useStore(player.time);
  const [text, setText] = useState('');
  const [author, setAuthor] = useState(() => library.noteAuthor());
  const [message, setMessage] = useState<string | null>(null);
  const textId = useId();
  const authorId = useId();

  const report = (result: NotesResult): boolean => {
    setMessage(result.ok ? null : result.message);
    return result.ok;
  };
  const failed = (error: unknown): boolean => {
    setMessage(describeClipError(error));
    return false;
  };
  const add = (): void => {
    const atMs = player.time.getSnapshot().ms;
    library.setNoteAuthor(author);
    void library.addNote(clipId, { atMs, text, author }).then((result) => {
      if (report(result)) setText('');
    }, failed);
  };

  return (
    <section className="notes-panel" aria-labelledby="notes-title">
      <h2 id="notes-title">Notes ({notes.length})</h2>
      <div className="note-form">
        <label htmlFor={textId}>
          Note at <span data-testid="note-time">{formatVideoTime(time.ms)}</span>
        </label>
        <textarea
          id={textId}
          value={text}
          maxLength={MAX_NOTE_CHARS}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) add();
          }}
          data-testid="note-text"
        />
        <div className="note-form-row">
          <label htmlFor={authorId}>Your name (optional)</label>
          <input
            id={authorId}
            value={author}
            maxLength={60}
            onChange={(e) => setAuthor(e.target.value)}
            autoComplete="name"
          />
          <button type="button" className="primary" onClick={add} aria-keyshortcuts="Control+Enter">
            Add note
          </button>
        </div>
        {/* Always present, so a refusal is announced when it appears. */}
        <p className={message === null ? undefined : 'error-inline'} role="alert">
          {message ?? ''}
        </p>
      </div>
      {notes.length === 0 ? (
        <p className="muted">No notes yet. Pause where something matters and write what you see.</p>
      ) : (
        <ol className="note-list" data-testid="note-list">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              onJump={() => {
                player.pause();
                player.seek(note.atMs);
              }}
              onSave={(edited) => library.editNote(clipId, note.id, edited).then(report, failed)}
              onDelete={() => void library.deleteNote(clipId, note.id).catch(failed)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
