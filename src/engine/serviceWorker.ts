/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that precaches the app and the default model. Updates apply
 * themselves on the next load; a failure only means no offline copy, so it is logged, not shown.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  registerSW({
    immediate: true,
    onRegisterError: (error: unknown) => console.warn('Offline copy unavailable:', error),
  });
}
