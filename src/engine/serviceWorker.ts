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
}
