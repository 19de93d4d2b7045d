import { expect, test } from '@playwright/test';

test('a GPU backend that cannot start falls back along the order and says so', async ({ page }) => {
  // Chromium here runs with --disable-gpu, so WebGL has no context to give.
  await page.goto('/#/check');
  await page.getByLabel('Run on').selectOption('webgl');
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(page.getByTestId('stat-person')).toHaveText('found', { timeout: 60_000 });
  const backend = await page.getByTestId('stat-backend').textContent();
  if (backend === 'webgl') {
    // A machine with a working WebGL context: nothing to fall back from.
    await expect(page.getByTestId('backend-fallback')).toHaveCount(0);
    return;
  }
  expect(backend).toMatch(/^wasm/);
  await expect(page.getByTestId('backend-fallback')).toContainText('webgl could not start');
  await expect(page.getByTestId('backend-fallback')).toContainText('running on wasm instead');
});
