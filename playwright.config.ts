import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeWebcamArgs } from './tests/browser/chromium';
import { FAKE_WEBCAM_Y4M } from './tests/browser/fakeWebcam';

/**
 * The production build, served with the same COOP/COEP headers as the dev server. Both ports can
 * be moved (STRETCHCHECK_APP_PORT, STRETCHCHECK_MODULES_PORT) to run two suites side by side.
 */
const APP_PORT = Number(process.env['STRETCHCHECK_APP_PORT'] ?? 4173);
/**
 * The dev server, for tests of single platform modules (storage, speech, media) in a real
 * browser: a blank harness page imports `/src/...` modules straight from it.
 */
const MODULES_PORT = Number(process.env['STRETCHCHECK_MODULES_PORT'] ?? 5174);

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results',
  globalSetup: './tests/browser/globalSetup.ts',
  // One worker: the machine has two cores and each page runs a model.
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, ...fakeWebcamArgs(FAKE_WEBCAM_Y4M)],
    },
    permissions: ['camera'],
    viewport: { width: 1280, height: 900 },
    // Each test sees the network as it is; tests of the offline copy allow the service worker.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'app',
      testMatch: '**/*.spec.ts',
      testIgnore: 'modules/**',
      use: { baseURL: `http://localhost:${APP_PORT}` },
    },
    {
      name: 'modules',
      testMatch: 'modules/**/*.spec.ts',
      use: { baseURL: `http://localhost:${MODULES_PORT}` },
    },
  ],
  webServer: [
    {
      command: `npx vite build && npx vite preview --port ${APP_PORT} --strictPort`,
      url: `http://localhost:${APP_PORT}`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      command: `npx vite --port ${MODULES_PORT} --strictPort`,
      url: `http://localhost:${MODULES_PORT}/tests/browser/harness/index.html`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
