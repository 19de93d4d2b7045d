import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type * as Open from '../../../src/review/openFrameSource';
import { tfjsFixture } from '../../helpers/fixtures';
import { ffmpeg, frameTimesMs, requireFfmpeg } from '../../helpers/video';
import { openHarness } from './harness';

/**
 * Files an analysis cannot read whole, in Chromium: what the user is told for each, and what is
 * still read of a file cut short after its index.
 */

const OUT = fileURLToPath(new URL('../../../artifacts/odd-clips/', import.meta.url));

test.beforeAll(() => {
  requireFfmpeg();
  mkdirSync(OUT, { recursive: true });
  const source = tfjsFixture('pose_1.mp4');
  ffmpeg('-i', source, '-c:v', 'libtheora', `${OUT}theora.ogv`);
  ffmpeg('-i', source, '-c:v', 'mpeg4', `${OUT}mpeg4-part2.mp4`);
  ffmpeg('-f', 'lavfi', '-i', 'sine=d=2', '-c:a', 'aac', `${OUT}sound.m4a`);
  // No B-frames: file order is time order, so what ffmpeg reads of the cut file is well defined.
  const h264 = ['-c:v', 'libx264', '-bf', '0', '-pix_fmt', 'yuv420p'];
  ffmpeg('-i', source, ...h264, `${OUT}index-last.mp4`);
  ffmpeg('-i', source, ...h264, '-movflags', '+faststart', `${OUT}index-first.mp4`);
  for (const name of ['index-last.mp4', 'index-first.mp4']) {
    const whole = readFileSync(`${OUT}${name}`);
    writeFileSync(`${OUT}cut-${name}`, whole.subarray(0, Math.floor(whole.length * 0.6)));
  }
});

interface Opened {
  readonly method?: string;
  readonly durationMs?: number;
  readonly cutShortAtMs?: number | null;
  readonly frames?: number[];
  readonly error?: string;
}

async function open(page: Page, file: string): Promise<Opened> {
  return page.evaluate(
    async ({ url, name, path }) => {
      const O = (await import(path)) as typeof Open;
      const blob = await (await fetch(url)).blob();
      try {
        const source = await O.openFrameSource(blob, name, {
          rate: { kind: 'per-second', perSecond: 10 },
          maxSidePx: 480,
          video: document.createElement('video'),
        });
        source.start();
        const frames: number[] = [];
        for (let frame = await source.next(); frame !== null; frame = await source.next()) {
          frames.push(frame.videoTimeMs);
          frame.bitmap.close();
        }
        source.stop();
        const stats = source.stats();
        return {
          method: source.method,
          durationMs: source.durationMs,
          cutShortAtMs: stats.cutShortAtMs,
          frames,
        };
      } catch (error) {
        return {
          error: `${(error as Error).name} ${(error as { kind?: string }).kind}: ${(error as Error).message}`,
        };
      }
    },
    { url: `/artifacts/odd-clips/${file}`, name: file, path: '/src/review/openFrameSource.ts' },
  );
}

test.beforeEach(async ({ page }) => openHarness(page));

test('Theora and MPEG-4 Part 2 video are refused in those words: the browser cannot decode them', async ({
  page,
}) => {
  expect((await open(page, 'theora.ogv')).error).toBe(
    'VideoFileError unsupported: “theora.ogv” holds Theora video, which this browser cannot decode. Convert it to MP4 (H.264) — most video apps can — and try again.',
  );
  expect((await open(page, 'mpeg4-part2.mp4')).error).toMatch(
    /^VideoFileError unsupported: “mpeg4-part2\.mp4” holds MPEG-4 Part 2 video, which this browser cannot decode\./,
  );
});

test('a file with sound only says it has no picture', async ({ page }) => {
  expect((await open(page, 'sound.m4a')).error).toBe(
    'VideoFileError no-picture: “sound.m4a” holds sound only: there is no picture to analyse.',
  );
});

test('an MP4 cut short before its index is refused as cut short, not as "not a video"', async ({
  page,
}) => {
  expect((await open(page, 'cut-index-last.mp4')).error).toMatch(
    /^VideoFileError damaged: “cut-index-last\.mp4” was cut short before its index was written/,
  );
});

test('an MP4 cut short after its index is read up to where its data ends, and says so', async ({
  page,
}) => {
  const whole = await open(page, 'index-first.mp4');
  const cut = await open(page, 'cut-index-first.mp4');
  expect(whole).toMatchObject({ method: 'decoder', cutShortAtMs: null });
  expect(cut.method).toBe('decoder');
  const readable = frameTimesMs(`${OUT}cut-index-first.mp4`);
  const lastReadableMs = readable.at(-1) ?? NaN;
  // The frames read are the whole file's, up to the last frame whose data is all there.
  const wholeFrames = whole.frames ?? [];
  expect(cut.frames).toEqual(wholeFrames.filter((t) => t <= lastReadableMs + 1));
  expect(cut.cutShortAtMs).toBeGreaterThan(lastReadableMs);
  expect(cut.cutShortAtMs).toBeLessThan(lastReadableMs + 50);
  expect(cut.durationMs).toBe(cut.cutShortAtMs);
  expect(cut.durationMs).toBeLessThan((whole.durationMs ?? 0) - 1000);
});
