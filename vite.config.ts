import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { CONTENT_SECURITY_POLICY, cspPlugin } from './scripts/vite-plugin-csp.ts';
import { modelsPlugin } from './scripts/vite-plugin-models.ts';
import { MODELS_CACHE, offlinePlugin } from './scripts/vite-plugin-offline.ts';

/**
 * Cross-origin isolation lets the wasm backend use threads (SharedArrayBuffer). Both the dev and
 * the preview server send these headers.
 */
const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), modelsPlugin(), cspPlugin(), offlinePlugin()],
  define: { 'import.meta.env.VITE_MODELS_CACHE': JSON.stringify(MODELS_CACHE) },
  server: { headers: CROSS_ORIGIN_ISOLATION, port: 5173 },
  // The built pages carry the policy in a <meta> tag, but a worker takes its policy from its
  // own script's response headers only: without the header the pose worker, its wasm threads
  // and the service worker run unrestricted. (The dev server goes without: hot reload needs
  // inline styles and a websocket.)
  preview: {
    headers: { ...CROSS_ORIGIN_ISOLATION, 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    port: 4173,
  },
  optimizeDeps: {
    // The scan starts from the pages and from the pose worker, which no page imports (it is
    // started from a URL): its deep imports of pose-detection's parts would otherwise be found
    // on the first model load, re-bundled, and the worker's stale imports refused mid-start.
    entries: [
      'index.html',
      'bench.html',
      'tests/browser/harness/index.html',
      'src/pose/worker/poseWorker.ts',
    ],
    // Pre-bundled when the dev server starts, not discovered on first import: discovering
    // them later reloads the page (which breaks module tests) and slows the first visit.
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-converter',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow-models/pose-detection',
      'react',
      'react-dom',
      'react-dom/client',
      'dexie',
      'zod',
      'uplot',
      'fflate',
      'mediabunny',
    ],
  },
  worker: {
    format: 'es',
    // TF.js's threaded wasm backend starts its pthreads from `factory.toString()`, so the names
    // that function uses from its enclosing scope must survive minification unchanged.
    rolldownOptions: { output: { minify: { mangle: false, compress: false } } },
  },
  build: {
    target: 'es2022',
    rolldownOptions: {
      // bench.html: the browser half of `npm run bench` (timing the models as the app runs them).
      input: { main: 'index.html', bench: 'bench.html' },
    },
    // The wasm binaries are large; they are fetched once and cached.
    chunkSizeWarningLimit: 2500,
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
