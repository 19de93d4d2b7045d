import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { readStudioTruth } from '../../scripts/eval/studioTruth';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeWebcamArgs } from './chromium';
import { prepareFakeWebcam } from './fakeWebcam';

/**
 * A studio-rendered person (tests/fixtures/studio/README.md) as the webcam: the first screen must
 * find them as it finds a filmed one. Chromium's fake camera reads y4m, converted from the
 * committed MP4 when the file is loaded (before the browser starts) at the clip's own rate.
 */
const FIXTURE = '../fixtures/studio/set1-17-standing-hamstring';
const truth = readStudioTruth(
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`${FIXTURE}.truth.json`, import.meta.url)), 'utf8'),
  ),
);
const y4m = prepareFakeWebcam(
  fileURLToPath(new URL(`${FIXTURE}.mp4`, import.meta.url)),
  fileURLToPath(
    new URL('../../artifacts/fake-webcam/studio-standing-hamstring.y4m', import.meta.url),
  ),
  truth.clip.fps,
);

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeWebcamArgs(y4m)],
  },
});

test('the first screen finds a studio-rendered person on a fake webcam', async ({ page }) => {
  // The fixture's person is wholly in the picture on every frame: a miss would be the app's.
  expect(truth.frames.every((f) => f.wholeBodyInFrame)).toBe(true);
  await page.goto('/#/check');
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(page.getByTestId('stat-person')).toHaveText('found', { timeout: 60_000 });
  await expect
    .poll(async () =>
      Number(await page.getByTestId('skeleton-overlay').getAttribute('data-keypoints-drawn')),
    )
    .toBeGreaterThanOrEqual(10);
});
