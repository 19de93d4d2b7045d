import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type * as Analysis from '../../../src/review/offlineAnalysis';
import type * as Open from '../../../src/review/openFrameSource';
import type * as Player from '../../../src/review/video/playedFrameSource';
import type * as Worker from '../../../src/pose/worker/workerPoseEstimator';
import { tfjsFixture } from '../../helpers/fixtures';
import { ffmpeg, frameTimesMs, requireFfmpeg, writeWithBrokenFrame } from '../../helpers/video';
import { openHarness } from './harness';

/**
 * Offline analysis of phone-like clips in Chromium, made at test time from the Apache fixtures:
 * a portrait clip stored landscape with rotation metadata (as phones record), and a clip with a
 * variable frame rate (every fourth frame dropped) and B-frames (so an edit list). Every sampling
 * slot that has a frame gives one, at the frame's own time, and the rotated clip's frames come
 * out upright. Which route reads which file, damaged data, and files cut short are checked here
 * too; odd files nobody can decode are in videoRefusals.spec.ts.
 */

const OUT = fileURLToPath(new URL('../../../artifacts/review-clips/', import.meta.url));
const ROTATED = 'rotated-portrait.mp4';
const VARIABLE = 'variable-rate.mp4';
const WEBM = 'recording.webm';
const FRAGMENTED = 'fragmented.mp4';
const OGG = 'vp8.ogv';
/** Keyframes every 10 frames; one frame's data broken: a stretch to skip. */
const DAMAGED_ONCE = 'damaged-once.mp4';
/** One keyframe only; one frame's data broken: nothing to resume from. */
const DAMAGED_FOR_GOOD = 'damaged-for-good.mp4';

test.beforeAll(() => {
  requireFfmpeg();
  mkdirSync(OUT, { recursive: true });
  // Turned a quarter left and stored with "rotate on playback": a portrait phone clip.
  ffmpeg(
    '-i',
    tfjsFixture('pose_squats.mp4'),
    '-vf',
    'transpose=2',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    `${OUT}turned.mp4`,
  );
  ffmpeg(
    '-i',
    `${OUT}turned.mp4`,
    '-c',
    'copy',
    '-metadata:s:v:0',
    'rotate=270',
    `${OUT}${ROTATED}`,
  );
  ffmpeg(
    '-i',
    tfjsFixture('pose_1.mp4'),
    '-vf',
    "select='mod(n\\,4)-1'",
    '-vsync',
    'vfr',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    `${OUT}${VARIABLE}`,
  );
  // What MediaRecorder makes, and what some cameras and screen recorders write.
  ffmpeg(
    '-i',
    tfjsFixture('pose_1.mp4'),
    '-t',
    '1',
    '-c:v',
    'libvpx',
    '-b:v',
    '1M',
    `${OUT}${WEBM}`,
  );
  ffmpeg(
    '-i',
    tfjsFixture('pose_1.mp4'),
    '-c',
    'copy',
    '-movflags',
    'frag_keyframe+empty_moov',
    `${OUT}${FRAGMENTED}`,
  );
  // A container the decoder does not read (Ogg) holding a codec Chromium plays.
  ffmpeg('-i', tfjsFixture('pose_1.mp4'), '-t', '1', '-c:v', 'libvpx', '-f', 'ogg', `${OUT}${OGG}`);
  for (const [name, gop] of [
    [DAMAGED_ONCE, '10'],
    [DAMAGED_FOR_GOOD, '1000'],
  ] as const) {
    const clean = `${OUT}clean-${name}`;
    ffmpeg(
      '-i',
      tfjsFixture('pose_1.mp4'),
      '-c:v',
      'libx264',
      '-g',
      gop,
      '-bf',
      '0',
      '-pix_fmt',
      'yuv420p',
      clean,
    );
    writeWithBrokenFrame(clean, `${OUT}${name}`, 45);
  }
});

interface Outcome {
  readonly method: Method;
  readonly frames: number;
  /** Slots the player saw no frame in (it does not seek back for them). */
  readonly slotsMissed: number;
  readonly tMs: number[];
  readonly videoSize: { widthPx: number; heightPx: number };
  readonly frameSize: { widthPx: number; heightPx: number };
  readonly durationMs: number;
  /** Frames where the nose is above both hips (an upright person, not one lying sideways). */
  readonly uprightFrames: number;
  readonly posesFound: number;
}

type Method = 'player' | 'decoder';

/** Analyses `file` read by the decoder (through openFrameSource) or, forced, by the player. */
async function analyse(page: Page, file: string, method: Method): Promise<Outcome> {
  return page.evaluate(
    async ({ url, paths, method }) => {
      const O = (await import(paths.open)) as typeof Open;
      const P = (await import(paths.player)) as typeof Player;
      const A = (await import(paths.analysis)) as typeof Analysis;
      const W = (await import(paths.worker)) as typeof Worker;
      const blob = await (await fetch(url)).blob();
      const video = document.createElement('video');
      video.style.width = '320px';
      document.body.append(video);
      const options = { rate: { kind: 'per-second', perSecond: 10 }, maxSidePx: 480 } as const;
      const source =
        method === 'player'
          ? await P.PlayedFrameSource.open(video, blob, 'clip.mp4', options)
          : await O.openFrameSource(blob, 'clip.mp4', { ...options, video });
      // As the app's analysis asks: no smoothing in the estimator, the track is smoothed after.
      const estimator = await W.WorkerPoseEstimator.create({
        model: 'movenet-lightning',
        enableSmoothing: false,
      });
      let uprightFrames = 0;
      let posesFound = 0;
      const result = await A.analyseVideo(source, estimator, {
        onPose: (pose) => {
          if (pose === null) return;
          posesFound++;
          const { nose, left_hip: leftHip, right_hip: rightHip } = pose.keypoints;
          if (nose !== undefined && leftHip !== undefined && rightHip !== undefined)
            if (nose.y < leftHip.y && nose.y < rightHip.y) uprightFrames++;
        },
      });
      estimator.dispose();
      video.remove();
      return {
        method: result.stats.sampler.method,
        frames: result.track.tMs.length,
        slotsMissed: result.stats.sampler.slotsMissed,
        tMs: [...result.track.tMs],
        videoSize: result.videoSize,
        frameSize: result.track.imageSize,
        durationMs: result.durationMs,
        uprightFrames,
        posesFound,
      };
    },
    {
      url: `/artifacts/review-clips/${file}`,
      method,
      paths: {
        open: '/src/review/openFrameSource.ts',
        player: '/src/review/video/playedFrameSource.ts',
        analysis: '/src/review/offlineAnalysis.ts',
        worker: '/src/pose/worker/workerPoseEstimator.ts',
      },
    },
  );
}

/** One frame per 100 ms slot that has any frame: what sampling at 10 a second should give. */
function expectedSlots(timesMs: readonly number[]): number {
  return new Set(timesMs.map(slotOf)).size;
}

function slotOf(timeMs: number): number {
  return Math.floor((timeMs + 0.5) / 100);
}

/**
 * The decoder gives every slot that has a frame; the player misses one now and then (frame
 * callbacks come at most once per display refresh) and does not seek back for it.
 */
function expectSlotsSampled(outcome: Outcome, slots: number): void {
  if (outcome.method === 'decoder') expect(outcome.frames).toBe(slots);
  else {
    expect(outcome.frames).toBeLessThanOrEqual(slots);
    expect(outcome.frames).toBeGreaterThanOrEqual(Math.floor(slots * 0.9));
  }
}

for (const method of ['decoder', 'player'] as const) {
  test.describe(`offline analysis of phone-like clips, read by the ${method}`, () => {
    test.beforeEach(async ({ page }) => openHarness(page));

    test('a portrait clip stored with rotation metadata is analysed upright, every slot sampled', async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const outcome = await analyse(page, ROTATED, method);
      expect(outcome.method).toBe(method);
      // Stored 1280 x 720, shown (and analysed) 720 x 1280.
      expect(outcome.videoSize).toEqual({ widthPx: 720, heightPx: 1280 });
      expect(outcome.frameSize).toEqual({ widthPx: 270, heightPx: 480 });
      expectSlotsSampled(outcome, expectedSlots(frameTimesMs(`${OUT}${ROTATED}`)));
      expect(outcome.posesFound).toBeGreaterThan(outcome.frames * 0.9);
      expect(outcome.uprightFrames).toBeGreaterThan(outcome.posesFound * 0.9);
    });

    test('a variable-frame-rate clip gives one frame per slot that has one, at its own times', async ({
      page,
    }) => {
      test.setTimeout(180_000);
      const times = frameTimesMs(`${OUT}${VARIABLE}`);
      const outcome = await analyse(page, VARIABLE, method);
      expect(outcome.method).toBe(method);
      expectSlotsSampled(outcome, expectedSlots(times));
      // Each sample is one of the clip's own frames, in order.
      for (const t of outcome.tMs) expect(times.some((f) => Math.abs(f - t) < 1)).toBe(true);
      expect([...outcome.tMs].sort((a, b) => a - b)).toEqual(outcome.tMs);
    });
  });
}

test.describe('choosing how to read a file', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test('the decoder takes the first frame of each slot; the player lands in the same slots', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const firstOfSlot = new Map<number, number>();
    for (const t of frameTimesMs(`${OUT}${VARIABLE}`))
      if (!firstOfSlot.has(slotOf(t))) firstOfSlot.set(slotOf(t), t);
    const expected = [...firstOfSlot.values()];
    const decoded = await analyse(page, VARIABLE, 'decoder');
    const played = await analyse(page, VARIABLE, 'player');
    expect(decoded.tMs).toHaveLength(expected.length);
    decoded.tMs.forEach((t, i) => expect(Math.abs(t - (expected[i] ?? NaN))).toBeLessThan(1));
    // The player may miss a slot's first frame (and take a later one of the slot), or a slot.
    const playedSlots = played.tMs.map(slotOf);
    expect(playedSlots.every((slot) => expected.some((t) => slotOf(t) === slot))).toBe(true);
    expect([...new Set(playedSlots)]).toEqual(playedSlots);
    expect(playedSlots.length).toBeGreaterThanOrEqual(Math.floor(expected.length * 0.9));
    expect(Math.abs(decoded.durationMs - played.durationMs)).toBeLessThan(50);
  });

  test('a fragmented MP4 is decoded from its fragments, every slot sampled', async ({ page }) => {
    test.setTimeout(180_000);
    const outcome = await analyse(page, FRAGMENTED, 'decoder');
    expect(outcome.frames).toBe(expectedSlots(frameTimesMs(`${OUT}${FRAGMENTED}`)));
    expect(outcome.posesFound).toBeGreaterThan(outcome.frames * 0.9);
  });

  test('MP4 (plain and fragmented) and WebM files are decoded; an Ogg file is played', async ({
    page,
  }) => {
    const methods = await page.evaluate(
      async ({ urls, path }) => {
        const O = (await import(path)) as typeof Open;
        const methods: string[] = [];
        for (const url of urls) {
          const blob = await (await fetch(url)).blob();
          const video = document.createElement('video');
          const source = await O.openFrameSource(blob, url, {
            rate: { kind: 'per-second', perSecond: 10 },
            maxSidePx: 480,
            video,
          });
          methods.push(source.method);
          source.stop();
        }
        return methods;
      },
      {
        urls: [VARIABLE, FRAGMENTED, WEBM, OGG].map((f) => `/artifacts/review-clips/${f}`),
        path: '/src/review/openFrameSource.ts',
      },
    );
    expect(methods).toEqual(['decoder', 'decoder', 'decoder', 'player']);
  });
});

test('the decoder’s frames look like the player’s: same picture, same way up, same colours', async ({
  page,
}) => {
  await openHarness(page);
  const differences = await page.evaluate(
    async ({ urls, path }) => {
      const O = (await import(path)) as typeof Open;
      const pixels = (bitmap: ImageBitmap): Uint8ClampedArray => {
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d');
        if (context === null) throw new Error('no 2D canvas');
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const result: number[] = [];
      for (const url of urls) {
        const blob = await (await fetch(url)).blob();
        const source = await O.openFrameSource(blob, url, {
          rate: { kind: 'per-second', perSecond: 10 },
          maxSidePx: 480,
          video: document.createElement('video'),
        });
        if (source.method !== 'decoder') throw new Error(`read by the ${source.method}`);
        source.start();
        const decoded = await source.next();
        source.stop();
        if (decoded === null) throw new Error('no first frame');
        // The player's first frame, scaled by the browser to the same size.
        const video = document.createElement('video');
        video.muted = true;
        video.src = URL.createObjectURL(blob);
        await new Promise((resolve) =>
          video.addEventListener('loadeddata', resolve, { once: true }),
        );
        document.body.append(video);
        // Right after loading, a video can have data yet no picture to give: try a few times.
        let played: ImageBitmap | null = null;
        for (let attempt = 0; played === null && attempt < 20; attempt++) {
          played = await createImageBitmap(video, {
            resizeWidth: decoded.widthPx,
            resizeHeight: decoded.heightPx,
            resizeQuality: 'medium',
          }).catch(() => null);
          if (played === null) await new Promise((resolve) => setTimeout(resolve, 50));
        }
        video.remove();
        if (played === null) throw new Error('the player gave no picture');
        const a = pixels(decoded.bitmap);
        const b = pixels(played);
        let sum = 0;
        for (let i = 0; i < a.length; i++) if (i % 4 !== 3) sum += Math.abs(a[i]! - b[i]!);
        result.push(sum / ((a.length / 4) * 3));
      }
      return result;
    },
    {
      urls: [ROTATED, VARIABLE].map((f) => `/artifacts/review-clips/${f}`),
      path: '/src/review/openFrameSource.ts',
    },
  );
  // Mean difference per colour channel, 0-255: about 1 (scaling filters differ a little); with U
  // and V swapped it was 9-14, and a picture turned the wrong way differs by more.
  for (const difference of differences) expect(difference).toBeLessThan(4);
});

test('a recording made by the browser’s MediaRecorder (no stated length) is decoded whole', async ({
  page,
}) => {
  await openHarness(page);
  const outcome = await page.evaluate(
    async ({ path }) => {
      const O = (await import(path)) as typeof Open;
      // Two seconds of a moving square, recorded as the app records clips.
      const canvas = document.createElement('canvas');
      canvas.width = 320;
      canvas.height = 240;
      const context = canvas.getContext('2d')!;
      const recorder = new MediaRecorder(canvas.captureStream(30), { mimeType: 'video/webm' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start(500);
      const started = performance.now();
      await new Promise<void>((resolve) => {
        const draw = (): void => {
          const t = performance.now() - started;
          context.fillStyle = '#204080';
          context.fillRect(0, 0, 320, 240);
          context.fillStyle = '#f0c020';
          context.fillRect((t / 10) % 280, 100, 40, 40);
          if (t < 2_000) requestAnimationFrame(draw);
          else resolve();
        };
        draw();
      });
      recorder.stop();
      await stopped;
      const blob = new Blob(chunks, { type: 'video/webm' });
      // What the player makes of it: no length, so it could not be analysed by playing.
      const video = document.createElement('video');
      video.src = URL.createObjectURL(blob);
      await new Promise((resolve) =>
        video.addEventListener('loadedmetadata', resolve, { once: true }),
      );
      const playerDurationS = video.duration;
      const source = await O.openFrameSource(blob, 'recording.webm', {
        rate: { kind: 'per-second', perSecond: 10 },
        maxSidePx: 480,
        video: document.createElement('video'),
      });
      if (source.method !== 'decoder') return { reason: `read by the ${source.method}` };
      source.start();
      const times: number[] = [];
      let size = '';
      for (;;) {
        const frame = await source.next();
        if (frame === null) break;
        times.push(frame.videoTimeMs);
        size = `${frame.widthPx}x${frame.heightPx}`;
        frame.bitmap.close();
      }
      return {
        playerDurationS: String(playerDurationS),
        durationMs: source.durationMs,
        times,
        size,
      };
    },
    { path: '/src/review/openFrameSource.ts' },
  );
  if ('reason' in outcome) throw new Error(`not decoded: ${outcome.reason}`);
  expect(outcome.playerDurationS).toBe('Infinity');
  expect(outcome.durationMs).toBeGreaterThan(1_500);
  expect(outcome.durationMs).toBeLessThan(3_000);
  expect(outcome.size).toBe('320x240');
  // One frame per 100 ms slot of the recording (the recorder may drop a frame or two).
  expect(outcome.times.length).toBeGreaterThan((outcome.durationMs / 100) * 0.8);
  expect(outcome.times.length).toBeLessThanOrEqual(Math.ceil(outcome.durationMs / 100));
  expect([...outcome.times].sort((a, b) => a - b)).toEqual(outcome.times);
});

test('damaged data is skipped to the next keyframe and counted; with no keyframe left the file is refused', async ({
  page,
}) => {
  await openHarness(page);
  const outcomes = await page.evaluate(
    async ({ urls, path }) => {
      const O = (await import(path)) as typeof Open;
      const results: { frames: number; stretches?: number; damagedMs?: number; error?: string }[] =
        [];
      for (const url of urls) {
        const blob = await (await fetch(url)).blob();
        const source = await O.openFrameSource(blob, 'clip.mp4', {
          rate: { kind: 'per-second', perSecond: 10 },
          maxSidePx: 480,
          video: document.createElement('video'),
        });
        if (source.method !== 'decoder') throw new Error(`read by the ${source.method}`);
        source.start();
        let frames = 0;
        try {
          for (;;) {
            const frame = await source.next();
            if (frame === null) break;
            frame.bitmap.close();
            frames++;
          }
          const stats = source.stats();
          results.push({ frames, stretches: stats.damagedStretches, damagedMs: stats.damagedMs });
        } catch (error) {
          results.push({ frames, error: `${(error as Error).name}: ${(error as Error).message}` });
        }
      }
      return results;
    },
    {
      urls: [DAMAGED_ONCE, DAMAGED_FOR_GOOD].map((f) => `/artifacts/review-clips/${f}`),
      path: '/src/review/openFrameSource.ts',
    },
  );
  const [once, forGood] = outcomes;
  // Frames 45-49 (1.5-1.63 s) depend on the broken one: the slot they fill is lost, no other.
  expect(once).toMatchObject({ stretches: 1, frames: 39 });
  expect(once?.damagedMs).toBeGreaterThan(100);
  expect(once?.damagedMs).toBeLessThan(250);
  expect(forGood?.error).toMatch(/^VideoFileError: “clip\.mp4” is damaged 1\.[45] s in/);
  expect(forGood?.frames).toBe(15);
});
