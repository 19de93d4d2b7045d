import { expect, test, type Page, type Worker } from '@playwright/test';

/** Starts the default session on the fake webcam; resolves once frames are being analysed. */
async function startSession(page: Page): Promise<() => Promise<number>> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  const stage = page.getByTestId('session-stage');
  const frames = async (): Promise<number> =>
    Number(await stage.getAttribute('data-frames-analysed'));
  await expect.poll(frames, { timeout: 60_000 }).toBeGreaterThan(10);
  return frames;
}

test('a crashed pose worker is restarted, the session carries on, and the report marks the gap', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const frames = await startSession(page);

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

test('a pose worker that keeps crashing ends the session with a clear error, and its recording is kept', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The pose workers alive now, newest last: after a restart the crashed one may still be listed
  // by page.workers() for a moment, and evaluating in a terminated worker never returns.
  const alive: Worker[] = [];
  page.on('worker', (worker) => {
    if (!worker.url().includes('poseWorker')) return;
    alive.push(worker);
    worker.on('close', () => alive.splice(alive.indexOf(worker), 1));
  });
  await startSession(page);

  let crashed: Worker | null = null;
  const crashWorker = async (): Promise<void> => {
    // A new worker (not the one crashed last time) is running before the next crash.
    await expect.poll(() => alive.filter((w) => w !== crashed).length).toBeGreaterThan(0);
    const worker = alive.filter((w) => w !== crashed).at(-1);
    if (worker === undefined) throw new Error('no pose worker');
    crashed = worker;
    // A worker terminated under us never answers: fail clearly rather than at the test's timeout.
    await Promise.race([
      worker.evaluate(() => {
        setTimeout(() => {
          throw new Error('injected crash');
        }, 0);
      }),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the pose worker did not answer')), 15_000),
      ),
    ]);
  };
  // Three crashes within a minute are restarted from…
  for (let crash = 1; crash <= 3; crash++) {
    await crashWorker();
    await expect(page.getByTestId('model-restarting')).toBeVisible();
    await expect(page.getByTestId('model-restarting')).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId('error')).toHaveCount(0);
  }
  // …a fourth is not: the model is not coming back, so the session stops and says so.
  await crashWorker();
  const error = page.getByTestId('error');
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toHaveAttribute('data-kind', 'model-crashing');
  await expect(error).toContainText('The pose model keeps stopping');
  await expect(error).toContainText('What you did up to then is saved');
  await page.screenshot({
    path: 'test-results/screens/worker-crashed-for-good.png',
    fullPage: true,
  });

  // What was recorded is kept, finished: its report opens from the error, with the restarts.
  await error.getByTestId('error-report-link').click();
  await expect(page.getByTestId('report-incidents')).toContainText(
    'the pose model stopped and was restarted',
  );
  await page.goto('/#/history');
  await expect(page.getByTestId('history-summary')).toBeVisible();
  await expect(page.getByTestId('interrupted-notice')).toHaveCount(0);
});
