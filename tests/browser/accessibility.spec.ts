import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** WCAG 2 A and AA rules; any violation fails, serious or not. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} (${v.nodes.length})`);
}

test('home, camera check and the live session pass an axe WCAG A/AA scan', async ({ page }) => {
  await page.goto('/');
  expect(await violations(page)).toEqual([]);

  await page.goto('/#/check');
  await page.getByRole('button', { name: 'Start camera' }).click();
  await expect(page.getByTestId('stat-person')).toHaveText('found', { timeout: 60_000 });
  expect(await violations(page)).toEqual([]);

  await page.goto('/#/');
  await page.getByRole('radio', { name: /Demo/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByTestId('warm-up')).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole('button', { name: /warmed up/ }).click();
  await expect(page.getByTestId('hold-ring')).toBeVisible({ timeout: 30_000 });
  expect(await violations(page)).toEqual([]);
});
