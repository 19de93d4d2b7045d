import type { Affine, OutputSize } from './affine';
import { isYuvFormat, type PixelPlanes, type YuvEncoding } from './pixelPlanes';

/**
 * Cuts a model's input out of a picture in one pass: for each input pixel, bilinear interpolation
 * of the picture at the point `affine` gives, turned into RGB on the way for YUV pictures.
 *
 * pose-detection turns the whole picture into a float tensor and warps that: on a 480 px camera
 * frame that pixel work cost as much as the BlazePose graph's wait for it (see README, "Where a
 * live frame's time goes"). Reading only the input's pixels costs about a millisecond.
 *
 * Points outside the picture read as black, tap by tap (TF.js's transform with a constant fill of
 * 0; its cropAndResize blacks out a whole pixel instead, which differs only on the edge row).
 */

/**
 * What the model wants: whole 0..255 values truncated as TF's int cast does (MoveNet), or floats
 * scaled to 0..1 (BlazePose's landmark model) or -1..1 (its detector).
 */
export type SampleRange = 'bytes' | 'unit' | 'signedUnit';

export type SampledPixels = Int32Array | Float32Array;

interface RgbOffsets {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly step: number;
}

const FIXED_ONE = 65536;
const FIXED_STEP = 1 / FIXED_ONE;

const INTERLEAVED: Record<'RGB' | 'RGBA' | 'RGBX' | 'BGRA' | 'BGRX', RgbOffsets> = {
  RGB: { r: 0, g: 1, b: 2, step: 3 },
  RGBA: { r: 0, g: 1, b: 2, step: 4 },
  RGBX: { r: 0, g: 1, b: 2, step: 4 },
  BGRA: { r: 2, g: 1, b: 0, step: 4 },
  BGRX: { r: 2, g: 1, b: 0, step: 4 },
};

/** YUV -> RGB: R = ys (Y - y0) + rv V', G = ys (Y - y0) - gu U' - gv V', B = ys (Y - y0) + bu U'. */
interface YuvCoefficients {
  readonly ys: number;
  readonly y0: number;
  readonly rv: number;
  readonly gu: number;
  readonly gv: number;
  readonly bu: number;
}

/** Rec. 601 / 709 inverse matrices; limited range scales Y by 255/219 and chroma by 255/224. */
export function yuvCoefficients(encoding: YuvEncoding): YuvCoefficients {
  const [kr, kb] = encoding.matrix === 'bt709' ? [0.2126, 0.0722] : [0.299, 0.114];
  const kg = 1 - kr - kb;
  const ys = encoding.fullRange ? 1 : 255 / 219;
  const cs = encoding.fullRange ? 1 : 255 / 224;
  return {
    ys,
    y0: encoding.fullRange ? 0 : 16,
    rv: 2 * (1 - kr) * cs,
    gu: ((2 * kb * (1 - kb)) / kg) * cs,
    gv: ((2 * kr * (1 - kr)) / kg) * cs,
    bu: 2 * (1 - kb) * cs,
  };
}

function output(range: SampleRange, length: number, reuse?: SampledPixels): SampledPixels {
  const wanted = range === 'bytes' ? Int32Array : Float32Array;
  if (reuse instanceof wanted && reuse.length === length) return reuse;
  return new wanted(length);
}

/** The 0..255 value scaled for the model: [scale, offset]. */
function rangeScale(range: SampleRange): [number, number] {
  switch (range) {
    case 'bytes':
      return [1, 0];
    case 'unit':
      return [1 / 255, 0];
    case 'signedUnit':
      return [2 / 255, -1];
  }
}

/**
 * The input of size `out` for a model, read from `picture` through `affine`, as rows of RGB
 * triples in `range`; written into `reuse` when it has the right type and length.
 */
export function sampleImage(
  picture: PixelPlanes,
  affine: Affine,
  out: OutputSize,
  range: SampleRange,
  reuse?: SampledPixels,
): SampledPixels {
  const pixels = output(range, out.widthPx * out.heightPx * 3, reuse);
  if (isYuvFormat(picture.format)) sampleYuv(picture, affine, out, range, pixels);
  else sampleInterleaved(picture, INTERLEAVED[picture.format], affine, out, range, pixels);
  return pixels;
}

function sampleInterleaved(
  picture: PixelPlanes,
  layout: RgbOffsets,
  m: Affine,
  out: OutputSize,
  range: SampleRange,
  pixels: SampledPixels,
): void {
  const { widthPx: w, heightPx: h, data } = picture;
  const plane = picture.planes[0] ?? { offset: 0, stride: w * layout.step };
  const { offset, stride } = plane;
  const { r: ro, g: go, b: bo, step } = layout;
  const [scale, shift] = rangeScale(range);
  const truncate = range === 'bytes';
  let o = 0;
  for (let row = 0; row < out.heightPx; row++) {
    let sx = m.b * row + m.c;
    let sy = m.e * row + m.f;
    for (let column = 0; column < out.widthPx; column++, sx += m.a, sy += m.d, o += 3) {
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let red = 0;
      let green = 0;
      let blue = 0;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
        const i00 = offset + y0 * stride + x0 * step;
        const i01 = i00 + step;
        const i10 = i00 + stride;
        const i11 = i10 + step;
        const w00 = (1 - fx) * (1 - fy);
        const w01 = fx * (1 - fy);
        const w10 = (1 - fx) * fy;
        const w11 = fx * fy;
        red =
          w00 * data[i00 + ro]! +
          w01 * data[i01 + ro]! +
          w10 * data[i10 + ro]! +
          w11 * data[i11 + ro]!;
        green =
          w00 * data[i00 + go]! +
          w01 * data[i01 + go]! +
          w10 * data[i10 + go]! +
          w11 * data[i11 + go]!;
        blue =
          w00 * data[i00 + bo]! +
          w01 * data[i01 + bo]! +
          w10 * data[i10 + bo]! +
          w11 * data[i11 + bo]!;
      } else if (x0 >= -1 && y0 >= -1 && x0 < w && y0 < h) {
        for (let ty = 0; ty < 2; ty++) {
          const y = y0 + ty;
          if (y < 0 || y >= h) continue;
          const wy = ty === 0 ? 1 - fy : fy;
          for (let tx = 0; tx < 2; tx++) {
            const x = x0 + tx;
            if (x < 0 || x >= w) continue;
            const weight = wy * (tx === 0 ? 1 - fx : fx);
            const i = offset + y * stride + x * step;
            red += weight * data[i + ro]!;
            green += weight * data[i + go]!;
            blue += weight * data[i + bo]!;
          }
        }
      }
      if (truncate) {
        pixels[o] = red | 0;
        pixels[o + 1] = green | 0;
        pixels[o + 2] = blue | 0;
      } else {
        pixels[o] = red * scale + shift;
        pixels[o + 1] = green * scale + shift;
        pixels[o + 2] = blue * scale + shift;
      }
    }
  }
}

/**
 * YUV 4:2:0: luma is interpolated; chroma, which carries no shape the models use, is read from the
 * nearest chroma sample. (Written for speed: this runs for every model input of a live session.)
 */
function sampleYuv(
  picture: PixelPlanes,
  m: Affine,
  out: OutputSize,
  range: SampleRange,
  pixels: SampledPixels,
): void {
  const { widthPx: w, heightPx: h } = picture;
  const data = picture.data;
  const [lumaPlane, uPlane, vPlane] = picture.planes;
  if (lumaPlane === undefined || uPlane === undefined) {
    throw new Error(`A ${picture.format} picture needs its chroma plane layout.`);
  }
  const nv12 = picture.format === 'NV12';
  // NV12 keeps U and V side by side in one plane.
  const uOffset = uPlane.offset;
  const vOffset = nv12 ? uPlane.offset + 1 : (vPlane?.offset ?? 0);
  const chromaStride = uPlane.stride;
  const chromaStep = nv12 ? 2 : 1;
  if (!nv12 && vPlane?.stride !== chromaStride) {
    throw new Error('An I420 picture whose U and V planes differ in layout is not supported.');
  }
  const cwLast = ((w + 1) >> 1) - 1;
  const chLast = ((h + 1) >> 1) - 1;
  const {
    ys,
    y0: lumaZero,
    rv,
    gu,
    gv,
    bu,
  } = yuvCoefficients(picture.yuv ?? { matrix: 'bt601', fullRange: false });
  const yOffset = lumaPlane.offset;
  const yStride = lumaPlane.stride;
  const [scale, shift] = rangeScale(range);
  const truncate = range === 'bytes';
  // Source positions in 16.16 fixed point: whole and fractional parts by shifts and masks,
  // ~2x faster than Math.floor on floats here (pictures are far below 32768 px).
  const aF = Math.round(m.a * FIXED_ONE);
  const dF = Math.round(m.d * FIXED_ONE);
  const outW = out.widthPx;
  const outH = out.heightPx;
  let o = 0;
  for (let row = 0; row < outH; row++) {
    let sxF = Math.round((m.b * row + m.c) * FIXED_ONE);
    let syF = Math.round((m.e * row + m.f) * FIXED_ONE);
    for (let column = 0; column < outW; column++, sxF += aF, syF += dF, o += 3) {
      const x0 = sxF >> 16;
      const y0 = syF >> 16;
      const fx = (sxF & 0xffff) * FIXED_STEP;
      const fy = (syF & 0xffff) * FIXED_STEP;
      // Luma times weight, and the weight of the taps inside the picture (outside is black).
      let luma = 0;
      let inside = 0;
      if (x0 >= 0 && y0 >= 0 && x0 < w - 1 && y0 < h - 1) {
        const i = yOffset + y0 * yStride + x0;
        const top = data[i]! + fx * (data[i + 1]! - data[i]!);
        const bottom = data[i + yStride]! + fx * (data[i + yStride + 1]! - data[i + yStride]!);
        luma = top + fy * (bottom - top);
        inside = 1;
      } else if (x0 >= -1 && y0 >= -1 && x0 < w && y0 < h) {
        for (let ty = 0; ty < 2; ty++) {
          const y = y0 + ty;
          if (y < 0 || y >= h) continue;
          const wy = ty === 0 ? 1 - fy : fy;
          for (let tx = 0; tx < 2; tx++) {
            const x = x0 + tx;
            if (x < 0 || x >= w) continue;
            const weight = wy * (tx === 0 ? 1 - fx : fx);
            luma += weight * data[yOffset + y * yStride + x]!;
            inside += weight;
          }
        }
        if (inside > 0) luma /= inside;
      }
      let red = 0;
      let green = 0;
      let blue = 0;
      if (inside > 0) {
        let cx = (x0 + (fx >= 0.5 ? 1 : 0)) >> 1;
        let cy = (y0 + (fy >= 0.5 ? 1 : 0)) >> 1;
        cx = cx < 0 ? 0 : cx > cwLast ? cwLast : cx;
        cy = cy < 0 ? 0 : cy > chLast ? chLast : cy;
        const ci = cy * chromaStride + cx * chromaStep;
        const u = data[uOffset + ci]! - 128;
        const v = data[vOffset + ci]! - 128;
        const y = ys * (luma - lumaZero);
        red = y + rv * v;
        green = y - gu * u - gv * v;
        blue = y + bu * u;
        red = (red < 0 ? 0 : red > 255 ? 255 : red) * inside;
        green = (green < 0 ? 0 : green > 255 ? 255 : green) * inside;
        blue = (blue < 0 ? 0 : blue > 255 ? 255 : blue) * inside;
      }
      if (truncate) {
        pixels[o] = red | 0;
        pixels[o + 1] = green | 0;
        pixels[o + 2] = blue | 0;
      } else {
        pixels[o] = red * scale + shift;
        pixels[o + 1] = green * scale + shift;
        pixels[o + 2] = blue * scale + shift;
      }
    }
  }
}

/**
 * Keeps one input array per model input for reuse, where that is safe: the wasm backend copies a
 * new tensor's values into its own memory at once; the GPU backends may keep the array until it
 * is uploaded, so there every input gets a new one. (Saves ~0.8 MB of garbage a BlazePose frame.)
 */
export class InputArrays {
  private readonly arrays = new Map<string, SampledPixels>();

  constructor(private readonly reusable: () => boolean) {}

  sample(
    key: string,
    picture: PixelPlanes,
    affine: Affine,
    out: OutputSize,
    range: SampleRange,
  ): SampledPixels {
    if (!this.reusable()) return sampleImage(picture, affine, out, range);
    const pixels = sampleImage(picture, affine, out, range, this.arrays.get(key));
    this.arrays.set(key, pixels);
    return pixels;
  }
}
