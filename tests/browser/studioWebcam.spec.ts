import { expect, test } from '@playwright/test';
import { studioTruth, studioWebcamLaunch } from './studioWebcam';

/**
 * A studio-rendered person (tests/fixtures/studio/README.md) as the webcam: the first screen must
 * find them as it finds a filmed one.
 */
test.use(studioWebcamLaunch);

test('the first screen finds a studio-rendered person on a fake webcam', async ({ page }) => {
  // The fixture's person is wholly in the picture on every frame: a miss would be the app's.
  expect(studioTruth.frames.every((f) => f.wholeBodyInFrame)).toBe(true);
  await page.goto('/#/check');
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(page.getByTestId('stat-person')).toHaveText('found', { timeout: 60_000 });
  await expect
    .poll(async () =>
      Number(await page.getByTestId('skeleton-overlay').getAttribute('data-keypoints-drawn')),
    )
    .toBeGreaterThanOrEqual(10);
});
