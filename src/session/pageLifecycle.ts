/**
 * Writes the recording out when the page may be about to go away: `pagehide` (closing,
 * navigating, a reload) and `visibilitychange` to hidden (switching tabs or apps, where mobile
 * browsers may kill the page without another event). IndexedDB writes started in an unloading
 * page are dropped by Chromium, so the recording first stashes its unsaved chunks synchronously
 * (`stashForUnload`), then writes them to the store as usual.
 */
export interface Flushable {
  flush(): Promise<void>;
  /** Synchronous copy of unsaved data somewhere that survives the unload (see unloadStash.ts). */
  stashForUnload?(): void;
}

export interface PageLifecycleTarget {
  addEventListener(type: 'pagehide', listener: () => void): void;
  removeEventListener(type: 'pagehide', listener: () => void): void;
  readonly document: {
    readonly visibilityState: DocumentVisibilityState;
    addEventListener(type: 'visibilitychange', listener: () => void): void;
    removeEventListener(type: 'visibilitychange', listener: () => void): void;
  };
}

/** Flushes `recording` on pagehide and when the page is hidden; returns the detach function. */
export function flushWhenPageHides(
  recording: Flushable,
  page: PageLifecycleTarget = window,
): () => void {
  const save = (): void => {
    recording.stashForUnload?.();
    void recording.flush();
  };
  const onPageHide = (): void => save();
  const onVisibilityChange = (): void => {
    if (page.document.visibilityState === 'hidden') save();
  };
  page.addEventListener('pagehide', onPageHide);
  page.document.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    page.removeEventListener('pagehide', onPageHide);
    page.document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
