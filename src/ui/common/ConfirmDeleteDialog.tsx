import { useEffect, useId, useRef, useState } from 'react';

interface Props<T> {
  /** What is to be deleted; null keeps the dialog closed. */
  readonly target: T | null;
  readonly title: string;
  /** The sentence that says what goes, and that it cannot be undone. */
  readonly describe: (target: T) => string;
  readonly confirmLabel: string;
  readonly onConfirm: (target: T) => Promise<void>;
  /** A failed delete, in words; the dialog stays open to try again or cancel. */
  readonly describeError: (error: unknown) => string;
  /** Runs once the dialog has closed, however it closed; `deleted` says whether it deleted. */
  readonly onClose: (deleted: boolean) => void;
  readonly testId?: string;
}

/**
 * Asks before something is deleted. A modal <dialog>: focus moves into it (to Cancel, the safe
 * choice), Tab stays inside, Escape cancels, and focus returns to the button that opened it.
 * `onClose` runs after the browser has moved focus back, so the owner may move it on from there
 * (the row whose button opened the dialog may be gone).
 */
export function ConfirmDeleteDialog<T>({
  target,
  title,
  describe,
  confirmLabel,
  onConfirm,
  describeError,
  onClose,
  testId,
}: Props<T>) {
  const dialog = useRef<HTMLDialogElement>(null);
  const deleted = useRef(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (target !== null && !element.open) {
      deleted.current = false;
      element.showModal();
    }
    if (target === null && element.open) element.close();
  }, [target]);

  const confirm = (): void => {
    if (target === null) return;
    setBusy(true);
    setError(null);
    onConfirm(target).then(
      () => {
        setBusy(false);
        deleted.current = true;
        // Closing fires the dialog's close event, which tells the owner (onClose).
        dialog.current?.close();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(describeError(failure));
      },
    );
  };

  const cancel = (): void => dialog.current?.close();

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onClose={() => {
        setError(null);
        onClose(deleted.current);
      }}
      data-testid={testId}
    >
      <h2 id={titleId}>{title}</h2>
      <p id={textId}>{target !== null && describe(target)}</p>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={cancel} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={busy}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
