import { expect, test } from '@playwright/test';

test('a crashed pose worker is restarted, the session carries on, and the report marks the gap', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  const stage = page.getByTestId('session-stage');
  const frames = async (): Promise<number> =>
    Number(await stage.getAttribute('data-frames-analysed'));
  await expect.poll(frames, { timeout: 60_000 }).toBeGreaterThan(10);

  // Inject the fault: an uncaught error inside the pose worker.
  const worker = page.workers().find((w) => w.url().includes('poseWorker'));
  expect(worker).toBeDefined();
  await worker?.evaluate(() => {
    setTimeout(() => {
      throw new Error('injected crash');
    }, 0);
  });
  await expect(page.getByTestId('model-restarting')).toBeVisible();
  await expect(page.getByTestId('model-restarting')).toHaveCount(0, { timeout: 60_000 });
  // A fresh worker analyses frames again. The count on the stage may still be the old loop's
  // until the new one reports, so it must rise from here, not merely be above some number.
  const afterRestart = await frames();
  await expect.poll(frames, { timeout: 30_000 }).toBeGreaterThan(afterRestart + 5);
  await expect(page.getByTestId('error')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: 'See your report' }).click();
  const gaps = page.getByTestId('report-incidents');
  await expect(gaps).toContainText('the pose model stopped and was restarted');
  await expect(page.getByTestId('report-summary')).toContainText('Your form was not watched for');
  await page.screenshot({ path: 'test-results/screens/report-with-gap.png', fullPage: true });
});
