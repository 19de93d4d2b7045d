import type { ImageSize, SegmentationMask } from './types';
import type { Side } from './measures';
import type { Vec2 } from './vectors';

/**
 * The back outline from a person mask (BlazePose segmentation), between hip and shoulder.
 *
 * Along the hip -> shoulder chord, at `SAMPLES` stations, it walks from the chord towards the
 * back until it leaves the person, giving the back's distance from the chord at each station.
 * The joints lie inside the body, so even a flat back stands off the chord by half the trunk's
 * depth; what rounding adds is a bulge in the middle. The result is therefore the largest
 * distance of the outline from the straight line through its own two end stations, relative to
 * the chord length: the sagitta ratio of the back's curve. For a back bent into a circular arc
 * of total angle φ it is about tan(φ/4)/2: 0.04 for a normal 30° thoracic curve, 0.09 for 70°,
 * 0.13 for 100°.
 *
 * Cost: at most SAMPLES x (0.6 x chord length) mask reads, about 1,500 on a 256 px mask.
 */

/** Stations from 25% to 95% of the way up from the hip: below, the buttocks bulge; above, the neck. */
const FIRST_STATION = 0.25;
const LAST_STATION = 0.95;
const SAMPLES = 15;
/** Mask value (0..255) above which a pixel is the person: probability 0.5. */
const PERSON_THRESHOLD = 128;
/** Stop looking for the edge this far out (relative to the chord): beyond is not the back. */
const MAX_DEPTH_RATIO = 0.6;
/** Below this chord length in mask pixels the curve is too small to resolve. */
export const MIN_CHORD_MASK_PX = 16;

export interface BackContour {
  /** Largest bulge of the back outline beyond its end-to-end line, relative to the chord. */
  readonly sagittaRatio: number;
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
  start: Vec2,
  direction: Vec2,
  maxDistance: number,
): number {
  if (maskValue(mask, start.x, start.y) < PERSON_THRESHOLD) return NaN;
  let previous = maskValue(mask, start.x, start.y);
  for (let step = 0.5; step <= maxDistance; step += 0.5) {
    const value = maskValue(mask, start.x + direction.x * step, start.y + direction.y * step);
    if (value < PERSON_THRESHOLD) {
      // Interpolate where the probability crosses the threshold between the two samples.
      const fraction = (previous - PERSON_THRESHOLD) / Math.max(1, previous - value);
      return step - 0.5 + 0.5 * Math.min(1, Math.max(0, fraction));
    }
    previous = value;
  }
  return NaN;
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
  // Forward is clockwise of up when the left side faces the camera, so the back is
  // anticlockwise: turning (cx, cy) anticlockwise on screen (y down) gives (cy, -cx).
  const sign = facing === 'left' ? 1 : -1;
  const back: Vec2 = { x: (sign * cy) / chord, y: (-sign * cx) / chord };
  const maxDistance = MAX_DEPTH_RATIO * chord;
  const depths: number[] = [];
  const stations: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = FIRST_STATION + ((LAST_STATION - FIRST_STATION) * i) / (SAMPLES - 1);
    const depth = distanceToEdge(mask, { x: hx + cx * t, y: hy + cy * t }, back, maxDistance);
    if (Number.isFinite(depth)) {
      depths.push(depth);
      stations.push(t);
    }
  }
  const found = depths.length;
  if (found < SAMPLES / 2) return null;
  // End-to-end line of the outline: through the first and last stations found.
  const t0 = stations[0] ?? 0;
  const t1 = stations[found - 1] ?? 1;
  const d0 = depths[0] ?? 0;
  const d1 = depths[found - 1] ?? 0;
  let bulge = 0;
  for (let i = 0; i < found; i++) {
    const t = stations[i] ?? 0;
    const baseline = t1 === t0 ? d0 : d0 + ((d1 - d0) * (t - t0)) / (t1 - t0);
    bulge = Math.max(bulge, (depths[i] ?? 0) - baseline);
  }
  return { sagittaRatio: bulge / chord, coverage: found / SAMPLES, chordMaskPx: chord };
}
