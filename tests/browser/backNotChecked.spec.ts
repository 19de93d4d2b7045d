import { expect, test, type Page } from '@playwright/test';
import { exportSessionsJson } from '../../src/session/sessionExport';
import { generateSession } from '../helpers/sessionScenario';
import { studioWebcamLaunch } from './studioWebcam';
import { screensDir } from './screens';
import { startStandingSession } from './standingSession';

/**
 * The back is judged only from its outline, which MoveNet (the default model) cannot see: the
 * live panel and the report say the back was not checked, and why, instead of guessing.
 * The webcam plays the studio's rendered standing hold (tests/fixtures/studio/README.md).
 */
test.use(studioWebcamLaunch);

const SHOTS = screensDir('back');
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

async function shoot(page: Page, screen: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.screenshot({
      path: `${SHOTS}/${screen}-${size.width}x${size.height}.png`,
      fullPage: true,
    });
  }
}

test('live, on MoveNet: the panel says the back is not checked, and why', async ({ page }) => {
  await startStandingSession(page);
  const back = page.getByTestId('readout-back');
  await expect(back).toContainText('not checked', { timeout: 60_000 });
  await expect(back).toContainText("This model can't see the outline of your back");
  await expect(back).toContainText('BlazePose full can');
  await shoot(page, 'live-back-not-checked');
});

/** A standing-stretch session recorded on MoveNet: no frame had a rounding to keep. */
function moveNetSession(): string {
  const session = generateSession({
    id: 'movenet-back',
    routine: ['standing-hamstring'],
    holdMs: 20_000,
    peakDeg: { left: 73, right: 73 },
    startEpochMs: new Date(2025, 5, 20, 8, 0, 0).getTime(),
  });
  const samples = session.record.samples;
  const record = {
    ...session.record,
    samples: {
      ...samples,
      roundingIndex: samples.roundingIndex.map(() => null),
      roundingMethod: samples.roundingMethod.map(() => null),
    },
  };
  return exportSessionsJson([record], Date.UTC(2025, 5, 20));
}

test('the report says the back was not checked in those holds, and why', async ({ page }) => {
  await page.goto('/#/history');
  await page.getByTestId('import-input').setInputFiles({
    name: 'movenet-back.json',
    mimeType: 'application/json',
    buffer: Buffer.from(moveNetSession()),
  });
  await expect(page.getByTestId('import-status')).toContainText('Imported 1 session.');
  await page.getByTestId('session-list').locator('tbody tr').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Session report' })).toBeVisible();
  const summary = page.getByTestId('report-summary');
  await expect(summary).toContainText(
    "Your back was not checked in your holds: the pose model used can't see the outline of " +
      'your back (BlazePose full can).',
  );
  const firstRep = page.getByTestId('rep-table').first().locator('tbody tr').first();
  await expect(firstRep).toContainText("not checked (this model can't see the back's outline)");
  await shoot(page, 'report-back-not-checked');
});
