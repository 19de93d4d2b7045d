import { expect, test } from '@playwright/test';

test.describe('camera permission denied', () => {
  test.use({ permissions: [] });

  test('says the camera was blocked and how to allow it, and offers to try again', async ({
    page,
  }) => {
    await page.goto('/#/check');
    await page.getByRole('button', { name: 'Start camera' }).click();
    const error = page.getByTestId('error');
    await expect(error).toHaveAttribute('data-kind', 'camera-permission-denied');
    await expect(error).toContainText('Camera access was blocked');
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/error-camera-denied.png' });
  });
});
