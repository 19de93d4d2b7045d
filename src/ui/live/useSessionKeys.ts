import { useEffect } from 'react';

interface Handlers {
  readonly togglePause: () => void;
  readonly stop: () => void;
}

/** Space pauses or resumes, Escape stops — except while typing or inside a dialog. */
export function useSessionKeys(active: boolean, handlers: Handlers): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const typing =
        (target?.closest('input, select, textarea, [contenteditable="true"]') ?? null) !== null;
      const inDialog = document.querySelector('dialog[open]') !== null;
      if (event.key === 'Escape' && !inDialog) {
        event.preventDefault();
        handlers.stop();
      } else if (event.key === ' ' && !typing && !inDialog && target?.tagName !== 'BUTTON') {
        event.preventDefault();
        handlers.togglePause();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, handlers]);
}
