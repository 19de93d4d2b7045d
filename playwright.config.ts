import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeWebcamArgs } from './tests/browser/chromium';
import { FAKE_WEBCAM_Y4M } from './tests/browser/fakeWebcam';

const PORT = 4173;

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './tests/browser/globalSetup.ts',
  // One worker: the machine has two cores and each page runs a model.
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, ...fakeWebcamArgs(FAKE_WEBCAM_Y4M)],
    },
    permissions: ['camera'],
    viewport: { width: 1280, height: 900 },
  },
  // The production build, served with the same COOP/COEP headers as the dev server.
  webServer: {
    command: `npx vite build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
