/**
 * A picture's pixels as the memory that holds them: interleaved RGB(A) or BGRA, or YUV planes
 * (I420, NV12) as cameras and video decoders give them. The estimator reads crops straight from
 * this (see sampleImage.ts), so a camera picture is never turned into RGB as a whole.
 */

export const PLANE_FORMATS = ['RGB', 'RGBA', 'RGBX', 'BGRA', 'BGRX', 'I420', 'NV12'] as const;
export type PlaneFormat = (typeof PLANE_FORMATS)[number];

export interface PlaneLayout {
  /** Byte where the plane's first row starts. */
  readonly offset: number;
  /** Bytes from one row to the next. */
  readonly stride: number;
}

/** How YUV values become RGB: the matrix (Rec. 601 or 709) and whether Y spans 0..255. */
export interface YuvEncoding {
  readonly matrix: 'bt601' | 'bt709';
  readonly fullRange: boolean;
}

export interface PixelPlanes {
  readonly kind: 'planes';
  readonly format: PlaneFormat;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly data: Uint8Array | Uint8ClampedArray;
  /**
   * One layout for interleaved formats; Y, U, V for I420; Y, then interleaved UV for NV12 (the
   * chroma planes have half the width and height, rounded up).
   */
  readonly planes: readonly PlaneLayout[];
  /** YUV formats only. */
  readonly yuv?: YuvEncoding;
}

export function isYuvFormat(format: PlaneFormat): format is 'I420' | 'NV12' {
  return format === 'I420' || format === 'NV12';
}

/** Interleaved RGB or RGBA rows with no padding: what ImageData and decoded stills hold. */
export function interleavedPlanes(
  widthPx: number,
  heightPx: number,
  channels: 3 | 4,
  data: Uint8Array | Uint8ClampedArray,
): PixelPlanes {
  if (data.length < widthPx * heightPx * channels) {
    throw new Error(
      `A ${widthPx} x ${heightPx} picture needs ${widthPx * heightPx * channels} bytes; got ${data.length}.`,
    );
  }
  return {
    kind: 'planes',
    format: channels === 3 ? 'RGB' : 'RGBA',
    widthPx,
    heightPx,
    data,
    planes: [{ offset: 0, stride: widthPx * channels }],
  };
}

/**
 * For a frame that states no colour space: the usual convention, Rec. 601 for standard
 * definition and Rec. 709 from 720 lines up, limited range. (A wrong guess shifts hues slightly;
 * the pose models do not depend on exact colour.)
 */
export function defaultYuvEncoding(heightPx: number): YuvEncoding {
  return { matrix: heightPx >= 720 ? 'bt709' : 'bt601', fullRange: false };
}
