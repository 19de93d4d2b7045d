/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that precaches the app and the default model. An update installs
 * in the background and waits until every StretchCheck tab is closed (the built worker neither
 * skips waiting nor claims pages, see dist/sw.js), so a running page never gets new code or new
 * weights underneath it (a reload is not enough: the tab stays a client throughout). A failure
 * only means no offline copy, so it is logged, not shown.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({
    immediate: true,
    onRegisterError: (error: unknown) => console.warn('Offline copy unavailable:', error),
  });
  void pruneOldModelCaches();
}

/**
 * Deletes the caches of earlier model weights (each build's cache is named after its model
 * manifest), which would otherwise stay on disk for good. Only from a page its own build's
 * service worker controls: a tab of another build may still be using its cache.
 */
async function pruneOldModelCaches(): Promise<void> {
  if (typeof caches === 'undefined' || navigator.serviceWorker.controller === null) return;
  try {
    const current = import.meta.env.VITE_MODELS_CACHE;
    const names = await caches.keys();
    await Promise.all(
      names.filter((n) => n.startsWith('models-') && n !== current).map((n) => caches.delete(n)),
    );
  } catch (error) {
    console.warn('Old model caches could not be deleted:', error);
  }
}
