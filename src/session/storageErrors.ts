/**
 * Typed storage failures, so the engine can tell the user what happened and what to do instead
 * of losing data quietly.
 */

/** The browser refused to store more (the origin's quota, or the disk, is full). */
export class StorageFullError extends Error {
  readonly kind = 'storage-full';
  constructor(readonly sessionId: string | null = null) {
    super(
      sessionId === null
        ? 'Storage is full, so nothing more can be saved. Free some space or delete old sessions.'
        : 'Storage is full; your session is kept in memory. Export it now so it is not lost.',
    );
    this.name = 'StorageFullError';
  }
}

/** IndexedDB cannot be opened at all (disabled, blocked, or a private window that refuses it). */
export class StorageUnavailableError extends Error {
  readonly kind = 'storage-unavailable';
  constructor(readonly detail: string) {
    super(`Sessions cannot be saved in this browser: ${detail}`);
    this.name = 'StorageUnavailableError';
  }
}

/** A session with this id is already stored. */
export class SessionExistsError extends Error {
  readonly kind = 'session-exists';
  constructor(readonly sessionId: string) {
    super(`A session with id "${sessionId}" is already stored.`);
    this.name = 'SessionExistsError';
  }
}

export class SessionNotFoundError extends Error {
  readonly kind = 'session-not-found';
  constructor(readonly sessionId: string) {
    super(`There is no stored session with id "${sessionId}".`);
    this.name = 'SessionNotFoundError';
  }
}

/** Legacy DOMException code of QuotaExceededError (some browsers set only the code). */
const QUOTA_EXCEEDED_CODE = 22;

function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Whether `error` is the browser running out of quota, however it arrives: a plain
 * QuotaExceededError (localStorage), Dexie's wrapper (`inner`), an aborted IndexedDB transaction
 * whose cause was the quota, or a `cause` chain.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  if (error instanceof DOMException && error.code === QUOTA_EXCEEDED_CODE) return true;
  const { inner, cause } = error as { inner?: unknown; cause?: unknown };
  return isQuotaError(inner, depth + 1) || isQuotaError(cause, depth + 1);
}

/** Quota failures become `StorageFullError`; other errors are passed on unchanged. */
export function toStorageError(error: unknown, sessionId: string | null = null): Error {
  if (error instanceof StorageFullError) return error;
  if (isQuotaError(error)) return new StorageFullError(sessionId);
  return error instanceof Error ? error : new Error(String(error));
}
