import type { ImageRegion, ImageSize } from '../geometry/types';

/**
 * Where the person lies in a mask, so the mask can be cut to them before it is shrunk.
 *
 * BlazePose segments the person inside its 256 x 256 region of interest and warps that back over
 * the whole frame. Shrinking the whole frame to `MASK_MAX_SIDE_PX` threw most of that away when
 * the person fills little of it: on the eval set's 1920 x 1080 barbell clips the lifter's trunk
 * was ~25 mask pixels long, and on the 360 x 640 kettlebell clips ~34, where the back outline's
 * bow at the rounded line is 2 pixels. Cut to the person first, the same bytes cover only them.
 */

/** Probability (0..1) from which a mask pixel counts as the person when finding them. */
export const PERSON_LEVEL = 0.5;

/**
 * Room left around the person's extent on every side, as a share of its longer side: the mask's
 * soft edge, and a little more so that the back outline's walk outward still ends on background
 * read from the model, not on the cut.
 */
export const REGION_MARGIN = 0.1;

function extent(maxima: ArrayLike<number>, level: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let i = 0; i < maxima.length; i++) {
    if ((maxima[i] ?? 0) >= level) {
      if (first < 0) first = i;
      last = i;
    }
  }
  return first < 0 ? null : [first, last];
}

/**
 * The person's region (whole image pixels, inside the image) from the mask's largest probability
 * in each row (`rowMaxima`, top to bottom) and each column (`columnMaxima`, left to right), or the
 * whole image when no pixel reaches `PERSON_LEVEL`.
 */
export function personRegion(
  rowMaxima: ArrayLike<number>,
  columnMaxima: ArrayLike<number>,
): ImageRegion {
  const size: ImageSize = { widthPx: columnMaxima.length, heightPx: rowMaxima.length };
  const rows = extent(rowMaxima, PERSON_LEVEL);
  const columns = extent(columnMaxima, PERSON_LEVEL);
  if (rows === null || columns === null) return { leftPx: 0, topPx: 0, ...size };
  const margin = REGION_MARGIN * Math.max(rows[1] - rows[0] + 1, columns[1] - columns[0] + 1);
  const leftPx = Math.max(0, Math.floor(columns[0] - margin));
  const topPx = Math.max(0, Math.floor(rows[0] - margin));
  const rightPx = Math.min(size.widthPx, Math.ceil(columns[1] + 1 + margin));
  const bottomPx = Math.min(size.heightPx, Math.ceil(rows[1] + 1 + margin));
  return { leftPx, topPx, widthPx: rightPx - leftPx, heightPx: bottomPx - topPx };
}
