import * as tf from '@tensorflow/tfjs-core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FrameRotationDeg } from '../../../src/geometry/types';
import { activateBackend } from '../../../src/pose/backends';
import {
  boxAffine,
  composeAffine,
  invertAffine,
  rectAffine,
  turnedFrameAffine,
  applyAffine,
} from '../../../src/pose/pixels/affine';
import { interleavedPlanes, type PixelPlanes } from '../../../src/pose/pixels/pixelPlanes';
import { sampleImage, yuvCoefficients } from '../../../src/pose/pixels/sampleImage';

/**
 * The crop sampler stands in for pose-detection's tensor crops (cropAndResize for MoveNet, a
 * projective transform for BlazePose); these tests hold it to TF.js's own ops on random pictures.
 */

beforeAll(async () => {
  await activateBackend('wasm');
});

function randomPicture(widthPx: number, heightPx: number, seed: number): PixelPlanes {
  const data = new Uint8Array(widthPx * heightPx * 3);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    data[i] = s >>> 24;
  }
  return interleavedPlanes(widthPx, heightPx, 3, data);
}

function tensorOf(picture: PixelPlanes): tf.Tensor3D {
  return tf.tensor3d(Float32Array.from(picture.data), [picture.heightPx, picture.widthPx, 3]);
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return worst;
}

describe('cutting a model input from a picture', () => {
  it('reads a box inside the picture as cropAndResize does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 8, max: 64 }),
        fc.integer({ min: 8, max: 64 }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        // Up to 0.95: TF's float32 maths can put a box edge at 1 just past the last pixel.
        fc.double({ min: 0.2, max: 0.55, noNaN: true }),
        fc.integer(),
        (w, h, xMin, yMin, side, seed) => {
          const picture = randomPicture(w, h, seed);
          const box = { yMin, xMin, yMax: yMin + side, xMax: xMin + side };
          const out = { widthPx: 16, heightPx: 16 };
          const ours = sampleImage(picture, boxAffine(box, picture, out), out, 'unit');
          const theirs = tf.tidy(() =>
            tf.image
              .cropAndResize(
                tf.expandDims<tf.Tensor4D>(tensorOf(picture)),
                [[box.yMin, box.xMin, box.yMax, box.xMax]],
                [0],
                [16, 16],
              )
              .dataSync(),
          );
          expect(
            maxDifference(
              ours,
              Float32Array.from(theirs, (v) => v / 255),
            ),
          ).toBeLessThan(1e-4);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads a rotated rectangle as pose-detection warps one, black outside the picture', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.double({ min: 10, max: 60, noNaN: true }),
        fc.integer(),
        (rotation, size, seed) => {
          const picture = randomPicture(48, 40, seed);
          const rect = { xCenter: 20, yCenter: 22, width: size, height: size, rotation };
          const out = { widthPx: 24, heightPx: 24 };
          const m = rectAffine(rect, out);
          const ours = sampleImage(picture, m, out, 'signedUnit');
          const theirs = tf.tidy(() =>
            tf
              .sub(
                tf.div(
                  tf.image.transform(
                    tf.expandDims<tf.Tensor4D>(tensorOf(picture)),
                    tf.tensor2d([[m.a, m.b, m.c, m.d, m.e, m.f, 0, 0]]),
                    'bilinear',
                    'constant',
                    0,
                    [24, 24],
                  ),
                  127.5,
                ),
                1,
              )
              .dataSync(),
          );
          expect(maxDifference(ours, theirs)).toBeLessThan(1e-4);
        },
      ),
      { numRuns: 40 },
    );
  });

  it.each([0, 90, 180, 270] as FrameRotationDeg[])(
    'reads a frame turned by %i° as the turned tensor',
    (rotationDeg) => {
      const picture = randomPicture(7, 5, rotationDeg + 1);
      const turned =
        rotationDeg === 90 || rotationDeg === 270
          ? { widthPx: 5, heightPx: 7 }
          : { widthPx: 7, heightPx: 5 };
      const ours = sampleImage(
        picture,
        composeAffine(
          turnedFrameAffine(rotationDeg, picture),
          boxAffine({ yMin: 0, xMin: 0, yMax: 1, xMax: 1 }, turned, turned),
        ),
        turned,
        'bytes',
      );
      const theirs = tf.tidy(() => {
        const image = tensorOf(picture);
        const transposed = tf.transpose(image, [1, 0, 2]);
        const turnedImage =
          rotationDeg === 0
            ? image
            : rotationDeg === 90
              ? tf.reverse(transposed, 1)
              : rotationDeg === 180
                ? tf.reverse(image, [0, 1])
                : tf.reverse(transposed, 0);
        return turnedImage.dataSync();
      });
      expect(Array.from(ours)).toEqual(Array.from(theirs));
    },
  );

  it('inverts a crop: a point mapped there and back lands where it started', () => {
    const m = rectAffine(
      { xCenter: 100, yCenter: 80, width: 90, height: 90, rotation: 0.7 },
      {
        widthPx: 256,
        heightPx: 256,
      },
    );
    const there = applyAffine(m, 31, 200);
    const back = applyAffine(invertAffine(m), there.x, there.y);
    expect(back.x).toBeCloseTo(31, 9);
    expect(back.y).toBeCloseTo(200, 9);
  });
});

/** RGB -> YUV with the forward matrix (limited range), the way a camera encodes. */
function encodeYuv(r: number, g: number, b: number, bt709: boolean): [number, number, number] {
  const [kr, kb] = bt709 ? [0.2126, 0.0722] : [0.299, 0.114];
  const y = kr * r + (1 - kr - kb) * g + kb * b;
  const u = (b - y) / (2 * (1 - kb));
  const v = (r - y) / (2 * (1 - kr));
  return [16 + (219 / 255) * y, 128 + (224 / 255) * u, 128 + (224 / 255) * v];
}

function yuvPicture(
  format: 'I420' | 'NV12',
  rgbAt: (x: number, y: number) => [number, number, number],
  w: number,
  h: number,
  bt709: boolean,
): PixelPlanes {
  const cw = (w + 1) >> 1;
  const ch = (h + 1) >> 1;
  const data = new Uint8Array(w * h + 2 * cw * ch);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) data[y * w + x] = Math.round(encodeYuv(...rgbAt(x, y), bt709)[0]);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const [, u, v] = encodeYuv(...rgbAt(cx * 2, cy * 2), bt709);
      if (format === 'I420') {
        data[w * h + cy * cw + cx] = Math.round(u);
        data[w * h + cw * ch + cy * cw + cx] = Math.round(v);
      } else {
        data[w * h + cy * 2 * cw + 2 * cx] = Math.round(u);
        data[w * h + cy * 2 * cw + 2 * cx + 1] = Math.round(v);
      }
    }
  }
  const planes =
    format === 'I420'
      ? [
          { offset: 0, stride: w },
          { offset: w * h, stride: cw },
          { offset: w * h + cw * ch, stride: cw },
        ]
      : [
          { offset: 0, stride: w },
          { offset: w * h, stride: 2 * cw },
        ];
  return {
    kind: 'planes',
    format,
    widthPx: w,
    heightPx: h,
    data,
    planes,
    yuv: { matrix: bt709 ? 'bt709' : 'bt601', fullRange: false },
  };
}

describe('reading camera (YUV) pictures', () => {
  it.each([
    ['I420', false],
    ['NV12', true],
  ] as const)('turns %s colours back into the RGB they were encoded from', (format, bt709) => {
    // Flat 2 x 2 blocks, so the nearest chroma sample is the pixel's own colour.
    const colours: [number, number, number][] = [
      [200, 30, 40],
      [20, 180, 60],
      [10, 40, 220],
      [128, 128, 128],
      [250, 250, 250],
      [5, 5, 5],
    ];
    const rgbAt = (x: number, y: number) => colours[((x >> 1) + 3 * (y >> 1)) % colours.length]!;
    const picture = yuvPicture(format, rgbAt, 12, 8, bt709);
    const out = { widthPx: 12, heightPx: 8 };
    const sampled = sampleImage(
      picture,
      boxAffine({ yMin: 0, xMin: 0, yMax: 1, xMax: 1 }, picture, out),
      out,
      'bytes',
    );
    for (let y = 0; y < 8; y++) {
      for (let x = 0; x < 12; x++) {
        const i = (y * 12 + x) * 3;
        const [r, g, b] = rgbAt(x, y);
        expect(Math.abs(sampled[i]! - r)).toBeLessThanOrEqual(3);
        expect(Math.abs(sampled[i + 1]! - g)).toBeLessThanOrEqual(3);
        expect(Math.abs(sampled[i + 2]! - b)).toBeLessThanOrEqual(3);
      }
    }
  });

  it('reads points outside the picture as black', () => {
    const picture = yuvPicture('I420', () => [255, 255, 255], 4, 4, false);
    const out = { widthPx: 4, heightPx: 1 };
    const sampled = sampleImage(picture, { a: 1, b: 0, c: 10, d: 0, e: 0, f: 1 }, out, 'unit');
    expect(Array.from(sampled)).toEqual(new Array(12).fill(0));
  });

  it('maps Rec. 601 full-range white and black exactly', () => {
    const k = yuvCoefficients({ matrix: 'bt601', fullRange: true });
    expect(k.ys).toBe(1);
    expect(k.rv).toBeCloseTo(1.402, 3);
    expect(k.bu).toBeCloseTo(1.772, 3);
  });
});
