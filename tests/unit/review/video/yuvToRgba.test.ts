import { describe, expect, it } from 'vitest';
import {
  yuvToRgba,
  type QuarterTurn,
  type YuvColour,
  type YuvPicture,
} from '../../../../src/review/video/yuvToRgba';

const LIMITED_601: YuvColour = { matrix: 'bt601', fullRange: false };

/** An I420 picture from a function giving each pixel's Y, U, V (chroma read at even pixels). */
function i420(
  widthPx: number,
  heightPx: number,
  pixel: (x: number, y: number) => readonly [number, number, number],
  stridePad = 0,
): YuvPicture {
  const yStride = widthPx + stridePad;
  const cw = Math.ceil(widthPx / 2);
  const ch = Math.ceil(heightPx / 2);
  const cStride = cw + stridePad;
  const uOffset = yStride * heightPx;
  const vOffset = uOffset + cStride * ch;
  const data = new Uint8Array(vOffset + cStride * ch);
  for (let y = 0; y < heightPx; y++)
    for (let x = 0; x < widthPx; x++) data[y * yStride + x] = pixel(x, y)[0];
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++) {
      const [, u, v] = pixel(x * 2, y * 2);
      data[uOffset + y * cStride + x] = u;
      data[vOffset + y * cStride + x] = v;
    }
  return {
    format: 'I420',
    data,
    planes: [
      { offset: 0, stride: yStride },
      { offset: uOffset, stride: cStride },
      { offset: vOffset, stride: cStride },
    ],
    widthPx,
    heightPx,
  };
}

/** The same picture with U and V interleaved. */
function asNv12(picture: YuvPicture): YuvPicture {
  const [yPlane, uPlane, vPlane] = picture.planes;
  if (yPlane === undefined || uPlane === undefined || vPlane === undefined) throw new Error();
  const cw = Math.ceil(picture.widthPx / 2);
  const ch = Math.ceil(picture.heightPx / 2);
  const uvOffset = yPlane.stride * picture.heightPx;
  const data = new Uint8Array(uvOffset + cw * 2 * ch);
  data.set(picture.data.subarray(0, uvOffset));
  for (let y = 0; y < ch; y++)
    for (let x = 0; x < cw; x++) {
      data[uvOffset + y * cw * 2 + x * 2] = picture.data[uPlane.offset + y * uPlane.stride + x]!;
      data[uvOffset + y * cw * 2 + x * 2 + 1] =
        picture.data[vPlane.offset + y * vPlane.stride + x]!;
    }
  return {
    ...picture,
    format: 'NV12',
    data,
    planes: [yPlane, { offset: uvOffset, stride: cw * 2 }],
  };
}

function convert(
  picture: YuvPicture,
  rotation: QuarterTurn,
  w: number,
  h: number,
  colour = LIMITED_601,
) {
  const out = new Uint8ClampedArray(w * h * 4);
  yuvToRgba(picture, colour, rotation, w, h, out);
  return out;
}

function rgbAt(out: Uint8ClampedArray, w: number, x: number, y: number): number[] {
  const i = (y * w + x) * 4;
  return [out[i]!, out[i + 1]!, out[i + 2]!];
}

const WHITE = [235, 128, 128] as const;
const BLACK = [16, 128, 128] as const;

describe('yuvToRgba', () => {
  it('converts studio-range BT.601 white, black and red', () => {
    const picture = i420(4, 2, (x) => (x < 2 ? WHITE : [81, 90, 240]));
    const out = convert(picture, 0, 4, 2);
    expect(rgbAt(out, 4, 0, 0)).toEqual([255, 255, 255]);
    const red = rgbAt(out, 4, 3, 1);
    expect(red[0]).toBeGreaterThan(250);
    expect(red[1]).toBeLessThan(5);
    expect(red[2]).toBeLessThan(5);
    const black = convert(
      i420(2, 2, () => BLACK),
      0,
      2,
      2,
    );
    expect(rgbAt(black, 2, 1, 1)).toEqual([0, 0, 0]);
  });

  it('reads full-range pictures as full range', () => {
    const out = convert(
      i420(2, 2, () => [255, 128, 128]),
      0,
      2,
      2,
      {
        matrix: 'bt709',
        fullRange: true,
      },
    );
    expect(rgbAt(out, 2, 0, 0)).toEqual([255, 255, 255]);
  });

  // A 16 x 8 picture, white in its top-left 4 x 4 corner only; where that corner lands once turned.
  const corner = i420(16, 8, (x, y) => (x < 4 && y < 4 ? WHITE : BLACK));
  it.each([
    {
      rotation: 0,
      w: 8,
      h: 4,
      white: [0, 0],
      black: [
        [7, 0],
        [0, 3],
        [7, 3],
      ],
    },
    // A quarter clockwise: the top-left corner goes to the top right.
    {
      rotation: 90,
      w: 4,
      h: 8,
      white: [3, 0],
      black: [
        [0, 0],
        [0, 7],
        [3, 7],
      ],
    },
    {
      rotation: 180,
      w: 8,
      h: 4,
      white: [7, 3],
      black: [
        [0, 0],
        [7, 0],
        [0, 3],
      ],
    },
    {
      rotation: 270,
      w: 4,
      h: 8,
      white: [0, 7],
      black: [
        [0, 0],
        [3, 0],
        [3, 7],
      ],
    },
  ] as const)('turns $rotation° and halves the size', ({ rotation, w, h, white, black }) => {
    const out = convert(corner, rotation, w, h);
    expect(rgbAt(out, w, white[0], white[1])).toEqual([255, 255, 255]);
    for (const [x, y] of black) expect(rgbAt(out, w, x, y)).toEqual([0, 0, 0]);
  });

  it('reads NV12 as it reads the same picture in I420, and ignores row padding', () => {
    const gradient = (x: number, y: number) => [16 + x * 9, 100 + y * 5, 150 - x * 3] as const;
    const padded = i420(20, 12, gradient, 13);
    const plain = i420(20, 12, gradient);
    const a = convert(plain, 90, 6, 10);
    expect(convert(asNv12(plain), 90, 6, 10)).toEqual(a);
    expect(convert(padded, 90, 6, 10)).toEqual(a);
  });

  it('averages inside the part of the picture each output pixel stands for', () => {
    // Stripes two pixels wide, white and black: a 4x shrink shows grey, not one of the two.
    // (Stripes one pixel wide would alias: the samples are a whole number of pixels apart.)
    const stripes = i420(32, 32, (x) => (x % 4 < 2 ? WHITE : BLACK));
    const out = convert(stripes, 0, 8, 8);
    const [r] = rgbAt(out, 8, 3, 3);
    expect(r).toBeGreaterThan(100);
    expect(r).toBeLessThan(160);
  });

  it('every output pixel is opaque', () => {
    const out = convert(corner, 270, 4, 8);
    for (let i = 3; i < out.length; i += 4) expect(out[i]).toBe(255);
  });
});
