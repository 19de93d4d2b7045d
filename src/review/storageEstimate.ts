import type { StorageEstimateLike } from './storageBudget';

/** The browser's figures, or null where it has no Storage API (or refuses it). */
export async function readStorageEstimate(): Promise<StorageEstimateLike | null> {
  if (typeof navigator === 'undefined' || navigator.storage?.estimate === undefined) return null;
  try {
    const estimate = await navigator.storage.estimate();
    return {
      ...(estimate.usage !== undefined ? { usage: estimate.usage } : {}),
      ...(estimate.quota !== undefined ? { quota: estimate.quota } : {}),
    };
  } catch {
    return null;
  }
}
