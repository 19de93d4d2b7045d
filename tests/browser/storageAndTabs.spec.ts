import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

async function startDemo(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Hold each stretch for').selectOption('20');
  await page.getByRole('radio', { name: /Demo/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
}

async function stopAndOpenReport(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  const symptomCheck = page.getByTestId('symptom-check');
  if (await symptomCheck.isVisible())
    await page.getByRole('button', { name: 'None of these' }).click();
  await expect(page.getByTestId('session-ended')).toBeVisible();
}

test('storage full mid-session: the user is told, the session can be exported, saved data is kept', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // One finished session already saved.
  await startDemo(page);
  await expect(page.getByTestId('setup-help')).toBeVisible();
  await stopAndOpenReport(page);

  await startDemo(page);
  await expect(page.getByTestId('hold-ring')).toBeVisible({ timeout: 30_000 });
  // The disk fills up: every IndexedDB write from now on fails as a full quota does.
  await page.evaluate(() => {
    const full = (): never => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
  const problem = page.getByTestId('storage-problem');
  await expect(problem).toContainText('Storage is full; your session is kept in memory', {
    timeout: 10_000,
  });
  await page.screenshot({ path: 'test-results/screens/session-storage-full.png' });
  const download = page.waitForEvent('download');
  await problem.getByRole('button', { name: 'Export this session now' }).click();
  const file = JSON.parse(readFileSync((await (await download).path()) ?? '', 'utf8')) as {
    sessions: { samples: { tMs: number[] }; events: { type: string }[] }[];
  };
  const exported = file.sessions[0];
  expect(exported?.samples.tMs.length).toBeGreaterThan(20);
  expect(exported?.events.some((e) => e.type === 'rep-started')).toBe(true);

  // The earlier session is untouched.
  await page.reload();
  await page.goto('/#/history');
  await expect(page.getByTestId('session-list').getByRole('link')).toHaveCount(1);
});

test('two tabs: each records its own session; neither mistakes the other for a cut-off one', async ({
  context,
}) => {
  test.setTimeout(180_000);
  const first = await context.newPage();
  const second = await context.newPage();
  await startDemo(first);
  await expect(first.getByTestId('setup-help')).toBeVisible();

  // The second tab opens while the first is recording: nothing is "cut off".
  await second.goto('/');
  await expect(second.getByRole('heading', { level: 1 })).toBeVisible();
  await second.waitForTimeout(1500);
  await expect(second.getByTestId('interrupted-notice')).toHaveCount(0);
  await startDemo(second);
  await expect(second.getByTestId('setup-help')).toBeVisible();

  await first.bringToFront();
  await stopAndOpenReport(first);
  await second.bringToFront();
  await stopAndOpenReport(second);

  await first.goto('/#/history');
  await expect(first.getByTestId('session-list').getByRole('link')).toHaveCount(2);
  await expect(first.getByTestId('interrupted-notice')).toHaveCount(0);
});
