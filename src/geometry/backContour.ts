import type { ImageSize, SegmentationMask } from './types';
import type { Side } from './measures';
import type { Vec2 } from './vectors';

/**
 * The back outline from a person mask (BlazePose segmentation), between hip and shoulder.
 *
 * At `STATIONS` stations along the hip -> shoulder chord it walks from the chord towards the back
 * until it leaves the person, giving the back's depth behind the chord at each station. The
 * joints lie inside the body, so even a flat back stands off the chord by part of the trunk's
 * depth, and by different amounts at the pelvis and the shoulder blades; what rounding changes is
 * the outline's curvature. The measure is therefore the bulge of the middle third of the outline
 * over the mean of its outer thirds, relative to the chord length.
 *
 * For a back bent into one circular arc of total angle φ over the stations, the outline's offset
 * is ~4·s·u·(1 - u) with sagitta s = tan(φ/4)/2 of the chord, and this bulge is
 * `BULGE_PER_SAGITTA`·s (see `curlBulgeRatio`): 0.043 at φ = 40°, 0.066 at 60°, 0.10 at 90°. A
 * neutral spine is an S (lumbar lordosis against thoracic kyphosis) whose net bulge is near zero.
 *
 * Stations run from 10% to 110% of the chord from the hip: the shoulder joint sits in front of
 * the shoulder blades, so the upper back's hump lies at and just beyond it.
 * Cost: at most STATIONS x (0.8 x chord) mask reads, about 1,000 for a trunk 60 mask pixels long.
 */

const FIRST_STATION = 0.1;
const LAST_STATION = 1.1;
const STATIONS = 21;
/**
 * Middle-third mean minus outer-thirds mean of 4u(1-u) sampled at the 21 stations (0.96 - 0.47);
 * 0.444 in the continuous limit.
 */
export const BULGE_PER_SAGITTA = 0.49;

/** The bulge ratio of a back curled into one arc of `curlDeg` in total. */
export function curlBulgeRatio(curlDeg: number): number {
  return (BULGE_PER_SAGITTA * Math.tan((curlDeg * Math.PI) / 180 / 4)) / 2;
}

/** Mask value (0..255) above which a pixel is the person: probability 0.5. */
const PERSON_THRESHOLD = 128;
/** Stop looking for the edge this far out (relative to the chord): beyond is not the back. */
const MAX_DEPTH_RATIO = 0.8;
/** Below this chord length in mask pixels the curve is too small to resolve. */
export const MIN_CHORD_MASK_PX = 16;

/**
 * Whether any of `points` (image pixels; elbows and wrists) lies behind the trunk between the
 * stations: an arm there (hands on the floor behind, as in the staff pose) merges with the back
 * in the mask and would be read as a hump. An arm hanging beside the trunk projects inside it, so
 * only points more than `ARM_BEHIND_MIN_RATIO` of the chord behind the chord count.
 */
export function armBehindBack(
  points: readonly Vec2[],
  hip: Vec2,
  shoulder: Vec2,
  facing: Side,
): boolean {
  const cx = shoulder.x - hip.x;
  const cy = shoulder.y - hip.y;
  const chordSquared = cx * cx + cy * cy;
  if (chordSquared === 0) return false;
  const sign = facing === 'right' ? 1 : -1;
  for (const point of points) {
    const px = point.x - hip.x;
    const py = point.y - hip.y;
    const t = (px * cx + py * cy) / chordSquared;
    // Positive towards the back: the same anticlockwise normal as in measureBackContour.
    const behind = (sign * (px * cy - py * cx)) / chordSquared;
    if (behind > ARM_BEHIND_MIN_RATIO && t >= 0 && t <= LAST_STATION) return true;
  }
  return false;
}

/** A tenth of the trunk length behind the hip-shoulder line is behind the back's midline. */
const ARM_BEHIND_MIN_RATIO = 0.1;

export interface BackContour {
  /** Bulge of the outline's middle third over its outer thirds, relative to the chord. */
  readonly bulgeRatio: number;
  /** Share of stations where the edge was found (0..1). */
  readonly coverage: number;
  /** Chord length in mask pixels (resolution of the measure). */
  readonly chordMaskPx: number;
}

function maskValue(mask: SegmentationMask, x: number, y: number): number {
  const px = Math.floor(x);
  const py = Math.floor(y);
  if (px < 0 || py < 0 || px >= mask.widthPx || py >= mask.heightPx) return 0;
  return mask.data[py * mask.widthPx + px] ?? 0;
}

/** Distance from `start` along `direction` (unit) to the mask's edge, or NaN if not found. */
function distanceToEdge(
  mask: SegmentationMask,
  startX: number,
  startY: number,
  direction: Vec2,
  maxDistance: number,
): number {
  let previous = maskValue(mask, startX, startY);
  if (previous < PERSON_THRESHOLD) return NaN;
  // One-pixel steps: the mask is nearest-sampled, and the crossing is interpolated below.
  for (let step = 1; step <= maxDistance; step += 1) {
    const value = maskValue(mask, startX + direction.x * step, startY + direction.y * step);
    if (value < PERSON_THRESHOLD) {
      // Interpolate where the probability crosses the threshold between the two samples.
      const fraction = (previous - PERSON_THRESHOLD) / Math.max(1, previous - value);
      return step - 1 + Math.min(1, Math.max(0, fraction));
    }
    previous = value;
  }
  return NaN;
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * Measures the back outline. `hip` and `shoulder` are in image pixels; `facing` is the side
 * facing the camera, which says where the back is (see facing.ts). Returns null when the chord is
 * too short to resolve or fewer than half the stations find an edge.
 */
export function measureBackContour(
  mask: SegmentationMask,
  imageSize: ImageSize,
  hip: Vec2,
  shoulder: Vec2,
  facing: Side,
): BackContour | null {
  const scaleX = mask.widthPx / imageSize.widthPx;
  const scaleY = mask.heightPx / imageSize.heightPx;
  const hx = hip.x * scaleX;
  const hy = hip.y * scaleY;
  const cx = shoulder.x * scaleX - hx;
  const cy = shoulder.y * scaleY - hy;
  const chord = Math.hypot(cx, cy);
  if (!(chord >= MIN_CHORD_MASK_PX)) return null;
  // Forward is clockwise of up when the right side faces the camera, so the back is
  // anticlockwise: turning (cx, cy) anticlockwise on screen (y down) gives (cy, -cx).
  const sign = facing === 'right' ? 1 : -1;
  const back: Vec2 = { x: (sign * cy) / chord, y: (-sign * cx) / chord };
  const maxDistance = MAX_DEPTH_RATIO * chord;
  const thirds: [number[], number[], number[]] = [[], [], []];
  let found = 0;
  for (let i = 0; i < STATIONS; i++) {
    const t = FIRST_STATION + ((LAST_STATION - FIRST_STATION) * i) / (STATIONS - 1);
    const depth = distanceToEdge(mask, hx + cx * t, hy + cy * t, back, maxDistance);
    if (!Number.isFinite(depth)) continue;
    found++;
    const third = i < STATIONS / 3 ? thirds[0] : i < (2 * STATIONS) / 3 ? thirds[1] : thirds[2];
    third.push(depth);
  }
  const [low, middle, high] = thirds;
  if (found < STATIONS / 2 || low.length === 0 || middle.length === 0 || high.length === 0) {
    return null;
  }
  const bulge = mean(middle) - (mean(low) + mean(high)) / 2;
  return { bulgeRatio: bulge / chord, coverage: found / STATIONS, chordMaskPx: chord };
}
