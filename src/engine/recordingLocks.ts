/**
 * Which sessions some page is recording right now. A recording holds its lock until it is
 * finished; the browser releases it when the tab closes or crashes, so a session whose lock is
 * free and whose status is still "recording" really was cut off.
 */
export interface RecordingLocks {
  /** Holds the lock of `sessionId`; call the result to let it go. */
  hold(sessionId: string): () => void;
  heldIds(): Promise<ReadonlySet<string>>;
}

const LOCK_PREFIX = 'stretchcheck-recording:';

/** Web Locks are shared by every tab of the origin and let go when a tab dies. */
export function webRecordingLocks(locks: LockManager): RecordingLocks {
  return {
    hold(sessionId) {
      let release = (): void => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      void locks.request(`${LOCK_PREFIX}${sessionId}`, () => held);
      return release;
    },
    async heldIds() {
      const state = await locks.query();
      return new Set(
        (state.held ?? [])
          .map((lock) => lock.name ?? '')
          .filter((name) => name.startsWith(LOCK_PREFIX))
          .map((name) => name.slice(LOCK_PREFIX.length)),
      );
    },
  };
}

/** Thrown when a session cannot be taken over because another tab is recording it. */
export class SessionInUseError extends Error {
  override readonly name = 'SessionInUseError';
  constructor() {
    super('That session is being recorded in another tab. Finish it there first.');
  }
}
