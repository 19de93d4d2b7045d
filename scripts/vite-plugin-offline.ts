import { createHash } from 'node:crypto';
import { VitePWA } from 'vite-plugin-pwa';
import manifest from '../models/manifest.json' with { type: 'json' };

/** The model that works offline from the first visit: the default, fast one. */
const PRECACHED_MODEL = 'movenet-lightning';

/**
 * Other models are cached when first used, in a cache named after the model manifest: new
 * weights come with a new manifest, hence a new cache, never mixed with old files. (The loader
 * also checks every file's sha256 against the manifest built into the code.) The page gets the
 * name too (import.meta.env.VITE_MODELS_CACHE), to delete the caches of earlier weights.
 */
export const MODELS_CACHE = `models-${createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 12)}`;

/**
 * A service worker that precaches the app and the default model, so StretchCheck works offline
 * after one visit, plus a web app manifest so it can be installed. Precache entries carry content
 * hashes: an update installs all new files before it takes over, so new code never meets old
 * weights.
 */
export function offlinePlugin() {
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: false,
    includeAssets: ['favicon.svg'],
    manifest: {
      name: 'StretchCheck — hamstring stretch coach',
      short_name: 'StretchCheck',
      description:
        'A camera-based hamstring stretch coach that runs entirely on your device: form checks, timed holds, reports.',
      theme_color: '#10161d',
      background_color: '#10161d',
      display: 'standalone',
      start_url: '.',
      icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,wasm,svg,webmanifest}', `models/${PRECACHED_MODEL}.*`],
      globIgnores: ['bench.html', '**/benchPage-*.js'],
      // The default model's weights are 4.6 MB, the wasm binaries under 0.5 MB each.
      maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/models\//, /^\/bench/],
      cleanupOutdatedCaches: true,
      runtimeCaching: [
        {
          urlPattern: ({ url }) => url.pathname.startsWith('/models/'),
          handler: 'CacheFirst',
          options: { cacheName: MODELS_CACHE },
        },
      ],
    },
  });
}
