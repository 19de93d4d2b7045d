import { expect, test } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

test('after one visit the app works offline: the default model runs and a demo session completes', async ({
  page,
  context,
}) => {
  test.setTimeout(6 * 60_000);
  await page.goto('/');
  // The service worker installs on the first visit, precaching the app and the default model.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // Served from the cache with the same headers: still cross-origin isolated (wasm threads).
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  await page.goto('/#/check');
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(page.getByTestId('stat-person')).toHaveText('found', { timeout: 60_000 });

  await page.goto('/#/');
  await page.getByLabel('Hold each stretch for').selectOption('20');
  await page.getByRole('radio', { name: /Demo/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  const symptomCheck = page.getByTestId('symptom-check');
  await expect(symptomCheck).toBeVisible({ timeout: 5 * 60_000 });
  await page.getByRole('button', { name: 'None of these' }).click();
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await page.getByRole('link', { name: 'See your report' }).click();
  await expect(page.getByRole('heading', { name: 'Session report' })).toBeVisible();
});
