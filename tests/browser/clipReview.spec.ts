import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { plannedSampleCount, DEFAULT_SAMPLING } from '../../src/review/samplingPlan';
import { tfjsFixture } from '../helpers/fixtures';
import { ffmpeg, probeVideo, writeWithBrokenFrame } from '../helpers/video';

/**
 * Clips and trainer review on the production build, with real clips from the Apache fixtures:
 * a video analysed with visible progress into a clip of the expected length with a report, the
 * review tools, a bundle out and back in, refusals of a truncated video and of damaged bundles,
 * two clips side by side, and a clip recorded during a live (demo) session.
 */

const SCREENS = 'test-results/screens';
/** A portrait phone clip, 720 x 1280 at 5 frames a second, 13 s. */
const SQUATS = tfjsFixture('pose_squats.mp4');
/** A square clip, 30 frames a second, 4 s. */
const SHORT = tfjsFixture('pose_1.mp4');

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} (${v.nodes.length})`);
}

/**
 * Every value the progress bar showed, collected in the page as it changes, and whether the
 * preview showed a decoded picture (not all black) with the skeleton over it.
 */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    const watch = window as unknown as { progressSeen: string[]; previewSeen: boolean };
    watch.progressSeen = seen;
    watch.previewSeen = false;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const label = document.querySelector('.progress-label')?.textContent ?? '';
      if (bar !== null) seen.push(`${bar.getAttribute('aria-valuenow') ?? ''}|${label}`);
      const preview = document.querySelector<HTMLCanvasElement>('.analysis-preview canvas.camera');
      const overlay = document.querySelector<HTMLElement>('.analysis-preview .overlay');
      if (preview === null || preview.hidden || preview.width === 0 || overlay === null) return;
      const pixels = preview.getContext('2d')?.getImageData(0, 0, preview.width, preview.height);
      const lit = pixels?.data.some((value, i) => i % 4 !== 3 && value > 40) ?? false;
      if (lit && Number(overlay.dataset['keypointsDrawn'] ?? 0) > 5) watch.previewSeen = true;
    }).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

async function analyse(
  page: Page,
  file: string,
  options: { readonly stretch?: string } = {},
): Promise<void> {
  await page.goto('/#/analyse');
  await expect(page.getByRole('heading', { level: 1, name: 'Analyse a video' })).toBeVisible();
  await page.getByTestId('video-input').setInputFiles(file);
  if (options.stretch !== undefined)
    await page.getByTestId('stretch-choice').selectOption({ label: options.stretch });
  await watchProgress(page);
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await expect(page.getByTestId('analysis-done')).toBeVisible({ timeout: 180_000 });
}

test('a video is analysed with progress, reviewed, bundled, refused when damaged, and compared', async ({
  page,
}) => {
  test.setTimeout(10 * 60_000);

  await test.step('analyse a portrait phone clip with visible progress', async () => {
    await analyse(page, SQUATS);
    const seen = await page.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    const percents = new Set(seen.map((s) => Number(s.split('|')[0])));
    // The bar moved through the analysis, and said how long was left.
    expect([...percents].filter((p) => p > 0 && p < 100).length).toBeGreaterThanOrEqual(2);
    expect(seen.some((s) => / left/.test(s))).toBe(true);
    // Read by the decoder, whose frames the preview showed with the skeleton on them.
    await expect(page.getByTestId('analysis-done')).toHaveAttribute('data-method', 'decoder');
    expect(
      await page.evaluate(() => (window as unknown as { previewSeen: boolean }).previewSeen),
    ).toBe(true);

    // One frame per sampling slot, or per frame when the clip has fewer (5 fps < 10/s).
    const info = probeVideo(SQUATS);
    const expected = plannedSampleCount(info.durationMs, DEFAULT_SAMPLING, info.framesPerSecond);
    const done = page.getByTestId('analysis-done');
    expect(Number(await done.getAttribute('data-frames'))).toBe(expected);
    await expect(done).toContainText(`${expected} frames analysed`);
    await expect(done.locator('li').first()).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/analyse-done.png`, fullPage: true });
  });

  await test.step('review: overlay, frame steps, a note, timeline and report', async () => {
    await page.getByTestId('open-review').click();
    await expect(page).toHaveURL(/#\/clips\//);
    const player = page.getByTestId('clip-player');
    await expect(player).toBeVisible();
    await expect
      .poll(async () =>
        Number(await page.getByTestId('clip-overlay').getAttribute('data-keypoints-drawn')),
      )
      .toBeGreaterThan(5);
    const before = Number(await player.getAttribute('data-time-ms'));
    await page.getByTestId('next-frame').click();
    await page.getByTestId('next-frame').click();
    await expect
      .poll(async () => Number(await player.getAttribute('data-time-ms')))
      .toBeGreaterThan(before);
    await expect(page.getByTestId('clip-report')).toBeVisible();
    await expect(page.getByRole('heading', { name: /Faults \(\d+\)/ })).toBeVisible();

    await page.getByTestId('note-text').fill('Knees track well here; keep the chest up.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByTestId('note')).toHaveCount(1);
    await expect(page.getByRole('heading', { name: 'Notes (1)' })).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/clip-review.png`, fullPage: true });
    expect(await violations(page)).toEqual([]);
  });

  const bundlePath = test.info().outputPath('review-bundle.zip');
  await test.step('export a review bundle, delete the clip, open the bundle again', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('export-bundle').click();
    await (await download).saveAs(bundlePath);
    await expect(page.getByTestId('clip-status')).toContainText('Saved');

    await page.goto('/#/clips');
    await expect(page.getByTestId('clip-list').locator('tbody tr')).toHaveCount(1);
    await page.getByRole('button', { name: /^Delete the clip/ }).click();
    await page.getByRole('button', { name: 'Delete clip' }).click();
    await expect(page.getByTestId('no-clips')).toBeVisible();

    await page.getByTestId('bundle-input').setInputFiles(bundlePath);
    await expect(page).toHaveURL(/#\/clips\//);
    await expect(page.getByTestId('note')).toHaveCount(1);
    await expect(page.getByTestId('note')).toContainText('keep the chest up');
    await expect(page.getByTestId('clip-report')).toBeVisible();
  });

  await test.step('damaged bundles and a truncated video are refused, and nothing is lost', async () => {
    const bundle = readFileSync(bundlePath);
    await page.goto('/#/clips');
    const rows = page.getByTestId('clip-list').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    const input = page.getByTestId('bundle-input');
    const status = page.getByTestId('bundle-status');

    await input.setInputFiles({
      name: 'cut-short.zip',
      mimeType: 'application/zip',
      buffer: bundle.subarray(0, Math.floor(bundle.length / 2)),
    });
    await expect(status.locator('.error')).toContainText('Nothing was added');
    await expect(rows).toHaveCount(1);

    await input.setInputFiles({
      name: 'not-a-bundle.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('this is not a zip file at all'),
    });
    await expect(status.locator('.error')).toContainText('Nothing was added');
    await expect(rows).toHaveCount(1);
    await page.screenshot({ path: `${SCREENS}/clips-bundle-refused.png`, fullPage: true });

    await page.goto('/#/analyse');
    const video = readFileSync(SHORT);
    await page.getByTestId('video-input').setInputFiles({
      name: 'cut-off.mp4',
      mimeType: 'video/mp4',
      buffer: video.subarray(0, 2000),
    });
    await page.getByRole('button', { name: 'Analyse', exact: true }).click();
    const error = page.getByTestId('analysis-status').getByRole('alert');
    await expect(error).toContainText('cut-off.mp4');
    await expect(error).toContainText('Nothing was kept');
    await page.screenshot({ path: `${SCREENS}/analyse-refused.png`, fullPage: true });
    await page.goto('/#/clips');
    await expect(rows).toHaveCount(1);
  });

  await test.step('a second clip, then both side by side', async () => {
    await analyse(page, SHORT, { stretch: 'Standing hamstring stretch' });
    await expect(page.getByTestId('analysis-done')).toContainText('Analysed as');
    await page.goto('/#/clips');
    const rows = page.getByTestId('clip-list').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await page.screenshot({ path: `${SCREENS}/clips.png`, fullPage: true });
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('compare-button').click();
    await expect(page).toHaveURL(/#\/compare\//);
    await expect(page.getByTestId('left-player')).toBeVisible();
    await expect(page.getByTestId('right-player')).toBeVisible();
    await page.getByTestId('play-both').click();
    for (const side of ['left-player', 'right-player'])
      await expect
        .poll(async () => Number(await page.getByTestId(side).getAttribute('data-time-ms')))
        .toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENS}/compare.png`, fullPage: true });
    expect(await violations(page)).toEqual([]);
  });
});

test('a clip recorded during a live session states its length, seeks at once and keeps its poses in step', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  await page.goto('/');
  await page.getByRole('radio', { name: /Demo/ }).check();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  await expect(page.getByTestId('setup-help')).toBeVisible();

  const control = page.getByTestId('clip-control');
  await expect(control).toContainText('no sound');
  await control.getByRole('button', { name: 'Record a clip' }).click();
  await expect(page.getByTestId('clip-recording')).toBeVisible();
  // Several seconds of picture, with poses analysed meanwhile.
  await expect(page.getByTestId('clip-recording')).toContainText(/0:0[7-9]/, { timeout: 45_000 });
  await page.screenshot({ path: `${SCREENS}/session-recording-clip.png` });
  await page.keyboard.press('Escape');
  // Stopped after a rep, the coach first asks about symptoms.
  const noSymptoms = page.getByRole('button', { name: 'None of these' });
  await expect(page.getByTestId('session-ended').or(noSymptoms)).toBeVisible();
  if (await noSymptoms.isVisible()) await noSymptoms.click();
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await page.getByTestId('open-clip').click({ timeout: 30_000 });

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Session of');
  await expect(page.getByText('recorded during a session')).toBeVisible();
  const overlay = page.getByTestId('clip-overlay');

  // The file says how long it is as soon as it loads (MediaRecorder's WebM said Infinity), and
  // a seek anywhere lands at once: each within a second, on the time asked for.
  const seeks = await page
    .getByTestId('clip-player')
    .locator('video')
    .evaluate(async (video) => {
      const element = video as HTMLVideoElement;
      if (element.readyState < HTMLMediaElement.HAVE_METADATA)
        await new Promise((resolve) =>
          element.addEventListener('loadedmetadata', resolve, { once: true }),
        );
      const durationS = element.duration;
      const landed: { targetS: number; atS: number; ms: number }[] = [];
      for (const fraction of [0.8, 0.15, 0.6, 0.95, 0.4]) {
        const targetS = durationS * fraction;
        const startedMs = performance.now();
        const seeked = new Promise((resolve) =>
          element.addEventListener('seeked', resolve, { once: true }),
        );
        element.currentTime = targetS;
        await seeked;
        landed.push({ targetS, atS: element.currentTime, ms: performance.now() - startedMs });
      }
      return { durationS, landed };
    });
  expect(seeks.durationS).toBeGreaterThan(6);
  expect(seeks.durationS).toBeLessThan(60);
  for (const { targetS, atS, ms } of seeks.landed) {
    expect(Math.abs(atS - targetS)).toBeLessThan(0.05);
    expect(ms).toBeLessThan(1_000);
  }

  // The pose track runs through the video: from each quarter, a frame step lands on an analysed
  // frame within a second, and its skeleton is drawn. (The first moments can have no pose yet,
  // and the last none while the coach asks a question at the end of the session.)
  const player = page.getByTestId('clip-player');
  const timeMs = async () => Number(await player.getAttribute('data-time-ms'));
  for (const atMs of [0.25, 0.5, 0.75].map((share) => share * seeks.durationS * 1000)) {
    await page
      .getByRole('slider', { name: 'Position in the clip' })
      .fill(String(Math.round(atMs / 10) * 10));
    await expect.poll(async () => Math.abs((await timeMs()) - atMs)).toBeLessThan(100);
    await page.getByTestId('next-frame').click();
    await expect.poll(timeMs).toBeGreaterThan(atMs - 100);
    expect(await timeMs()).toBeLessThan(atMs + 1_000);
    await expect
      .poll(async () => Number(await overlay.getAttribute('data-keypoints-drawn')), {
        message: `a skeleton after ${(atMs / 1000).toFixed(1)} s of ${seeks.durationS.toFixed(1)} s`,
      })
      .toBeGreaterThan(5);
  }
  await page.getByTestId('play-pause').click();
  await expect
    .poll(async () => Number(await player.getAttribute('data-time-ms')))
    .toBeGreaterThan(500);
});

test('a browser recording that states no length is analysed and can be reviewed to its end', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Written as a live stream, like MediaRecorder's files: no duration, so a <video> says Infinity.
  const recording = test.info().outputPath('recording.webm');
  ffmpeg('-i', SHORT, '-c:v', 'libvpx', '-b:v', '1M', '-live', '1', '-f', 'webm', recording);
  await analyse(page, recording, { stretch: 'Standing hamstring stretch' });
  const done = page.getByTestId('analysis-done');
  await expect(done).toHaveAttribute('data-method', 'decoder');
  // The clip is 4 s: one frame per 100 ms slot.
  expect(Number(await done.getAttribute('data-frames'))).toBe(40);

  await page.getByTestId('open-review').click();
  const player = page.getByTestId('clip-player');
  await expect(player).toBeVisible();
  // Stepping on moves through the recording (a player that thinks it endless still steps).
  const before = Number(await player.getAttribute('data-time-ms'));
  for (let i = 0; i < 3; i++) await page.getByTestId('next-frame').click();
  await expect
    .poll(async () => Number(await player.getAttribute('data-time-ms')))
    .toBeGreaterThan(before);
  await expect(page.getByTestId('clip-report')).toBeVisible();
});

test('a video with a damaged stretch is analysed around it, and the user is told what was skipped', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const clean = test.info().outputPath('keyframes-every-10.mp4');
  ffmpeg('-i', SHORT, '-c:v', 'libx264', '-g', '10', '-bf', '0', clean);
  const damaged = test.info().outputPath('damaged.mp4');
  writeWithBrokenFrame(clean, damaged, 45);

  await analyse(page, damaged, { stretch: 'Standing hamstring stretch' });
  const done = page.getByTestId('analysis-done');
  await expect(done).toHaveAttribute('data-damaged-stretches', '1');
  await expect(page.getByTestId('damaged-note')).toContainText('in one place could not be read');
  await expect(page.getByTestId('open-review')).toBeVisible();
});
