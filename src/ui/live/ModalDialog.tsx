import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  /**
   * What Escape does inside the dialog. Omit to keep the dialog open (e.g. a question that must
   * be answered); the session's own Escape-to-stop is handled by the screen.
   */
  readonly onEscape?: () => void;
  readonly testId?: string;
}

/**
 * A modal built on <dialog>: the browser traps focus inside it, marks the rest of the page
 * inert and restores focus when it closes.
 */
export function ModalDialog({ open, title, children, onEscape, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="modal"
      aria-labelledby={testId !== undefined ? `${testId}-title` : undefined}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onEscape?.();
      }}
    >
      <h2 id={testId !== undefined ? `${testId}-title` : undefined}>{title}</h2>
      {children}
    </dialog>
  );
}
