import { useEffect, useRef, useState } from 'react';
import { describeLibraryError } from '../../engine/sessionLibrary';
import { formatDateTime } from '../report/saveFile';

export interface DeleteTarget {
  readonly id: string;
  readonly startedAtEpochMs: number;
}

/**
 * Asks before a session is deleted. A modal <dialog>: focus moves into it (to Cancel, the safe
 * choice), Tab stays inside, Escape cancels, and focus returns to the button that opened it.
 * `onClose` runs once the dialog has closed, however it closed (after the browser has moved
 * focus back), so the owner may move focus on from there.
 */
export function DeleteSessionDialog({
  target,
  onConfirm,
  onClose,
}: {
  readonly target: DeleteTarget | null;
  readonly onConfirm: (id: string) => Promise<void>;
  readonly onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (target !== null && !element.open) element.showModal();
    if (target === null && element.open) element.close();
  }, [target]);

  const confirm = () => {
    if (target === null) return;
    setBusy(true);
    setError(null);
    onConfirm(target.id).then(
      () => {
        setBusy(false);
        // Closing fires the dialog's close event, which tells the owner (onClose).
        dialog.current?.close();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(describeLibraryError(failure));
      },
    );
  };

  const close = () => {
    setError(null);
    onClose();
  };

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="delete-title"
      aria-describedby="delete-text"
      onClose={close}
      data-testid="delete-dialog"
    >
      <h2 id="delete-title">Delete this session?</h2>
      <p id="delete-text">
        {target !== null && `The session of ${formatDateTime(target.startedAtEpochMs)} `}and its
        report will be removed from this device. This cannot be undone; export it first if you may
        want it back.
      </p>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={close} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={confirm} disabled={busy}>
          Delete session
        </button>
      </div>
    </dialog>
  );
}
