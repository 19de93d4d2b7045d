import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

/** What saving said: done, or why not (shown under the field, which stays open). */
export type InlineEditResult =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

interface Props {
  /** The text shown and the field's starting value. */
  readonly value: string;
  /** The field's label, e.g. "Clip name". */
  readonly label: string;
  /** The button that opens the field, e.g. "Rename"; its accessible name adds `subject`. */
  readonly editLabel: string;
  /** What is edited, for screen readers: "Rename the clip “Morning”". */
  readonly subject: string;
  readonly maxLength: number;
  readonly onSave: (text: string) => Promise<InlineEditResult>;
  /** Shown instead of an empty value (e.g. "no client"). */
  readonly emptyText?: string;
  /** False when the value is shown elsewhere already (a heading): only the button then. */
  readonly showValue?: boolean;
  readonly testId?: string;
}

/**
 * A value with an edit button that turns it into a text field: Enter or Save keeps the text,
 * Escape or Cancel puts the old one back, and a refusal (an empty name) is said under the field
 * without losing what was typed. Focus returns to the edit button when done.
 */
export function InlineEdit({
  value,
  label,
  editLabel,
  subject,
  maxLength,
  onSave,
  emptyText = '',
  showValue = true,
  testId,
}: Props) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const refocusButton = useRef(false);

  useEffect(() => {
    if (editing) input.current?.select();
    else if (refocusButton.current) {
      refocusButton.current = false;
      button.current?.focus();
    }
  }, [editing]);

  const open = (): void => {
    setText(value);
    setError(null);
    setEditing(true);
  };
  const close = (): void => {
    refocusButton.current = true;
    setEditing(false);
    setError(null);
  };
  const save = (): void => {
    if (saving) return;
    setSaving(true);
    onSave(text).then(
      (result) => {
        setSaving(false);
        if (result.ok) close();
        else {
          setError(result.message);
          input.current?.focus();
        }
      },
      (failure: unknown) => {
        setSaving(false);
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      // The field's own Escape: it must not also stop a session or close a dialog behind it.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };

  if (!editing)
    return (
      <span className="inline-edit" data-testid={testId}>
        {showValue && (
          <>
            <span className="inline-edit-value">{value === '' ? emptyText : value}</span>{' '}
          </>
        )}
        <button
          ref={button}
          type="button"
          className="small"
          onClick={open}
          aria-label={`${editLabel}: ${subject}`}
        >
          {editLabel}
        </button>
      </span>
    );
  return (
    <span className="inline-edit inline-edit-open" data-testid={testId}>
      <label htmlFor={`${id}-field`}>{label}</label>{' '}
      <input
        id={`${id}-field`}
        ref={input}
        type="text"
        autoComplete="off"
        value={text}
        maxLength={maxLength + 1}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-error` : undefined}
      />{' '}
      <button type="button" className="small" onClick={save} disabled={saving}>
        Save
      </button>{' '}
      <button type="button" className="small" onClick={close}>
        Cancel
      </button>
      {error !== null && (
        <span id={`${id}-error`} className="error-inline inline-edit-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
