import { expect, test } from '@playwright/test';
import type * as Tones from '../../../src/feedback/tones';
import { openHarness } from './harness';

test('the Web Audio tone player schedules every tone kind in a real AudioContext', async ({
  page,
}) => {
  await openHarness(page);
  const result = await page.evaluate(async (modulePath) => {
    const { WebAudioTonePlayer, TONE_NOTES } = (await import(modulePath)) as typeof Tones;
    const player = new WebAudioTonePlayer();
    await player.unlock();
    const kinds = Object.keys(TONE_NOTES) as (keyof typeof TONE_NOTES)[];
    for (const kind of kinds) player.play(kind);
    return { played: player.played, kinds: kinds.length };
  }, '/src/feedback/tones.ts');
  expect(result.played).toBe(result.kinds);
});
