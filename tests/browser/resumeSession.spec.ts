import { expect, test } from '@playwright/test';

test('a session cut off by a reload is offered on the home screen and can be resumed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByRole('radio', { name: /Demo/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  await expect(page.getByTestId('hold-ring')).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(3000);

  await page.goto('/');
  await page.reload();
  const notice = page.getByTestId('interrupted-notice');
  await expect(notice).toContainText('A session was cut off');
  await page.screenshot({ path: 'test-results/screens/home-interrupted.png' });
  await page.getByRole('radio', { name: /Demo/ }).check();
  await notice.getByRole('button', { name: 'Resume it' }).click();

  await page.getByRole('button', { name: /warmed up/ }).click();
  await expect(page.getByTestId('setup-help')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await page.getByRole('link', { name: 'See your report' }).click();
  // One report for the whole session: the hold before the reload and the part after it.
  await expect(page.getByRole('heading', { name: 'Session report' })).toBeVisible();
  await expect(page.getByText(/held .* in good form/i).first()).toBeVisible();

  await page.goto('/');
  await expect(page.getByTestId('interrupted-notice')).toHaveCount(0);
});
