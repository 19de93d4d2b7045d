import type { ImageRegion, ImageSize, SegmentationMask } from '../../geometry/types';
import { applyAffine, invertAffine } from '../pixels/affine';
import { PERSON_LEVEL, regionAround, type PersonExtent } from '../maskRegion';
import type { RegionMask } from './blazePoseTracker';

/**
 * Longest side of the mask handed on, in pixels. The back outline needs the body's silhouette,
 * not full-resolution edges, and a small mask keeps the per-frame copy out of the worker cheap
 * (at most 256 x 256 bytes). The mask covers only the person (see maskRegion.ts), so these pixels
 * are spent on them however small they are in the frame.
 */
export const MASK_MAX_SIDE_PX = 256;

/**
 * pose-detection's segmentation smoothing (BLAZEPOSE_SEGMENTATION_SMOOTHING_CONFIG, after
 * MediaPipe's SegmentationSmoothingCalculator): how much of the previous mask an uncertain pixel
 * keeps.
 */
const COMBINE_WITH_PREVIOUS = 0.7;

/** The smoothed mask as probabilities on its grid: what the next frame is smoothed against. */
export interface PersonMaskMemory {
  readonly region: ImageRegion;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly probability: Float32Array;
}

/**
 * MediaPipe's uncertainty of a probability p, 1 - (1 - H(p))^2 with H the binary entropy, by the
 * polynomial in (p - 0.5)^2 it uses: 1 at p = 0.5, 0 at p = 0 or 1.
 */
function uncertainty(p: number): number {
  const x = (p - 0.5) * (p - 0.5);
  const c = x * (5.68842 + x * (-0.748699 + x * (-57.8051 + x * (291.309 + x * -624.717))));
  return 1 - Math.min(1, c);
}

/** Bilinear read of a row-major grid at (x, y), pixel centres at whole numbers, 0 outside. */
function readGrid(grid: Float32Array, w: number, h: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) return 0;
  const fx = x - x0;
  const fy = y - y0;
  let sum = 0;
  for (let ty = 0; ty < 2; ty++) {
    const yy = y0 + ty;
    if (yy < 0 || yy >= h) continue;
    const wy = ty === 0 ? 1 - fy : fy;
    for (let tx = 0; tx < 2; tx++) {
      const xx = x0 + tx;
      if (xx < 0 || xx >= w) continue;
      sum += wy * (tx === 0 ? 1 - fx : fx) * grid[yy * w + xx]!;
    }
  }
  return sum;
}

/** The frame pixels the mask's person-level pixels fall on, or null if there are none. */
function personExtent(mask: RegionMask): PersonExtent | null {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  const { a, b, c, d, e, f } = mask.maskToFrame;
  for (let my = 0; my < mask.heightPx; my++) {
    for (let mx = 0; mx < mask.widthPx; mx++) {
      if (mask.probability[my * mask.widthPx + mx]! < PERSON_LEVEL) continue;
      const x = a * mx + b * my + c;
      const y = d * mx + e * my + f;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  if (xMin > xMax) return null;
  return {
    rows: [Math.floor(yMin), Math.ceil(yMax)],
    columns: [Math.floor(xMin), Math.ceil(xMax)],
  };
}

/**
 * The person mask over the person's region of the frame, at most `MASK_MAX_SIDE_PX` on its longer
 * side, smoothed against the previous frame's as pose-detection smooths its whole-frame mask
 * (`previous` null: the first frame of a track). Mask pixel (mx, my) lies at frame pixel
 * (left + mx * regionWidth / width, top + my * regionHeight / height), as SegmentationMask says.
 */
export function personMask(
  mask: RegionMask,
  frame: ImageSize,
  previous: PersonMaskMemory | null,
): [PersonMaskMemory, SegmentationMask] {
  const region = regionAround(personExtent(mask), frame);
  const scale = Math.min(1, MASK_MAX_SIDE_PX / Math.max(region.widthPx, region.heightPx));
  const widthPx = Math.max(1, Math.round(region.widthPx * scale));
  const heightPx = Math.max(1, Math.round(region.heightPx * scale));
  const stepX = region.widthPx / widthPx;
  const stepY = region.heightPx / heightPx;
  const toMask = invertAffine(mask.maskToFrame);
  const probability = new Float32Array(widthPx * heightPx);
  const data = new Uint8Array(widthPx * heightPx);
  for (let row = 0; row < heightPx; row++) {
    const y = region.topPx + row * stepY;
    for (let column = 0; column < widthPx; column++) {
      const x = region.leftPx + column * stepX;
      const at = applyAffine(toMask, x, y);
      let p = readGrid(mask.probability, mask.widthPx, mask.heightPx, at.x, at.y);
      if (previous !== null) {
        const before = readGrid(
          previous.probability,
          previous.widthPx,
          previous.heightPx,
          ((x - previous.region.leftPx) * previous.widthPx) / previous.region.widthPx,
          ((y - previous.region.topPx) * previous.heightPx) / previous.region.heightPx,
        );
        p += (before - p) * uncertainty(p) * COMBINE_WITH_PREVIOUS;
      }
      const i = row * widthPx + column;
      probability[i] = p;
      data[i] = Math.round(Math.min(1, Math.max(0, p)) * 255);
    }
  }
  return [
    { region, widthPx, heightPx, probability },
    { widthPx, heightPx, data, region },
  ];
}

/**
 * Turns a track's region masks into person masks, smoothing each against the one before within a
 * track. Masks must be given in frame order.
 */
export class PersonMaskSmoother {
  private memory: PersonMaskMemory | null = null;

  finish(mask: RegionMask, frame: ImageSize, newTrack: boolean): SegmentationMask {
    const [memory, segmentation] = personMask(mask, frame, newTrack ? null : this.memory);
    this.memory = memory;
    return segmentation;
  }

  reset(): void {
    this.memory = null;
  }
}
