import { expect, test, type Page } from '@playwright/test';
import { exportSessionsJson } from '../../src/session/sessionExport';
import { generateSession } from '../helpers/sessionScenario';

/**
 * What a physiotherapist reads in a report: peaks from frames held in form (a rounded back that
 * reads as a deeper hinge does not make a false asymmetry), every figure defined beside it, and
 * charts on fixed axes with a key instead of empty live values.
 */

const SCREENS = 'test-results/screens';

/** Both legs 73°; in the first right hold the back rounds and the hinge reads 118° meanwhile. */
function faultySession(): string {
  const session = generateSession({
    id: 'rounded-right',
    routine: ['standing-hamstring'],
    holdMs: 20_000,
    peakDeg: { left: 73, right: 73 },
    startEpochMs: new Date(2025, 5, 20, 8, 0, 0).getTime(),
    faults: [{ hold: 2, fromMs: 8_000, toMs: 12_000, set: { roundingIndex: 1.3, depthDeg: 118 } }],
  });
  return exportSessionsJson([session.record], Date.UTC(2025, 5, 20));
}

async function openReport(page: Page): Promise<void> {
  await page.goto('/#/history');
  await page.getByTestId('import-input').setInputFiles({
    name: 'rounded-right.json',
    mimeType: 'application/json',
    buffer: Buffer.from(faultySession()),
  });
  await expect(page.getByTestId('import-status')).toContainText('Imported 1 session.');
  await page.getByTestId('session-list').locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
}

test('a rounded back in one rep does not make one side look tighter', async ({ page }) => {
  await openReport(page);
  const summary = page.getByTestId('report-summary');
  await expect(summary).toContainText('the two sides are about even');
  await expect(summary).not.toContainText('tighter');
  const right = page.getByTestId('rep-table').nth(1);
  await expect(right.locator('caption')).toHaveText('Right leg, rep by rep');
  const firstRep = right.locator('tbody tr').first();
  await expect(firstRep).toContainText('rounded back at');
  // Peak and mean columns: 74° and 73°, not the 118° of the rounded moment.
  await expect(firstRep.locator('td').nth(2)).toHaveText('74°');
  await expect(firstRep.locator('td').nth(3)).toHaveText('73°');
});

test('each figure is defined where it is shown, and charts use fixed axes and a plain key', async ({
  page,
}) => {
  await openReport(page);
  const key = page.getByTestId('measure-key');
  await expect(key.locator('dt').first()).toHaveText('Hip hinge');
  await expect(key).toContainText('the angle between the trunk (hip to shoulder)');
  await expect(key).toContainText('0° upright');
  await expect(key).toContainText('90th percentile');
  await expect(key).toContainText('under 7°');
  await expect(key).toContainText('the angle at the knee between thigh and shin');
  await expect(key).toContainText('0 is a flat back and 1 is where the coach calls it rounded');

  const charts = page.getByTestId('measure-chart');
  await expect(charts).toHaveCount(3);
  await expect(charts.nth(0).getByRole('img')).toHaveAttribute('aria-label', /Scale 0° to 180°/);
  await expect(charts.nth(1).getByRole('img')).toHaveAttribute('aria-label', /Scale 90° to 210°/);
  await expect(charts.nth(2).getByRole('img')).toHaveAttribute('aria-label', /Scale 0 to 2\./);
  // The key names the lines; it shows no "Time: —" placeholders, on screen or in print.
  const legend = charts.nth(0).locator('.u-legend');
  await expect(legend).toContainText('Hip hinge, left leg');
  await expect(legend).not.toContainText('—');
  await expect(legend).not.toContainText('Time');

  for (const [name, width, height] of [
    ['laptop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(charts.first().locator('canvas')).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/report-measures-${name}.png`, fullPage: true });
  }
  await page.emulateMedia({ media: 'print' });
  await expect(legend).not.toContainText('—');
  await page.screenshot({ path: `${SCREENS}/report-measures-print.png`, fullPage: true });
});
