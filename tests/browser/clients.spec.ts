import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { screensDir } from './screens';

/**
 * Clients (a trainer's): a name typed on the home screen goes with the session to its report,
 * is offered again next time (and can be cleared), and History filters by it.
 */

const SHOTS = screensDir('clients');

/** A demo session for whoever the client field says, stopped at once, then its report. */
async function demoSessionToReport(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /Demo/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  await expect(page.getByTestId('setup-help')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await page.getByRole('link', { name: 'See your report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} (${v.nodes.length})`);
}

const clientField = (page: Page) => page.getByLabel('Name or initials of the person stretching');
const sessionRows = (page: Page) => page.getByTestId('session-list').locator('tbody tr');

test('a session for a client shows the client on its report, and History filters by client', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');

  // Too long a name is refused with a message, and nothing starts.
  await clientField(page).fill('x'.repeat(61));
  await page.getByRole('radio', { name: /Demo/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('alert')).toContainText('at most 60 characters');
  await expect(clientField(page)).toBeFocused();
  expect(await violations(page)).toEqual([]);
  await expect(page).not.toHaveURL(/#\/session/);

  await clientField(page).fill('  Ann   Lee ');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/home-1280.png`, fullPage: true });
  await demoSessionToReport(page);
  await expect(page.getByTestId('report-client')).toHaveText('Client: Ann Lee');
  await page.screenshot({ path: `${SHOTS}/report-1280.png`, fullPage: true });

  // The last client is offered again; clearing it forgets it (after a reload too).
  await page.goto('/#/');
  await expect(clientField(page)).toHaveValue('Ann Lee');
  await page.getByRole('button', { name: 'Clear client' }).click();
  await expect(clientField(page)).toHaveValue('');
  await expect(clientField(page)).toBeFocused();
  await page.reload();
  await expect(clientField(page)).toHaveValue('');
  await demoSessionToReport(page);
  await expect(page.getByTestId('report-client')).toHaveCount(0);

  await page.goto('/#/');
  await clientField(page).fill('B.K.');
  await demoSessionToReport(page);

  await page.goto('/#/history');
  await expect(sessionRows(page)).toHaveCount(3);
  const filter = page.getByLabel('Show sessions of');
  await expect(filter).toHaveValue('all');
  await expect(filter.locator('option')).toHaveText([
    'All clients',
    'Ann Lee',
    'B.K.',
    'No client given',
  ]);
  await filter.selectOption({ label: 'Ann Lee' });
  await expect(sessionRows(page)).toHaveCount(1);
  await expect(sessionRows(page).first()).toContainText('Ann Lee');
  // Export offers just the sessions shown: one client's file has no one else's sessions.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the 1 session shown (JSON)' }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    sessions: { meta: { client?: string } }[];
  };
  expect(exported.sessions.map((s) => s.meta.client)).toEqual(['Ann Lee']);
  await page.screenshot({ path: `${SHOTS}/history-1280.png`, fullPage: true });
  expect(await violations(page)).toEqual([]);
  await filter.selectOption({ label: 'No client given' });
  await expect(sessionRows(page)).toHaveCount(1);
  await expect(sessionRows(page).first()).not.toContainText('Ann Lee');
  await filter.selectOption({ label: 'All clients' });
  await expect(sessionRows(page)).toHaveCount(3);

  // The phone layout of the screens that changed.
  await page.setViewportSize({ width: 390, height: 844 });
  await filter.selectOption({ label: 'Ann Lee' });
  await expect(sessionRows(page)).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/history-390.png`, fullPage: true });
  await sessionRows(page).first().getByRole('link').click();
  await expect(page.getByTestId('report-client')).toHaveText('Client: Ann Lee');
  await page.screenshot({ path: `${SHOTS}/report-390.png`, fullPage: true });
  await page.goto('/#/');
  await expect(clientField(page)).toHaveValue('B.K.');
  await page.screenshot({ path: `${SHOTS}/home-390.png`, fullPage: true });
});
