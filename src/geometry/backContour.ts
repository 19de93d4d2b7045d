import type { ImageSize, SegmentationMask } from './types';
import type { Side } from './measures';
import type { Vec2 } from './vectors';

/**
 * The back outline from a person mask (BlazePose segmentation), between hip and shoulder.
 *
 * At `STATIONS` stations along the hip -> shoulder chord it walks from the chord towards the back
 * until it leaves the person, giving the back's depth behind the chord at each station. The
 * joints lie inside the body, so even a flat back stands off the chord by part of the trunk's
 * depth, and by different amounts at the pelvis and the shoulder blades (a straight outline at a
 * slant to the chord); what rounding changes is the outline's curvature. The measure is therefore
 * the outline's curl: a least-squares parabola through the depths, whose sagitta s over the span
 * S between the first and last station is turned into the angle φ = 4·atan(2s/S) through which a
 * circular arc with that sagitta turns. Positive = bowed out behind (the back curled forward),
 * negative = hollow (a lordosis the outline keeps, or a back arched in downward dog).
 *
 * Stations run from 10% to 110% of the chord from the hip, about L5 to C7: the hip keypoint is the
 * femoral head, a little below the lumbosacral joint, and the shoulder keypoint is the humeral
 * head, in front of and below the top of the thoracic curve, so the upper back's hump lies at and
 * just beyond it. The neck and head beyond are left out: a head let hang is not a rounded back.
 *
 * A least-squares fit rather than the outline's largest gap to the chord: one mask pixel out of
 * place moves a single depth, and a fit through 21 of them barely; depths far off a first fit (a
 * hand on the back, a loose shirt's fold) are left out of a second. Cost: at most STATIONS x
 * (0.8 x chord) mask reads, about 1,000 for a trunk 60 mask pixels long, and two 3 x 3 solves.
 */

/** Where the stations start and end, as fractions of the hip -> shoulder chord from the hip. */
export const FIRST_STATION = 0.1;
export const LAST_STATION = 1.1;
const STATIONS = 21;

/** The outline curl of a back bent into one circular arc of `curlDeg` in total (for tests). */
export function curlSagittaRatio(curlDeg: number): number {
  return Math.tan((curlDeg * Math.PI) / 180 / 4) / 2;
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
  /**
   * How far the outline between the stations turns, as the arc a circle with the fitted
   * parabola's sagitta would make (degrees). Positive = bowed out behind (curled forward).
   */
  readonly curlDeg: number;
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

/** A least-squares parabola d = a + b·u + c·u², or null if the points do not pin one down. */
interface Parabola {
  readonly a: number;
  readonly b: number;
  readonly c: number;
}

/** Determinant of the 3 x 3 matrix given row by row. */
function det3(
  a: number,
  b: number,
  c: number,
  d: number,
  e: number,
  f: number,
  g: number,
  h: number,
  i: number,
): number {
  return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
}

/**
 * Fits a parabola to the depths (NaN = no edge at that station; u = i / (n - 1)), leaving out
 * stations `skip` marks, by Cramer's rule on the normal equations.
 */
function fitParabola(depths: Float64Array, skip: Uint8Array | null): Parabola | null {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let d0 = 0;
  let d1 = 0;
  let d2 = 0;
  const last = depths.length - 1;
  for (let i = 0; i <= last; i++) {
    const d = depths[i] ?? NaN;
    if (Number.isNaN(d) || (skip !== null && skip[i] === 1)) continue;
    const u = i / last;
    const u2 = u * u;
    s0 += 1;
    s1 += u;
    s2 += u2;
    s3 += u2 * u;
    s4 += u2 * u2;
    d0 += d;
    d1 += d * u;
    d2 += d * u2;
  }
  // Normal equations [s0 s1 s2; s1 s2 s3; s2 s3 s4] [a b c]' = [d0 d1 d2]'.
  const det = det3(s0, s1, s2, s1, s2, s3, s2, s3, s4);
  if (!(Math.abs(det) > 1e-9)) return null;
  const a = det3(d0, s1, s2, d1, s2, s3, d2, s3, s4) / det;
  const b = det3(s0, d0, s2, s1, d1, s3, s2, d2, s4) / det;
  const c = det3(s0, s1, d0, s1, s2, d1, s2, s3, d2) / det;
  return { a, b, c };
}

/**
 * Stations lying further than this from the first fit are left out of the second: a hand on the
 * back, a fold of a loose shirt or a strand of hair moves one or two depths by many pixels, where
 * the mask's own steps move them by about one.
 */
const OUTLIER_MIN_PX = 2;
/** ... or further than this many times the median distance, whichever is larger. */
const OUTLIER_MEDIAN_FACTOR = 3;

/** Marks stations far off `fit` (see OUTLIER_MIN_PX); null when none is. */
function outliers(depths: Float64Array, fit: Parabola): Uint8Array | null {
  const last = depths.length - 1;
  const residuals: number[] = [];
  for (let i = 0; i <= last; i++) {
    const d = depths[i] ?? NaN;
    if (Number.isNaN(d)) continue;
    const u = i / last;
    residuals.push(Math.abs(d - (fit.a + fit.b * u + fit.c * u * u)));
  }
  const sorted = [...residuals].sort((x, y) => x - y);
  const medianResidual = sorted[sorted.length >> 1] ?? 0;
  const limit = Math.max(OUTLIER_MIN_PX, OUTLIER_MEDIAN_FACTOR * medianResidual);
  let skip: Uint8Array | null = null;
  for (let i = 0; i <= last; i++) {
    const d = depths[i] ?? NaN;
    if (Number.isNaN(d)) continue;
    const u = i / last;
    if (Math.abs(d - (fit.a + fit.b * u + fit.c * u * u)) > limit) {
      skip ??= new Uint8Array(depths.length);
      skip[i] = 1;
    }
  }
  return skip;
}

/**
 * Largest change of depth between neighbouring stations kept in the fit, relative to the chord,
 * that a back can make. Stations lie 5% of the chord apart, so a step of 15% is a slope of 72° to
 * the chord: on a 50 cm trunk, 7.5 cm of depth within 2.5 cm along it. A back's outline never
 * turns that sharply; the edge of something else does: an arm or a bar merged with the person,
 * a second person, a hole in the mask. On the eval set such outlines read curls of 200° and more.
 * One station thrown off is left out of the fit before this check (see `outliers`); a step that
 * persists makes the outline not one surface, and it is not measured.
 */
const MAX_STEP_RATIO = 0.15;

/** Whether two neighbouring stations kept in the fit (found, not skipped) differ by more than `maxStepPx`. */
function hasStep(depths: Float64Array, skip: Uint8Array | null, maxStepPx: number): boolean {
  let previous = NaN;
  for (let i = 0; i < depths.length; i++) {
    const d = depths[i] ?? NaN;
    if (Number.isNaN(d) || (skip !== null && skip[i] === 1)) continue;
    if (Math.abs(d - previous) > maxStepPx) return true;
    previous = d;
  }
  return false;
}

/**
 * Measures the back outline. `hip` and `shoulder` are in image pixels; `facing` is the side
 * facing the camera, which says where the back is (see facing.ts). Returns null when the chord is
 * too short to resolve, fewer than half the stations find an edge, or the outline steps (see
 * `MAX_STEP_RATIO`).
 */
export function measureBackContour(
  mask: SegmentationMask,
  imageSize: ImageSize,
  hip: Vec2,
  shoulder: Vec2,
  facing: Side,
): BackContour | null {
  const region = mask.region ?? { leftPx: 0, topPx: 0, ...imageSize };
  const scaleX = mask.widthPx / region.widthPx;
  const scaleY = mask.heightPx / region.heightPx;
  const hx = (hip.x - region.leftPx) * scaleX;
  const hy = (hip.y - region.topPx) * scaleY;
  const cx = (shoulder.x - region.leftPx) * scaleX - hx;
  const cy = (shoulder.y - region.topPx) * scaleY - hy;
  const chord = Math.hypot(cx, cy);
  if (!(chord >= MIN_CHORD_MASK_PX)) return null;
  // Forward is clockwise of up when the right side faces the camera, so the back is
  // anticlockwise: turning (cx, cy) anticlockwise on screen (y down) gives (cy, -cx).
  const sign = facing === 'right' ? 1 : -1;
  const back: Vec2 = { x: (sign * cy) / chord, y: (-sign * cx) / chord };
  const maxDistance = MAX_DEPTH_RATIO * chord;
  const depths = new Float64Array(STATIONS);
  const perThird = [0, 0, 0];
  let found = 0;
  for (let i = 0; i < STATIONS; i++) {
    const t = FIRST_STATION + ((LAST_STATION - FIRST_STATION) * i) / (STATIONS - 1);
    const depth = distanceToEdge(mask, hx + cx * t, hy + cy * t, back, maxDistance);
    depths[i] = depth;
    if (!Number.isFinite(depth)) continue;
    found++;
    const third = Math.min(2, Math.floor((3 * i) / STATIONS));
    perThird[third] = (perThird[third] ?? 0) + 1;
  }
  // Each third must have an edge, or the parabola's ends are extrapolated.
  if (found < STATIONS / 2 || perThird.some((n) => n === 0)) return null;
  const first = fitParabola(depths, null);
  if (first === null) return null;
  const skip = outliers(depths, first);
  const fit = (skip === null ? first : fitParabola(depths, skip)) ?? first;
  if (hasStep(depths, skip, MAX_STEP_RATIO * chord)) return null;
  const sagittaPx = -fit.c / 4;
  const spanPx = (LAST_STATION - FIRST_STATION) * chord;
  const curlDeg = (4 * Math.atan((2 * sagittaPx) / spanPx) * 180) / Math.PI;
  return { curlDeg, coverage: found / STATIONS, chordMaskPx: chord };
}
