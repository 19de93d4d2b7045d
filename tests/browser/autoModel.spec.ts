import { expect, test } from '@playwright/test';
import { AUTO_CHOICE_STORAGE_KEY } from '../../src/engine/autoModel';

test('the automatic model setting times the models here once, then uses its choice', async ({
  page,
}) => {
  test.setTimeout(4 * 60_000);
  await page.goto('/');
  await page.getByLabel('Pose model').selectOption('auto');
  const hint = page.getByTestId('auto-model');
  await expect(hint).toContainText('timed on this device when your first session starts');

  // The first session measures: the loading bar says so, then the session runs.
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByText('Finding the best pose model for this device')).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: /warmed up/ }).click({ timeout: 120_000 });
  await expect(page.getByTestId('setup-help')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('session-ended')).toBeVisible();

  // The choice is shown with the figures it came from, and kept after a reload.
  await page.goto('/');
  await page.reload();
  await expect(hint).toContainText(/Chosen on this device: .+\. Measured: .*\d+ frames a second/);
  const chosen = (await hint.textContent()) ?? '';
  await page.screenshot({ path: 'test-results/screens/home-auto-model.png', fullPage: true });

  // The next session does not measure again: the stored choice keeps its time of measuring.
  const stored = () =>
    page.evaluate((key) => localStorage.getItem(key) ?? '', AUTO_CHOICE_STORAGE_KEY);
  const before = await stored();
  expect(JSON.parse(before)).toHaveProperty('measuredAtEpochMs');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click({ timeout: 60_000 });
  await expect(page.getByTestId('setup-help')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  expect(await stored()).toBe(before);
  await page.goto('/');
  await expect(hint).toHaveText(chosen);

  // "Measure again" forgets it.
  await hint.getByRole('button', { name: 'Measure again' }).click();
  await expect(hint).toContainText('timed on this device when your first session starts');
});
