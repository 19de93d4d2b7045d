/**
 * Writes the recording out when the page may be about to go away: `pagehide` (closing,
 * navigating, a reload) and `visibilitychange` to hidden (switching tabs or apps, where mobile
 * browsers may kill the page without another event). IndexedDB work started in these handlers
 * usually completes; at worst the last second before them is lost.
 */
export interface Flushable {
  flush(): Promise<void>;
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
  const onPageHide = (): void => void recording.flush();
  const onVisibilityChange = (): void => {
    if (page.document.visibilityState === 'hidden') void recording.flush();
  };
  page.addEventListener('pagehide', onPageHide);
  page.document.addEventListener('visibilitychange', onVisibilityChange);
  return () => {
    page.removeEventListener('pagehide', onPageHide);
    page.document.removeEventListener('visibilitychange', onVisibilityChange);
  };
}
