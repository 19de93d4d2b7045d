import { expect, test } from '@playwright/test';

test('the picture lost mid-hold: the hold is kept, the user told, and it carries on after reconnecting', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByLabel('Hold each stretch for').selectOption('20');
  await page.getByRole('radio', { name: /Demo/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  const ring = page.getByTestId('hold-ring');
  await expect(ring).toBeVisible({ timeout: 30_000 });
  const secondsLeft = async (): Promise<number> =>
    Number(await ring.locator('.hold-ring-seconds').textContent());
  await expect.poll(secondsLeft, { timeout: 30_000 }).toBeLessThan(16);

  // The camera (here the demo's picture) goes away mid-hold.
  await page.evaluate(() => {
    const stream = document.querySelector('video')?.srcObject as MediaStream | null;
    stream?.getVideoTracks()[0]?.dispatchEvent(new Event('ended'));
  });
  const problem = page.getByTestId('source-problem');
  await expect(problem).toContainText('Your session so far is kept');
  await expect(page.getByTestId('paused')).toBeVisible();
  const kept = await secondsLeft();
  await page.waitForTimeout(2000);
  expect(await secondsLeft()).toBe(kept);

  await problem.getByRole('button', { name: 'Reconnect the camera' }).click();
  await expect(problem).toHaveCount(0);
  await page.keyboard.press('Space');
  // The hold goes on from where it was, not from the start, and completes.
  await expect.poll(secondsLeft, { timeout: 15_000 }).toBeLessThan(kept);
  await expect(page.getByTestId('rest-remaining')).toBeVisible({ timeout: 30_000 });

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'None of these' }).click();
  await page.getByRole('link', { name: 'See your report' }).click();
  await expect(page.getByTestId('report-incidents')).toContainText('the camera was lost');
});
