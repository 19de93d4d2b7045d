import { expect, test } from '@playwright/test';
import type * as Shrinker from '../../../src/review/video/frameShrinker';
import type * as Mediabunny from '../harness/mediabunny';
import { openHarness } from './harness';

/**
 * Both routes from a decoded frame to the model's bitmap, in Chromium's own VideoFrames: the
 * JS route for I420 and NV12 pictures and the browser's route for any other layout (RGBA, I444
 * here) give the same small picture, turned the same way, for every quarter turn.
 */

type Rgb = readonly [number, number, number];
interface Corners {
  readonly topLeft: Rgb;
  readonly topRight: Rgb;
  readonly bottomLeft: Rgb;
  readonly bottomRight: Rgb;
}

const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 255, 0];
const BLUE: Rgb = [0, 0, 255];
const WHITE: Rgb = [255, 255, 255];

/** Where the picture's corners (red, green / blue, white) land after each clockwise turn. */
const EXPECTED: Record<0 | 90 | 180 | 270, Corners> = {
  0: { topLeft: RED, topRight: GREEN, bottomLeft: BLUE, bottomRight: WHITE },
  90: { topLeft: BLUE, topRight: RED, bottomLeft: WHITE, bottomRight: GREEN },
  180: { topLeft: WHITE, topRight: BLUE, bottomLeft: GREEN, bottomRight: RED },
  270: { topLeft: GREEN, topRight: WHITE, bottomLeft: RED, bottomRight: BLUE },
};

test('every pixel layout and every quarter turn gives the same upright picture', async ({
  page,
}) => {
  await openHarness(page);
  const results = await page.evaluate(
    async ({ path, mediabunny }) => {
      const S = (await import(path)) as typeof Shrinker;
      const M = (await import(mediabunny)) as typeof Mediabunny;
      const W = 64;
      const H = 32;
      // Quadrants red, green / blue, white, in BT.601 studio range (what SD video uses).
      const yuv = [
        [81, 90, 240],
        [145, 54, 34],
        [41, 240, 110],
        [235, 128, 128],
      ] as const;
      const rgb = [
        [255, 0, 0],
        [0, 255, 0],
        [0, 0, 255],
        [255, 255, 255],
      ] as const;
      const quadrant = (x: number, y: number): number => (y < H / 2 ? 0 : 2) + (x < W / 2 ? 0 : 1);
      const colorSpace = {
        matrix: 'smpte170m',
        primaries: 'smpte170m',
        transfer: 'smpte170m',
        fullRange: false,
      } as const;
      const init = (format: VideoPixelFormat): VideoFrameBufferInit => ({
        format,
        codedWidth: W,
        codedHeight: H,
        timestamp: 0,
        colorSpace,
      });
      /** Calls `set` at every `step`-th pixel (2: one per chroma sample). */
      const each = (step: number, set: (x: number, y: number) => void): void => {
        for (let y = 0; y < H; y += step) for (let x = 0; x < W; x += step) set(x, y);
      };
      const pixel = (x: number, y: number) => yuv[quadrant(x, y)]!;
      const frames: Record<string, () => VideoFrame> = {
        I420: () => {
          const data = new Uint8Array(W * H * 1.5);
          each(1, (x, y) => (data[y * W + x] = pixel(x, y)[0]));
          each(2, (x, y) => {
            const at = (y / 2) * (W / 2) + x / 2;
            data[W * H + at] = pixel(x, y)[1];
            data[W * H * 1.25 + at] = pixel(x, y)[2];
          });
          return new VideoFrame(data, init('I420'));
        },
        NV12: () => {
          const data = new Uint8Array(W * H * 1.5);
          each(1, (x, y) => (data[y * W + x] = pixel(x, y)[0]));
          each(2, (x, y) => {
            const at = W * H + (y / 2) * W + x;
            data[at] = pixel(x, y)[1];
            data[at + 1] = pixel(x, y)[2];
          });
          return new VideoFrame(data, init('NV12'));
        },
        I444: () => {
          const data = new Uint8Array(W * H * 3);
          each(1, (x, y) => {
            for (let p = 0; p < 3; p++) data[p * W * H + y * W + x] = pixel(x, y)[p]!;
          });
          return new VideoFrame(data, init('I444'));
        },
        RGBA: () => {
          const data = new Uint8Array(W * H * 4);
          for (let y = 0; y < H; y++)
            for (let x = 0; x < W; x++) {
              data.set(rgb[quadrant(x, y)]!, (y * W + x) * 4);
              data[(y * W + x) * 4 + 3] = 255;
            }
          return new VideoFrame(data, {
            format: 'RGBA',
            codedWidth: W,
            codedHeight: H,
            timestamp: 0,
          });
        },
      };
      const out: { format: string; rotation: number; corners: Record<string, number[]> }[] = [];
      for (const rotation of [0, 90, 180, 270] as const) {
        const turned = rotation === 90 || rotation === 270;
        const size = { widthPx: turned ? 16 : 32, heightPx: turned ? 32 : 16 };
        for (const [format, make] of Object.entries(frames)) {
          const frame = make();
          const sample = new M.VideoSample(frame, { timestamp: 0, rotation });
          const bitmap = await new S.FrameShrinker(size).toBitmap(sample);
          sample.close();
          const canvas = new OffscreenCanvas(size.widthPx, size.heightPx);
          const context = canvas.getContext('2d')!;
          context.drawImage(bitmap, 0, 0);
          const at = (x: number, y: number) => [
            ...context.getImageData(x, y, 1, 1).data.slice(0, 3),
          ];
          const { widthPx: w, heightPx: h } = size;
          out.push({
            format,
            rotation,
            corners: {
              topLeft: at(w / 4, h / 4),
              topRight: at((3 * w) / 4, h / 4),
              bottomLeft: at(w / 4, (3 * h) / 4),
              bottomRight: at((3 * w) / 4, (3 * h) / 4),
            },
          });
        }
      }
      return out;
    },
    {
      path: '/src/review/video/frameShrinker.ts',
      mediabunny: '/tests/browser/harness/mediabunny.ts',
    },
  );
  expect(results).toHaveLength(16);
  for (const { format, rotation, corners } of results) {
    const expected = EXPECTED[rotation as 0 | 90 | 180 | 270];
    for (const corner of ['topLeft', 'topRight', 'bottomLeft', 'bottomRight'] as const) {
      const seen = corners[corner] ?? [];
      const want = expected[corner];
      const off = Math.max(...want.map((value, i) => Math.abs(value - (seen[i] ?? -999))));
      expect(off, `${format} turned ${rotation}°, ${corner}: ${seen.join(',')}`).toBeLessThan(12);
    }
  }
});

test('frames converted back to back by one shrinker each keep their own picture', async ({
  page,
}) => {
  await openHarness(page);
  const colours = await page.evaluate(
    async ({ path, mediabunny }) => {
      const S = (await import(path)) as typeof Shrinker;
      const M = (await import(mediabunny)) as typeof Mediabunny;
      // Two flat I420 pictures, studio-range red and blue, converted without waiting in between:
      // the shrinker reuses its buffers, and neither result may show the other's pixels.
      const flat = ([y, u, v]: readonly [number, number, number]): VideoFrame => {
        const data = new Uint8Array(16 * 8 * 1.5);
        data.fill(y, 0, 128);
        data.fill(u, 128, 160);
        data.fill(v, 160, 192);
        return new VideoFrame(data, {
          format: 'I420',
          codedWidth: 16,
          codedHeight: 8,
          timestamp: 0,
        });
      };
      const shrinker = new S.FrameShrinker({ widthPx: 8, heightPx: 4 });
      const samples = [flat([81, 90, 240]), flat([41, 240, 110])].map(
        (frame) => new M.VideoSample(frame),
      );
      const bitmaps = await Promise.all(samples.map((sample) => shrinker.toBitmap(sample)));
      for (const sample of samples) sample.close();
      return bitmaps.map((bitmap) => {
        const context = new OffscreenCanvas(8, 4).getContext('2d')!;
        context.drawImage(bitmap, 0, 0);
        return [...context.getImageData(4, 2, 1, 1).data.slice(0, 3)];
      });
    },
    {
      path: '/src/review/video/frameShrinker.ts',
      mediabunny: '/tests/browser/harness/mediabunny.ts',
    },
  );
  const [red, blue] = colours;
  expect(red?.[0]).toBeGreaterThan(240);
  expect(red?.[2]).toBeLessThan(15);
  expect(blue?.[2]).toBeGreaterThan(240);
  expect(blue?.[0]).toBeLessThan(15);
});
