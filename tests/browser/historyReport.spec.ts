import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { UNLOAD_STASH_KEY } from '../../src/session/unloadStash';
import { generateSession } from '../helpers/sessionScenario';

/**
 * The history and report screens on the production build: seed sessions by importing the
 * generated fixture (tests/fixtures/sessions/history.json, nine sessions in June 2025), then read
 * the history and a report, refuse a hostile file, and delete with confirmation by keyboard.
 */

const FIXTURE = 'tests/fixtures/sessions/history.json';
const SCREENS = 'test-results/screens';

/** The fixture's weeks are 2-22 June 2025; look at them from 20 June. */
async function openHistoryOn20June(page: Page): Promise<void> {
  await page.clock.setFixedTime(new Date(2025, 5, 20, 12, 0, 0));
  await page.goto('/#/history');
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
}

async function importFixture(page: Page): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(FIXTURE);
  await expect(page.getByTestId('import-status')).toContainText('Imported 9 sessions.');
}

const sessionRows = (page: Page) => page.getByTestId('session-list').locator('tbody tr');

test('imports sessions, shows progress per leg and opens a report with summary, tables and charts', async ({
  page,
}) => {
  await openHistoryOn20June(page);
  await expect(page.getByText('No sessions yet.')).toBeVisible();
  await importFixture(page);

  await expect(sessionRows(page)).toHaveCount(9);
  const summary = page.getByTestId('history-summary');
  await expect(summary).toContainText('This week you have stretched 4 times');
  await expect(summary).toContainText(
    'Standing hamstring stretch: deepest hip hinge since your first session, up',
  );
  await expect(page.getByTestId('week-chart').locator('li')).toHaveCount(3);
  await expect(page.getByTestId('progress-chart').first().locator('canvas')).toBeVisible();
  await expect(page.getByTestId('asymmetry-table').first()).toContainText('right');
  await expect(page.getByTestId('symptom-list')).toContainText(
    'tingling after the standing hamstring stretch',
  );
  await page.screenshot({ path: `${SCREENS}/history.png`, fullPage: true });

  // The newest session (19 June) is the detailed one.
  await sessionRows(page).first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
  const reportSummary = page.getByTestId('report-summary');
  await expect(reportSummary.locator('li').first()).toHaveText(
    /^You stretched for \d+ min( \d+ s)?: the standing hamstring stretch on the left and right legs and the lying strap stretch on the left and right legs\.$/,
  );
  await expect(reportSummary).toContainText('the right side is 9° tighter');
  await expect(reportSummary).toContainText('The main form issue was');

  // Summary first, then the stretches.
  const headings = await page.locator('h2').allTextContents();
  expect(headings[0]).toBe('Summary');
  await expect(page.getByTestId('stretch-section')).toHaveCount(2);
  await expect(page.getByTestId('rep-table')).toHaveCount(4);
  const firstTable = page.getByTestId('rep-table').first();
  await expect(firstTable.locator('caption')).toHaveText('Left leg, rep by rep');
  await expect(firstTable.locator('tbody tr')).toHaveCount(2);
  await expect(firstTable.locator('tbody tr').first()).toContainText('rounded back at');
  await expect(firstTable.locator('tbody tr').first()).toContainText('20 s / 20 s');

  const charts = page.getByTestId('measure-chart');
  await expect(charts).toHaveCount(6);
  await expect(charts.first().locator('canvas')).toBeVisible();
  await expect(charts.first().getByRole('img')).toHaveAttribute(
    'aria-label',
    /Hip hinge angle from/,
  );
  const box = await charts.first().locator('canvas').boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(250);
  await page.screenshot({ path: `${SCREENS}/report.png`, fullPage: true });

  // The printable report: controls and navigation hidden, light colours.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(255, 255, 255)');
  await page.screenshot({ path: `${SCREENS}/report-print.png`, fullPage: true });
  await page.pdf({ path: `${SCREENS}/report.pdf`, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
});

test('refuses a hostile import with a clear message and keeps stored sessions', async ({
  page,
}) => {
  await openHistoryOn20June(page);
  await importFixture(page);
  const valid = readFileSync(FIXTURE, 'utf8');

  const hostile = valid.replace('"meta":{', '"meta":{"__proto__":{"isAdmin":true},');
  await page.getByTestId('import-input').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(hostile),
  });
  const status = page.getByTestId('import-status');
  await expect(status).toContainText('it contains the key "__proto__"');
  await expect(status).toContainText(
    'Nothing was imported, and your stored sessions are unchanged.',
  );
  // Nothing reached Object.prototype in the page.
  expect(await page.evaluate(() => 'isAdmin' in {})).toBe(false);

  await page.getByTestId('import-input').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      valid.replace('"startedAtEpochMs":', '"startedAtEpochMs":"yesterday","x":'),
    ),
  });
  await expect(status).toContainText('not what a StretchCheck export holds');
  await expect(status.locator('li').first()).toContainText('startedAtEpochMs');

  // Importing the same file again adds nothing and overwrites nothing.
  await page.getByTestId('import-input').setInputFiles(FIXTURE);
  await expect(status).toContainText(
    'No new sessions were imported. 9 were already in your history',
  );
  await expect(sessionRows(page)).toHaveCount(9);
});

test('deletes a session only after confirmation, by keyboard, and the delete survives a reload', async ({
  page,
}) => {
  await openHistoryOn20June(page);
  await importFixture(page);
  const rows = sessionRows(page);
  const dialog = page.getByTestId('delete-dialog');
  const lastRow = rows.last();
  const lastId = await lastRow.getAttribute('data-session-id');
  const deleteButton = lastRow.getByRole('button', { name: /^Delete the session of/ });

  // Escape cancels.
  await deleteButton.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: `${SCREENS}/history-delete-confirm.png` });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(9);
  await expect(deleteButton).toBeFocused();

  // Tab to "Delete session" and confirm.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Delete session' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(8);
  await expect(page.locator(`[data-session-id="${lastId}"]`)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Sessions', exact: true })).toBeFocused();

  await page.reload();
  await expect(rows).toHaveCount(8);
});

test('offers a session cut off mid-recording, and finishes it with what was saved', async ({
  page,
}) => {
  // A page that unloaded mid-session left its last chunks in the unload stash (localStorage);
  // the store has nothing of it yet. This is what the next start finds.
  const cut = generateSession({
    id: 'cut-off',
    routine: ['standing-hamstring'],
    holdMs: 20_000,
    startEpochMs: new Date(2025, 5, 20, 8, 0, 0).getTime(),
    cutAtMs: 25_000,
  });
  const stash = JSON.stringify({ 'cut-off': { meta: cut.record.meta, chunks: cut.chunks } });
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [UNLOAD_STASH_KEY, stash] as const,
  );
  await openHistoryOn20June(page);
  const notice = page.getByTestId('interrupted-notice');
  await expect(notice).toContainText('A session was cut off');
  await expect(notice).toContainText('25 s saved');
  await page.screenshot({ path: `${SCREENS}/history-interrupted.png` });

  await notice.getByRole('button', { name: 'Finish it as it is' }).click();
  await expect(notice).toBeHidden();
  await expect(sessionRows(page)).toHaveCount(1);
  await expect(sessionRows(page).first()).toContainText('cut off');
  await sessionRows(page).first().getByRole('link').click();
  await expect(page.getByTestId('report-summary')).toContainText('The recording was cut off');
  await expect(page.getByTestId('rep-table').first().locator('tbody tr').first()).toContainText(
    'cut off',
  );
});

test('the history and report screens pass an axe WCAG A/AA scan', async ({ page }) => {
  await openHistoryOn20June(page);
  await importFixture(page);
  const scan = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const history = await scan();
  expect(history.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await sessionRows(page).first().getByRole('link').click();
  await expect(page.getByTestId('measure-chart').first().locator('canvas')).toBeVisible();
  const report = await scan();
  expect(report.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
