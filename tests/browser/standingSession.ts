import type { Page } from '@playwright/test';

/**
 * From the home page, starts a camera session of the standing stretch alone and answers the
 * warm-up question: what a person does before the coach looks at the webcam.
 */
export async function startStandingSession(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('checkbox', { name: /Standing hamstring/ }).check();
  for (const other of [/Seated long-sit/, /Lying strap/, /Seated nerve glide/]) {
    await page.getByRole('checkbox', { name: other }).uncheck();
  }
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
}
