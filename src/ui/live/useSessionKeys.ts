import { useEffect } from 'react';
import { EASE_TARGET_KEY, MOVE_ON_KEY } from './StallChoices';

interface Handlers {
  readonly togglePause: () => void;
  readonly stop: () => void;
  readonly reportSymptom: () => void;
  /** Set only while the coach offers to ease a stalled hold's target (E). */
  readonly easeTarget: (() => void) | null;
  /** Set only while the coach offers to move on from a stalled hold (M). */
  readonly moveOn: (() => void) | null;
}

function fieldOf(target: HTMLElement | null): Element | null {
  return target?.closest('input, select, textarea, [contenteditable="true"]') ?? null;
}

/** Space ticks a box or opens a list there: it is not a shortcut in any form field. */
function inField(target: HTMLElement | null): boolean {
  return fieldOf(target) !== null;
}

/** Where a letter is text being typed or a choice being made, not a shortcut. */
function isTyping(target: HTMLElement | null): boolean {
  const field = fieldOf(target);
  if (field === null) return false;
  // A ticked box or a radio takes no letters: P still means "I feel pain" there.
  return !(field instanceof HTMLInputElement && ['checkbox', 'radio'].includes(field.type));
}

/**
 * Space pauses or resumes, Escape stops — except while typing or inside a dialog; E and M answer a
 * stalled hold's offer (ease the target, move on) while it shows. P reports pain
 * or tingling everywhere but in a text field, dialogs included: it must never be blocked.
 */
export function useSessionKeys(active: boolean, handlers: Handlers): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const typing = isTyping(target);
      const inDialog = document.querySelector('dialog[open]') !== null;
      const modified = event.ctrlKey || event.metaKey || event.altKey;
      const letter = event.key.length === 1 ? event.key.toUpperCase() : '';
      if (letter === 'P' && !typing && !modified) {
        event.preventDefault();
        handlers.reportSymptom();
      } else if (
        letter === EASE_TARGET_KEY &&
        handlers.easeTarget !== null &&
        !typing &&
        !inDialog &&
        !modified
      ) {
        event.preventDefault();
        handlers.easeTarget();
      } else if (
        letter === MOVE_ON_KEY &&
        handlers.moveOn !== null &&
        !typing &&
        !inDialog &&
        !modified
      ) {
        event.preventDefault();
        handlers.moveOn();
      } else if (event.key === 'Escape' && !inDialog) {
        event.preventDefault();
        handlers.stop();
      } else if (
        event.key === ' ' &&
        !inField(target) &&
        !inDialog &&
        target?.tagName !== 'BUTTON'
      ) {
        event.preventDefault();
        handlers.togglePause();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, handlers]);
}
