import { useCallback, useEffect, useState, type RefObject } from 'react';

export interface Fullscreen {
  /** Whether the element fills the screen now. */
  readonly active: boolean;
  /** Fill the screen, or leave it; a refusal (no permission, no support) changes nothing. */
  readonly toggle: () => void;
  /** Leave full screen if the element is in it; true when there was something to leave. */
  readonly leave: () => boolean;
}

/**
 * Full screen for one element (the clip player: the picture with its controls, so stepping and
 * slow motion keep working). The browser leaves on Escape by itself; `leave` is for the player's
 * own Escape key, which a page may receive first.
 */
export function useFullscreen(target: RefObject<HTMLElement | null>): Fullscreen {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const update = (): void => {
      setActive(target.current !== null && document.fullscreenElement === target.current);
    };
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, [target]);

  const leave = useCallback((): boolean => {
    if (target.current === null || document.fullscreenElement !== target.current) return false;
    document.exitFullscreen().catch(() => undefined);
    return true;
  }, [target]);

  const toggle = useCallback((): void => {
    const element = target.current;
    if (element === null || leave()) return;
    // A refused request (an iframe without permission, an old browser) leaves the page as it was.
    element.requestFullscreen().catch(() => undefined);
  }, [target, leave]);

  return { active, toggle, leave };
}
