import type { Page } from '@playwright/test';
import type { PoseModelId } from '../../src/geometry/types';

export interface LiveSession {
  /** Frames the session has analysed so far (the stage's data-frames-analysed). */
  framesAnalysed(): Promise<number>;
}

/**
 * Opens the app, picks `model` (else the settings' model), starts a session on the camera (past
 * the warm-up question) and waits until the stage shows analysed frames.
 */
export async function startLiveSession(
  page: Page,
  baseUrl: string,
  model?: PoseModelId,
): Promise<LiveSession> {
  await page.goto(baseUrl);
  if (model !== undefined) {
    await page.getByLabel('Pose model').selectOption(model);
    await page.reload();
  }
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  const stage = page.getByTestId('session-stage');
  const framesAnalysed = async (): Promise<number> =>
    Number(await stage.getAttribute('data-frames-analysed'));
  await page.waitForFunction(
    () =>
      Number(
        document
          .querySelector('[data-testid="session-stage"]')
          ?.getAttribute('data-frames-analysed') ?? 0,
      ) > 0,
    undefined,
    { timeout: 60_000 },
  );
  return { framesAnalysed };
}
