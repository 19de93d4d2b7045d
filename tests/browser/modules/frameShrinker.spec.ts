import { expect, test } from '@playwright/test';
import type * as Shrinker from '../../../src/review/decoding/frameShrinker';
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
    async ({ path }) => {
      const S = (await import(path)) as typeof Shrinker;
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
      const frames: Record<string, () => VideoFrame> = {
        I420: () => {
          const data = new Uint8Array(W * H * 1.5);
          for (let y = 0; y < H; y++)
            for (let x = 0; x < W; x++) data[y * W + x] = yuv[quadrant(x, y)]![0];
          for (let y = 0; y < H / 2; y++)
            for (let x = 0; x < W / 2; x++) {
              const [, u, v] = yuv[quadrant(x * 2, y * 2)]!;
              data[W * H + y * (W / 2) + x] = u;
              data[W * H * 1.25 + y * (W / 2) + x] = v;
            }
          return new VideoFrame(data, {
            format: 'I420',
            codedWidth: W,
            codedHeight: H,
            timestamp: 0,
            colorSpace,
          });
        },
        NV12: () => {
          const data = new Uint8Array(W * H * 1.5);
          for (let y = 0; y < H; y++)
            for (let x = 0; x < W; x++) data[y * W + x] = yuv[quadrant(x, y)]![0];
          for (let y = 0; y < H / 2; y++)
            for (let x = 0; x < W / 2; x++) {
              const [, u, v] = yuv[quadrant(x * 2, y * 2)]!;
              data[W * H + y * W + x * 2] = u;
              data[W * H + y * W + x * 2 + 1] = v;
            }
          return new VideoFrame(data, {
            format: 'NV12',
            codedWidth: W,
            codedHeight: H,
            timestamp: 0,
            colorSpace,
          });
        },
        I444: () => {
          const data = new Uint8Array(W * H * 3);
          for (let y = 0; y < H; y++)
            for (let x = 0; x < W; x++)
              for (let p = 0; p < 3; p++) data[p * W * H + y * W + x] = yuv[quadrant(x, y)]![p]!;
          return new VideoFrame(data, {
            format: 'I444',
            codedWidth: W,
            codedHeight: H,
            timestamp: 0,
            colorSpace,
          });
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
          const bitmap = await new S.FrameShrinker(rotation, size).toBitmap(frame);
          frame.close();
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
    { path: '/src/review/decoding/frameShrinker.ts' },
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
