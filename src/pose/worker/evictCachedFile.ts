/**
 * Removes a file from every Cache Storage cache (the service worker's offline copies), so the
 * next load fetches it again: a cached model file that failed its checksum would otherwise fail
 * the same way on every load until the next model update.
 */
export async function evictCachedFile(url: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  try {
    for (const name of await caches.keys()) {
      // Precached copies are stored under a revision query string; match them too.
      await (await caches.open(name)).delete(url, { ignoreSearch: true });
    }
  } catch {
    // No cache to clean, or storage refused: the next load fetches or fails as before.
  }
}
