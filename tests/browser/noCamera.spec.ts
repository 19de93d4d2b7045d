import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

// No fake capture device: headless Chromium then has no camera at all.
test.use({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } });

test('with no camera, says none was found and suggests the alternatives', async ({ page }) => {
  await page.goto('/#/check');
  await page.getByRole('button', { name: 'Start camera' }).click();
  const error = page.getByTestId('error');
  await expect(error).toHaveAttribute('data-kind', 'camera-no-camera');
  await expect(error).toContainText('No camera was found');
  await page.screenshot({ path: 'test-results/screens/error-no-camera.png' });
});
