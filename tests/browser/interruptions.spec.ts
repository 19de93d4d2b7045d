import { expect, test, type Page } from '@playwright/test';

async function startCameraSession(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  await expect(page.getByTestId('setup-help')).toBeVisible({ timeout: 60_000 });
}

test('hiding the tab pauses the session until the user resumes', async ({ page }) => {
  await startCameraSession(page);
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(page.getByTestId('paused')).toContainText('away from this tab');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  // Coming back does not resume by itself: the user may not be in position yet.
  await expect(page.getByTestId('paused')).toBeVisible();
  await page.getByRole('button', { name: /Resume/ }).click();
  await expect(page.getByTestId('paused')).toHaveCount(0);
});

test('a camera unplugged mid-session keeps the session, says so, and can be reconnected', async ({
  page,
}) => {
  await startCameraSession(page);
  // What Chrome does when a camera is unplugged: the track ends on its own.
  await page.evaluate(() => {
    const video = document.querySelector('video');
    const stream = video?.srcObject as MediaStream | null;
    stream?.getVideoTracks()[0]?.dispatchEvent(new Event('ended'));
  });
  const problem = page.getByTestId('source-problem');
  await expect(problem).toContainText('Your session so far is kept');
  await expect(page.getByTestId('paused')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/session-camera-lost.png' });
  await problem.getByRole('button', { name: 'Reconnect the camera' }).click();
  await expect(problem).toHaveCount(0);
  await page.getByRole('button', { name: /Resume/ }).click();
  await expect(page.getByTestId('setup-help')).toBeVisible();
});

test('a damaged model file is refused with its name in the message, and another model offered', async ({
  page,
  context,
}) => {
  await context.route('**/models/movenet-lightning.bin', (route) =>
    route.fulfill({ body: Buffer.alloc(4096, 7), contentType: 'application/octet-stream' }),
  );
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  const error = page.getByTestId('error');
  await expect(error).toHaveAttribute('data-kind', 'model-load');
  await expect(error).toContainText('movenet-lightning.bin');
  await page.screenshot({ path: 'test-results/screens/session-error-model.png' });
  // Another model, one that does not need the damaged file, is offered and works.
  await error.getByRole('button', { name: /Use MoveNet Thunder/ }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  await expect(page.getByTestId('setup-help')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('error')).toHaveCount(0);
});
