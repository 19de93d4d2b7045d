import type { Plugin } from 'vite';

/**
 * What the built app may load: only its own origin. The exceptions are what the browser needs
 * for local data: TF.js starts its wasm threads from blob: scripts, compiles wasm
 * ('wasm-unsafe-eval'), a video file plays from a blob: URL, and charts and snapshots may use
 * data:/blob: images. Nothing may be sent anywhere but this origin (connect-src 'self').
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "manifest-src 'self'",
].join('; ');

/**
 * Puts the policy into every built page as a <meta> tag, so it holds on any static host. The
 * dev server is left without it: Vite's hot reload injects inline styles and a websocket.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'stretchcheck-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}
