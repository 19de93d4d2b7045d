import type { Pose } from '../../geometry/types';
import type { AngleTool } from '../../review/angleTool';
import { containBox, drawSkeleton, type ContentBox } from '../drawSkeleton';

/** Draws the review overlay: the skeleton of the frame shown, and the angle tool's points. */

export interface OverlayScene {
  readonly pose: Pose | null;
  readonly angle: AngleTool | null;
  readonly angleDeg: number | null;
  /** Size of the pose track's frames: the angle tool's points are in these pixels too. */
  readonly frameWidthPx: number;
  readonly frameHeightPx: number;
}

export function pictureBox(canvas: HTMLCanvasElement, video: HTMLVideoElement): ContentBox {
  return containBox(canvas.clientWidth, canvas.clientHeight, video.videoWidth, video.videoHeight);
}

/** A point on the canvas (CSS px) in frame pixels, or null outside the picture. */
export function canvasToFrame(
  box: ContentBox,
  xPx: number,
  yPx: number,
  scene: Pick<OverlayScene, 'frameWidthPx' | 'frameHeightPx'>,
): { x: number; y: number } | null {
  const u = (xPx - box.x) / box.width;
  const v = (yPx - box.y) / box.height;
  if (u < 0 || u > 1 || v < 0 || v > 1) return null;
  return { x: u * scene.frameWidthPx, y: v * scene.frameHeightPx };
}

function drawAngle(ctx: CanvasRenderingContext2D, box: ContentBox, scene: OverlayScene): void {
  const points = scene.angle?.points ?? [];
  if (points.length === 0) return;
  const at = (p: { x: number; y: number }): [number, number] => [
    box.x + (p.x / scene.frameWidthPx) * box.width,
    box.y + (p.y / scene.frameHeightPx) * box.height,
  ];
  ctx.strokeStyle = 'rgba(138, 180, 255, 1)';
  ctx.fillStyle = 'rgba(138, 180, 255, 1)';
  ctx.lineWidth = 3;
  ctx.beginPath();
  points.forEach((p, i) => (i === 0 ? ctx.moveTo(...at(p)) : ctx.lineTo(...at(p))));
  ctx.stroke();
  for (const p of points) {
    ctx.beginPath();
    ctx.arc(...at(p), 6, 0, 2 * Math.PI);
    ctx.fill();
  }
  const vertex = points[1];
  if (vertex !== undefined && scene.angleDeg !== null) {
    const [x, y] = at(vertex);
    const text = `${scene.angleDeg.toFixed(0)}°`;
    ctx.font = 'bold 18px system-ui, sans-serif';
    const width = ctx.measureText(text).width;
    ctx.fillStyle = 'rgba(16, 22, 29, 0.85)';
    ctx.fillRect(x + 10, y - 26, width + 12, 26);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(text, x + 16, y - 7);
  }
}

/** Redraws everything; returns the confident keypoints drawn (for tests, as a data attribute). */
export function drawOverlay(
  canvas: HTMLCanvasElement,
  video: HTMLVideoElement,
  scene: OverlayScene,
): number {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return 0;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const box = pictureBox(canvas, video);
  const drawn = scene.pose === null ? 0 : drawSkeleton(ctx, scene.pose, box);
  drawAngle(ctx, box, scene);
  return drawn;
}
