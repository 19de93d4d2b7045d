import type { Page } from '@playwright/test';

/**
 * Opens the blank harness page on the dev server. A test then imports source modules in the
 * page, typed from a type-only namespace import:
 *
 *   import type * as Tones from '../../../src/feedback/tones';
 *   await page.evaluate(async (path) => { const m = (await import(path)) as typeof Tones; … },
 *     '/src/feedback/tones.ts');
 */
export async function openHarness(page: Page): Promise<void> {
  await page.goto('/tests/browser/harness/index.html');
}
