import { PART } from '../scene/parts';
import type { LandmarkName } from '../scene/landmarkNames';

/**
 * Which id-pass parts count as "its own surface" for each landmark: a landmark is visible when
 * the pixel it projects to shows one of these, occluded when it shows anything else (another
 * limb, the other side of the head or trunk, a prop, the passer-by). Joints lie inside the body,
 * so their own limb's skin or clothes is what the camera sees in front of them; the joint between
 * two segments belongs to both.
 */
const OWN: Readonly<Record<string, readonly number[]>> = {
  head: [PART.headLeft, PART.headRight],
  left_head: [PART.headLeft],
  right_head: [PART.headRight],
  left_shoulder: [PART.trunkLeft, PART.upperArmLeft],
  right_shoulder: [PART.trunkRight, PART.upperArmRight],
  left_elbow: [PART.upperArmLeft, PART.forearmLeft],
  right_elbow: [PART.upperArmRight, PART.forearmRight],
  left_hand: [PART.forearmLeft],
  right_hand: [PART.forearmRight],
  left_hip: [PART.trunkLeft, PART.thighLeft],
  right_hip: [PART.trunkRight, PART.thighRight],
  left_knee: [PART.thighLeft, PART.shinLeft],
  right_knee: [PART.thighRight, PART.shinRight],
  left_foot: [PART.shinLeft, PART.footLeft],
  right_foot: [PART.shinRight, PART.footRight],
};

function zoneOf(name: LandmarkName): readonly number[] {
  if (name === 'nose') return OWN['head'] ?? [];
  const side = name.startsWith('left') || name === 'mouth_left' ? 'left' : 'right';
  if (/eye|ear|mouth/.test(name)) return OWN[`${side}_head`] ?? [];
  if (/wrist|pinky|index|thumb/.test(name)) return OWN[`${side}_hand`] ?? [];
  if (/ankle|heel|foot_index/.test(name)) return OWN[`${side}_foot`] ?? [];
  const joint = name.replace(/^(left|right)_/, '');
  return OWN[`${side}_${joint}`] ?? [];
}

/** `ids` top row first; (x, y) image pixels. True when the surface there is not its own. */
export function isOccluded(
  name: LandmarkName,
  x: number,
  y: number,
  ids: Uint8Array,
  widthPx: number,
  heightPx: number,
): boolean {
  const px = Math.min(widthPx - 1, Math.max(0, Math.floor(x)));
  const py = Math.min(heightPx - 1, Math.max(0, Math.floor(y)));
  const part = ids[py * widthPx + px] ?? 0;
  return !zoneOf(name).includes(part);
}
