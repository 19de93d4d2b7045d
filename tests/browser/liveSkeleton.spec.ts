import { expect, test } from '@playwright/test';

test.describe('first screen with a fake webcam playing a real clip', () => {
  test('detects the person and draws the skeleton, showing model, backend and fps', async ({
    page,
  }) => {
    await page.goto('/#/check');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await page.getByRole('button', { name: 'Start camera' }).click();

    await expect(page.getByTestId('stat-person')).toHaveText('found', { timeout: 60_000 });
    await expect
      .poll(async () =>
        Number(await page.getByTestId('skeleton-overlay').getAttribute('data-keypoints-drawn')),
      )
      .toBeGreaterThanOrEqual(10);
    await expect(page.getByTestId('stat-model')).toContainText('MoveNet Lightning');
    // Cross-origin isolation gives the wasm backend threads (one per core beyond the two left
    // to the page); SIMD is standard in Chromium.
    await expect(page.getByTestId('stat-backend')).toHaveText(/^wasm \(SIMD \+ \d+ threads?\)$/);
    await expect
      .poll(async () => Number(await page.getByTestId('stat-fps').textContent()))
      .toBeGreaterThan(1);
    await page.screenshot({ path: 'test-results/screens/first-screen-live.png' });
  });

  test('holds a constant number of tensors in the pose worker while it runs', async ({ page }) => {
    await page.goto('/#/check');
    await page.getByRole('button', { name: 'Start camera' }).click();
    const tensors = page.getByTestId('stat-tensors');
    await expect(tensors).toHaveText(/^\d+$/, { timeout: 60_000 });
    const first = Number(await tensors.textContent());
    // The count is sampled every 2 s; watch it over a few samples while frames flow.
    const samples: number[] = [];
    for (let i = 0; i < 4; i++) {
      await page.waitForTimeout(2500);
      samples.push(Number(await tensors.textContent()));
    }
    expect(samples).toEqual([first, first, first, first]);
  });
});
