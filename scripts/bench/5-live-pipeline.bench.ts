import { fakeWebcamArgs } from '../../tests/browser/chromium';
import {
  FAKE_WEBCAM_CLIP,
  FAST_FAKE_WEBCAM_Y4M,
  prepareFakeWebcam,
} from '../../tests/browser/fakeWebcam';
import type { Page } from '@playwright/test';
import type { PoseModelId } from '../../src/geometry/types';
import { openBuiltApp, serveBenchClip, standaloneRates } from './browser';
import { fixed, printTable } from './table';

export const title =
  'Live session in headless Chromium (fake 60 fps webcam, wasm; geometry, protocol, cues and recording all running), against the same model standalone';

const LIVE_SECONDS = 60;

const PAGE_PROBES = `
  window.benchLongTasksMs = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.benchLongTasksMs.push(entry.duration);
    }).observe({ entryTypes: ['longtask'] });
  } catch (error) {
    console.error('long task observer unavailable', error);
  }
  function watchForFirstPose() {
    const overlay = document.querySelector('[data-testid="skeleton-overlay"]');
    if (Number(overlay?.dataset.keypointsDrawn ?? 0) > 0) {
      window.benchFirstPoseAtMs = performance.now();
      return;
    }
    requestAnimationFrame(watchForFirstPose);
  }
  requestAnimationFrame(watchForFirstPose);
`;

declare global {
  interface Window {
    benchLongTasksMs?: number[];
    benchFirstPoseAtMs?: number;
    benchStartClickedAtMs?: number;
  }
}

/**
 * The fake webcam's frame rate: the most a live session can analyse. Twice a webcam's, so the
 * fast model, not the camera, sets the pace.
 */
const CAMERA_FPS = 60;

interface LiveFigures {
  readonly liveFps: number;
  readonly rawFps: number;
  readonly estimatorFps: number;
  readonly loadToPoseMs: number;
  readonly clickToPoseMs: number;
  readonly longTasksMs: readonly number[];
}

/** One live session with `model`, between two standalone timings of the same model. */
async function measureLive(page: Page, baseUrl: string, model: PoseModelId): Promise<LiveFigures> {
  const before = await standaloneRates(page, baseUrl, model);
  // Long tasks and the first drawn pose are observed from the very start of the page.
  await page.goto(baseUrl);
  await page.getByLabel('Pose model').selectOption(model);
  await page.reload();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.evaluate(() => (window.benchStartClickedAtMs = performance.now()));
  await page.getByRole('button', { name: /warmed up/ }).click();
  await page
    .waitForFunction(() => window.benchFirstPoseAtMs !== undefined, undefined, {
      timeout: 60_000,
    })
    .catch(async (error: unknown) => {
      await page.screenshot({ path: 'artifacts/bench-live-failure.png' });
      throw error;
    });
  const firstPose = await page.evaluate(() => ({
    loadToPoseMs: window.benchFirstPoseAtMs ?? NaN,
    clickToPoseMs: (window.benchFirstPoseAtMs ?? NaN) - (window.benchStartClickedAtMs ?? NaN),
  }));
  const stage = page.getByTestId('session-stage');
  const framesAt = async (): Promise<number> =>
    Number(await stage.getAttribute('data-frames-analysed'));
  await page.evaluate(() => (window.benchLongTasksMs = []));
  const startFrames = await framesAt();
  const startMs = Date.now();
  await page.waitForTimeout(LIVE_SECONDS * 1000);
  const liveFps = ((await framesAt()) - startFrames) / ((Date.now() - startMs) / 1000);
  const longTasksMs = await page.evaluate(() => window.benchLongTasksMs ?? []);
  await page.keyboard.press('Escape');
  const after = await standaloneRates(page, baseUrl, model);
  return {
    liveFps,
    rawFps: 2000 / (before.rawMsPerFrame + after.rawMsPerFrame),
    estimatorFps: 2000 / (before.estimatorMsPerFrame + after.estimatorMsPerFrame),
    ...firstPose,
    longTasksMs,
  };
}

export async function run(): Promise<void> {
  const session = await openBuiltApp(
    fakeWebcamArgs(prepareFakeWebcam(FAKE_WEBCAM_CLIP, FAST_FAKE_WEBCAM_Y4M, CAMERA_FPS)),
  );
  const { page, baseUrl } = session;
  try {
    await serveBenchClip(page);
    await page.addInitScript({ content: PAGE_PROBES });
    const fast = await measureLive(page, baseUrl, 'movenet-lightning');
    const accurate = await measureLive(page, baseUrl, 'blazepose-full');
    const row = (label: string, f: (m: LiveFigures) => string, goal = ''): string[] => [
      label,
      f(fast),
      f(accurate),
      goal,
    ];
    printTable(
      ['figure', 'MoveNet Lightning', 'BlazePose full', 'goal'],
      [
        row(`analysed frames/s, live (${LIVE_SECONDS} s)`, (m) => fixed(m.liveFps)),
        row('raw model frames/s (same run, before+after)', (m) => fixed(m.rawFps)),
        row('live / raw model', (m) => fixed(m.liveFps / m.rawFps, 2), '>= 0.95'),
        row(
          `live / what could be analysed (raw model, at most the camera's ${CAMERA_FPS})`,
          (m) => fixed(m.liveFps / Math.min(m.rawFps, CAMERA_FPS), 2),
          '>= 0.95',
        ),
        row('estimator frames/s standalone in the worker', (m) => fixed(m.estimatorFps)),
        row('live / standalone estimator', (m) => fixed(m.liveFps / m.estimatorFps, 2)),
        row(
          'page load to first drawn pose, ms',
          (m) => fixed(m.loadToPoseMs, 0),
          '<= 3000 (fast model)',
        ),
        row('start click to first drawn pose, ms', (m) => fixed(m.clickToPoseMs, 0)),
        row(
          `longest main-thread task in ${LIVE_SECONDS} s live, ms`,
          (m) => fixed(Math.max(0, ...m.longTasksMs), 0),
          '< 50',
        ),
        row(
          `main-thread tasks over 50 ms in ${LIVE_SECONDS} s live`,
          (m) => String(m.longTasksMs.length),
          '0',
        ),
      ],
    );
  } finally {
    await session.close();
  }
}
