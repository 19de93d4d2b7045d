import type { ImageRegion, ImageSize } from '../geometry/types';

/**
 * Where the person lies in a mask, so the mask handed on covers only them.
 *
 * BlazePose segments the person inside its 256 x 256 region of interest. A mask over the whole
 * frame shrunk to `MASK_MAX_SIDE_PX` threw most of that away when the person fills little of it:
 * on the eval set's 1920 x 1080 barbell clips the lifter's trunk was ~25 mask pixels long, and on
 * the 360 x 640 kettlebell clips ~34, where the back outline's bow at the rounded line is 2
 * pixels. Over the person's region only, the same bytes cover only them.
 */

/** Probability (0..1) from which a mask pixel counts as the person when finding them. */
export const PERSON_LEVEL = 0.5;

/**
 * Room left around the person's extent on every side, as a share of its longer side: the mask's
 * soft edge, and a little more so that the back outline's walk outward still ends on background
 * read from the model, not on the cut.
 */
export const REGION_MARGIN = 0.1;

/** First and last pixel rows and columns the person covers (whole image pixels). */
export interface PersonExtent {
  readonly rows: readonly [number, number];
  readonly columns: readonly [number, number];
}

/**
 * The person's region (whole image pixels, inside the image): `extent` with a margin of
 * `REGION_MARGIN` of its longer side, or the whole image when nobody was found.
 */
export function regionAround(extent: PersonExtent | null, size: ImageSize): ImageRegion {
  if (extent === null) return { leftPx: 0, topPx: 0, ...size };
  const { rows, columns } = extent;
  const margin = REGION_MARGIN * Math.max(rows[1] - rows[0] + 1, columns[1] - columns[0] + 1);
  const leftPx = Math.max(0, Math.floor(columns[0] - margin));
  const topPx = Math.max(0, Math.floor(rows[0] - margin));
  const rightPx = Math.min(size.widthPx, Math.ceil(columns[1] + 1 + margin));
  const bottomPx = Math.min(size.heightPx, Math.ceil(rows[1] + 1 + margin));
  return { leftPx, topPx, widthPx: rightPx - leftPx, heightPx: bottomPx - topPx };
}
