/**
 * Shrinks a decoded YUV picture straight to the small RGBA frame the model reads, turning it
 * upright on the way. Pure: a loop over the output pixels only.
 *
 * Why not `createImageBitmap(videoFrame, { resizeWidth, ... })`: Chromium converts the whole
 * picture to RGB first. Measured in headless Chromium on a 1080 x 1920 clip: 11-12 ms of the page's
 * time per frame whatever the resize quality, against the model's ~29 ms, on a machine whose two
 * cores also decode. Here each output pixel averages four luma samples (a 2 x 2 grid a quarter of
 * the way into the part of the picture it stands for, which softens aliasing; detail one pixel
 * fine can still alias, and is far below what the model sees) and reads one pair of chroma
 * samples: a 270 x 480 frame is about 130,000 pixels, whatever size the video is.
 */

export type YuvFormat = 'I420' | 'NV12';

/** A clockwise turn a player applies to a stored picture (phones store portrait clips lying down). */
export type QuarterTurn = 0 | 90 | 180 | 270;

export interface PlaneLayout {
  readonly offset: number;
  readonly stride: number;
}

export interface YuvPicture {
  readonly format: YuvFormat;
  readonly data: Uint8Array;
  /** Y, then U and V (I420) or interleaved UV (NV12). */
  readonly planes: readonly PlaneLayout[];
  readonly widthPx: number;
  readonly heightPx: number;
}

/** How YUV values map to RGB: which standard, and whether 16-235 (limited) or 0-255 (full). */
export interface YuvColour {
  readonly matrix: 'bt601' | 'bt709';
  readonly fullRange: boolean;
}

interface Coefficients {
  readonly rv: number;
  readonly gu: number;
  readonly gv: number;
  readonly bu: number;
}

/** R = Y' + rv·V, G = Y' − gu·U − gv·V, B = Y' + bu·U (U, V centred on 0, full range). */
const COEFFICIENTS: Readonly<Record<YuvColour['matrix'], Coefficients>> = {
  bt601: { rv: 1.402, gu: 0.344136, gv: 0.714136, bu: 1.772 },
  bt709: { rv: 1.5748, gu: 0.187324, gv: 0.468124, bu: 1.8556 },
};

function clampByte(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : value;
}

/**
 * Where along one axis of the stored picture each output pixel along `count` samples: two luma
 * positions a quarter cell either side of the centre, and the chroma position. `reversed` reads
 * the axis from its far end (a turn flips it).
 */
function axisSamples(
  count: number,
  sourceLength: number,
  reversed: boolean,
): { readonly near: Int32Array; readonly far: Int32Array; readonly chroma: Int32Array } {
  const near = new Int32Array(count);
  const far = new Int32Array(count);
  const chroma = new Int32Array(count);
  const cell = sourceLength / count;
  const last = sourceLength - 1;
  const chromaLast = Math.ceil(sourceLength / 2) - 1;
  for (let i = 0; i < count; i++) {
    const fraction = (i + 0.5) / count;
    const centre = (reversed ? 1 - fraction : fraction) * sourceLength;
    near[i] = Math.min(last, Math.max(0, Math.floor(centre - cell / 4)));
    far[i] = Math.min(last, Math.max(0, Math.floor(centre + cell / 4)));
    chroma[i] = Math.min(chromaLast, Math.floor(centre / 2));
  }
  return { near, far, chroma };
}

/** Multiplies every entry (positions along a column become offsets of rows). */
function scaled(values: Int32Array, by: number): Int32Array {
  return values.map((value) => value * by);
}

/**
 * Writes the picture, turned by `rotation` and scaled to `outWidthPx` x `outHeightPx` (the turned
 * size), into `out` as RGBA.
 */
export function yuvToRgba(
  picture: YuvPicture,
  colour: YuvColour,
  rotation: QuarterTurn,
  outWidthPx: number,
  outHeightPx: number,
  out: Uint8ClampedArray,
): void {
  const { data, widthPx, heightPx } = picture;
  const yPlane = picture.planes[0];
  const uPlane = picture.planes[1];
  const vPlane = picture.format === 'I420' ? picture.planes[2] : picture.planes[1];
  if (yPlane === undefined || uPlane === undefined || vPlane === undefined)
    throw new Error(`A ${picture.format} picture needs its planes.`);
  if (vPlane.stride !== uPlane.stride) throw new Error('U and V planes of different strides.');
  const { rv, gu, gv, bu } = COEFFICIENTS[colour.matrix];
  const yScale = colour.fullRange ? 1 : 255 / 219;
  const yOffset = colour.fullRange ? 0 : 16;
  const cScale = colour.fullRange ? 1 : 255 / 224;
  // NV12 keeps U and V side by side: a chroma column is two bytes, V one after U.
  const chromaStep = picture.format === 'NV12' ? 2 : 1;
  const vFromU = picture.format === 'NV12' ? 1 : vPlane.offset - uPlane.offset;

  // Byte offsets from the output column (index x) and the output row (index y), so that a luma
  // sample is data[yPlane.offset + byColumn[x] + byRow[y]]. Without a quarter turn, output columns
  // run along the picture's columns; with one, along its rows.
  const turned = rotation === 90 || rotation === 270;
  // Picture axis that output columns run along, and whether it is read from its far end.
  const alongX = turned
    ? axisSamples(outWidthPx, heightPx, rotation === 90)
    : axisSamples(outWidthPx, widthPx, rotation === 180);
  const alongY = turned
    ? axisSamples(outHeightPx, widthPx, rotation === 270)
    : axisSamples(outHeightPx, heightPx, rotation === 180);
  const lumaX = turned
    ? { near: scaled(alongX.near, yPlane.stride), far: scaled(alongX.far, yPlane.stride) }
    : alongX;
  const lumaY = turned
    ? alongY
    : { near: scaled(alongY.near, yPlane.stride), far: scaled(alongY.far, yPlane.stride) };
  const chromaX = turned ? scaled(alongX.chroma, uPlane.stride) : scaled(alongX.chroma, chromaStep);
  const chromaY = turned ? scaled(alongY.chroma, chromaStep) : scaled(alongY.chroma, uPlane.stride);

  let o = 0;
  for (let y = 0; y < outHeightPx; y++) {
    const rowNear = yPlane.offset + (lumaY.near[y] ?? 0);
    const rowFar = yPlane.offset + (lumaY.far[y] ?? 0);
    const chromaRow = uPlane.offset + (chromaY[y] ?? 0);
    for (let x = 0; x < outWidthPx; x++) {
      const near = lumaX.near[x] ?? 0;
      const far = lumaX.far[x] ?? 0;
      const luma =
        ((data[rowNear + near] ?? 0) +
          (data[rowNear + far] ?? 0) +
          (data[rowFar + near] ?? 0) +
          (data[rowFar + far] ?? 0)) *
        0.25;
      const at = chromaRow + (chromaX[x] ?? 0);
      const yy = (luma - yOffset) * yScale;
      const uu = ((data[at] ?? 128) - 128) * cScale;
      const vv = ((data[at + vFromU] ?? 128) - 128) * cScale;
      out[o] = clampByte(yy + rv * vv);
      out[o + 1] = clampByte(yy - gu * uu - gv * vv);
      out[o + 2] = clampByte(yy + bu * uu);
      out[o + 3] = 255;
      o += 4;
    }
  }
}
