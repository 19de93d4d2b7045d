import type { KeypointName, Pose } from '../geometry/types';
import { looksLikePerson } from '../geometry/personFound';
import { FAINT_BELOW_SCORE, SKELETON_EDGES } from './skeleton';

export interface ContentBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where a video's picture sits inside its element under `object-fit: contain`. */
export function containBox(
  elementWidth: number,
  elementHeight: number,
  mediaWidth: number,
  mediaHeight: number,
): ContentBox {
  if (mediaWidth === 0 || mediaHeight === 0) {
    return { x: 0, y: 0, width: elementWidth, height: elementHeight };
  }
  const scale = Math.min(elementWidth / mediaWidth, elementHeight / mediaHeight);
  const width = mediaWidth * scale;
  const height = mediaHeight * scale;
  return { x: (elementWidth - width) / 2, y: (elementHeight - height) / 2, width, height };
}

function onLeg(name: KeypointName, side: 'left' | 'right'): boolean {
  return name.startsWith(side) && /hip|knee|ankle|heel|foot/.test(name);
}

/**
 * Draws the pose into `box` (pose image coordinates scaled to fit), the working leg in the
 * highlight colour and low-confidence joints faint. Returns the confident points drawn (none for a
 * pose that does not look like a person).
 */
export function drawSkeleton(
  ctx: CanvasRenderingContext2D,
  pose: Pose,
  box: ContentBox,
  highlightLeg: 'left' | 'right' | null = null,
): number {
  // An empty room's ghost (too few trusted points) is not drawn: no skeleton over the furniture.
  if (!looksLikePerson(pose)) return 0;
  const sx = box.width / pose.imageSize.widthPx;
  const sy = box.height / pose.imageSize.heightPx;
  const at = (x: number, y: number): [number, number] => [box.x + x * sx, box.y + y * sy];
  ctx.lineWidth = 4;
  ctx.lineCap = 'round';
  for (const [a, b] of SKELETON_EDGES) {
    const p = pose.keypoints[a];
    const q = pose.keypoints[b];
    if (p === undefined || q === undefined) continue;
    const faint = Math.min(p.score, q.score) < FAINT_BELOW_SCORE;
    const working = highlightLeg !== null && onLeg(a, highlightLeg) && onLeg(b, highlightLeg);
    ctx.strokeStyle = faint
      ? 'rgba(255, 255, 255, 0.25)'
      : working
        ? 'rgba(255, 170, 60, 1)'
        : 'rgba(80, 220, 160, 0.95)';
    ctx.lineWidth = working ? 6 : 4;
    ctx.beginPath();
    ctx.moveTo(...at(p.x, p.y));
    ctx.lineTo(...at(q.x, q.y));
    ctx.stroke();
  }
  let drawn = 0;
  for (const keypoint of Object.values(pose.keypoints)) {
    const faint = keypoint.score < FAINT_BELOW_SCORE;
    ctx.fillStyle = faint ? 'rgba(255, 255, 255, 0.3)' : 'rgba(255, 214, 102, 1)';
    ctx.beginPath();
    ctx.arc(...at(keypoint.x, keypoint.y), faint ? 3 : 5, 0, 2 * Math.PI);
    ctx.fill();
    if (!faint) drawn++;
  }
  return drawn;
}
