import { expect, test, type Page } from '@playwright/test';
import { emptyRoomY4m } from '../helpers/emptyRoom';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeWebcamArgs } from './chromium';
import { startStandingSession } from './standingSession';

/** An empty living room as the webcam (tests/helpers/emptyRoom.ts). */
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeWebcamArgs(emptyRoomY4m())],
  },
});

/** Painted pixels on the skeleton overlay (0: nothing drawn over the picture). */
function paintedPixels(page: Page): Promise<number> {
  return page.getByTestId('skeleton-overlay').evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (ctx === null || canvas.width === 0 || canvas.height === 0) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
    return painted;
  });
}

test('an empty room: one line, "I can\'t see anyone", and no skeleton drawn', async ({ page }) => {
  test.setTimeout(120_000);
  await startStandingSession(page);
  const help = page.getByTestId('setup-help');
  await expect(help.locator('li')).toHaveText([/I can't see anyone/], { timeout: 60_000 });
  await expect(page.getByTestId('caption-latest')).toContainText("I can't see anyone", {
    timeout: 30_000,
  });
  // Frames keep coming; none of them draws a ghost over the furniture.
  for (let i = 0; i < 5; i++) {
    expect(await paintedPixels(page)).toBe(0);
    await page.waitForTimeout(300);
  }
  await expect(help.locator('li')).toHaveCount(1);
});
