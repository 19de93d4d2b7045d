import { expect, test } from '@playwright/test';
import { startStandingSession } from './standingSession';

test.describe('a session on the (fake) webcam', () => {
  test('guides a person who faces the camera to turn side-on, with an outline', async ({
    page,
  }) => {
    // The fake webcam plays pose_1.mp4: a real person facing the camera, whole body in view.
    await startStandingSession(page);
    const help = page.getByTestId('setup-help');
    await expect(help).toContainText('Turn side-on to the camera.', { timeout: 60_000 });
    await expect(page.getByTestId('framing-outline')).toBeVisible();
    await expect(page.getByTestId('phase')).toHaveText('Getting into position');
    await page.screenshot({ path: 'test-results/screens/session-setup-camera.png' });
  });
});

test.describe('session camera errors', () => {
  test.use({ permissions: [] });

  test('a blocked camera ends in a clear message with a way back', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Start' }).click();
    const error = page.getByTestId('error');
    await expect(error).toHaveAttribute('data-kind', 'camera-permission-denied');
    await expect(error).toContainText('Allow the camera');
    await expect(error.getByRole('link', { name: 'Back to the start' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/session-error-denied.png' });
  });
});
