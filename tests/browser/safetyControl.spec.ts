import { expect, test, type Page } from '@playwright/test';

/** Starts the Demo session and answers the warm-up question. */
async function startDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('radio', { name: /Demo/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  await expect(page.getByTestId('setup-help')).toBeVisible();
}

const SIZES = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

for (const size of SIZES) {
  test(`the safety button and Stop are on screen without scrolling at ${size.width}x${size.height}`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await startDemo(page);
    const symptom = page.getByRole('button', { name: /I feel pain or tingling/ });
    const stop = page.getByRole('button', { name: /^Stop/ });
    await expect(symptom).toBeInViewport({ ratio: 1 });
    await expect(stop).toBeInViewport({ ratio: 1 });
    await expect(symptom).toHaveAttribute('aria-keyshortcuts', 'P');
    // The session page does not scroll sideways either.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // Still there at the bottom of a scrolled page.
    await page.mouse.wheel(0, 2_000);
    await expect(symptom).toBeInViewport({ ratio: 1 });
  });
}

test('P mid-hold stops the session at once, advises, and the report leads with it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await startDemo(page);
  await expect(page.getByTestId('hold-ring')).toBeVisible({ timeout: 60_000 });
  await page.keyboard.press('p');

  // One press: no symptom question to answer, the session is over.
  const advice = page.getByTestId('symptom-stop-advice');
  await expect(advice).toBeVisible();
  await expect(advice).toContainText('physiotherapist or doctor');
  await expect(page.getByTestId('symptom-check')).toBeHidden();
  await expect(page.getByRole('button', { name: /nerve glide/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /I feel pain or tingling/ })).toHaveCount(0);
  await expect(page.getByTestId('caption-latest')).toContainText('Stopping now');

  await page.getByRole('link', { name: 'See your report' }).click();
  const summary = page.getByTestId('report-summary');
  await expect(summary).toBeVisible();
  await expect(summary.locator('li').first()).toContainText('You reported pain or tingling');
  await expect(summary).not.toContainText('Well done');
  await expect(summary).not.toContainText('No form problems');
  await expect(page.getByText('Stopped here: you reported pain or tingling.')).toBeVisible();
});

test('Escape still stops into the symptom check, and a click on the button works too', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await startDemo(page);
  await page.keyboard.press('Escape');
  // Stopped before any rep: the session simply ends, without the symptom advice.
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await expect(page.getByTestId('symptom-stop-advice')).toHaveCount(0);

  await startDemo(page);
  await page.getByRole('button', { name: /I feel pain or tingling/ }).click();
  await expect(page.getByTestId('symptom-stop-advice')).toBeVisible();
});
