import { expect, test } from '@playwright/test';

// Headless Chromium has no speech voices: the real Web Speech speaker must detect that and the
// app must carry on with captions and tones, telling the user once.
test('without a voice, lines become captions with tones and the user is told once', async ({
  page,
}) => {
  // The home screen's settings have the voice test.
  await page.goto('/');
  expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
  await expect(page.getByTestId('no-voice-info')).toBeVisible({ timeout: 10_000 });

  await page.getByRole('button', { name: 'Test voice' }).click();
  await expect(page.getByTestId('caption-latest')).toHaveText('This is how your coach sounds.');
  await expect(page.getByTestId('caption-latest')).toHaveAttribute('role', 'status');
  await expect(page.getByTestId('captions')).toHaveAttribute('data-tones-played', '1');
  const notice = page.getByTestId('no-voice-notice');
  await expect(notice).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/no-voice-notice.png' });
  await notice.getByRole('button', { name: 'Got it' }).click();
  await expect(notice).toHaveCount(0);

  // A second line: captioned again, and the notice does not come back.
  await page.getByRole('button', { name: 'Test voice' }).click();
  await expect(page.getByTestId('captions').getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('captions')).toHaveAttribute('data-tones-played', '2');
  await expect(notice).toHaveCount(0);
});
