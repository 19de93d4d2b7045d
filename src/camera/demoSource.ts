import type { KeypointName, Pose } from '../geometry/types';
import { grabLiveFrame } from './liveFrame';
import type { FrameSource, LiveFrame, SourceEndReason } from './types';

/** Limbs to paint, near side last so it covers the far side. */
const LIMBS: readonly (readonly [KeypointName, KeypointName])[] = [
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
];

export interface DemoSourceOptions {
  /** The demo person's pose at engine time `nowMs` (image pixels of `widthPx` x `heightPx`). */
  readonly poseAt: (nowMs: number) => Pose | null;
  readonly now: () => number;
  readonly widthPx: number;
  readonly heightPx: number;
}

/**
 * The bundled demo's "camera": paints the simulated person onto a canvas every animation frame
 * and plays it through the video element, so the rest of the app treats it like a webcam.
 */
export class DemoSource implements FrameSource {
  readonly kind = 'demo' as const;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private frame = 0;
  private stream: MediaStream | null = null;
  private endedListener: ((reason: SourceEndReason) => void) | null = null;
  private stopping = false;

  constructor(
    readonly video: HTMLVideoElement,
    private readonly options: DemoSourceOptions,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = options.widthPx;
    this.canvas.height = options.heightPx;
    const ctx = this.canvas.getContext('2d');
    if (ctx === null) throw new Error('This browser cannot draw the demo.');
    this.ctx = ctx;
  }

  async start(): Promise<void> {
    this.paint();
    const loop = (): void => {
      this.paint();
      this.frame = requestAnimationFrame(loop);
    };
    this.frame = requestAnimationFrame(loop);
    this.stopping = false;
    this.stream = this.canvas.captureStream(30);
    // Like a camera, the picture can end under us (the tab's capture stopped): say so.
    for (const track of this.stream.getVideoTracks()) {
      track.addEventListener('ended', () => {
        if (!this.stopping) this.endedListener?.('track-ended');
      });
    }
    this.video.muted = true;
    this.video.playsInline = true;
    this.video.srcObject = this.stream;
    await this.video.play();
  }

  grabFrame(maxSidePx: number, nowMs: number): Promise<LiveFrame | null> {
    return grabLiveFrame(this.canvas, this.canvas.width, this.canvas.height, maxSidePx, nowMs);
  }

  stop(): void {
    this.stopping = true;
    cancelAnimationFrame(this.frame);
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.video.srcObject = null;
  }

  onEnded(listener: (reason: SourceEndReason) => void): void {
    this.endedListener = listener;
  }

  private paint(): void {
    const { ctx } = this;
    const { widthPx: w, heightPx: h } = this.options;
    const sky = ctx.createLinearGradient(0, 0, 0, h);
    sky.addColorStop(0, '#dfe8ef');
    sky.addColorStop(1, '#b9c7d2');
    ctx.fillStyle = sky;
    ctx.fillRect(0, 0, w, h);
    const pose = this.options.poseAt(this.options.now());
    const floorY = pose === null ? h * 0.9 : floorLine(pose);
    ctx.fillStyle = '#8d7b68';
    ctx.fillRect(0, floorY, w, h - floorY);
    ctx.fillStyle = '#3a4753';
    ctx.font = '600 16px system-ui, sans-serif';
    ctx.fillText('Demo: a simulated person', 12, 24);
    if (pose !== null) paintPerson(ctx, pose, floorY);
  }
}

function floorLine(pose: Pose): number {
  const ys = ['left_ankle', 'right_ankle'].map((n) => pose.keypoints[n as KeypointName]?.y ?? 0);
  return Math.max(...ys) + 14;
}

function paintPerson(ctx: CanvasRenderingContext2D, pose: Pose, floorY: number): void {
  const at = (name: KeypointName): { x: number; y: number } | null => pose.keypoints[name] ?? null;
  const size = pose.imageSize.heightPx;
  // The step under the raised heel: the lower of the two ankles is the standing foot.
  const ankles = [at('left_ankle'), at('right_ankle')].filter((p) => p !== null);
  const raised = ankles.reduce((a, b) => (a.y < b.y ? a : b), ankles[0] ?? { x: 0, y: floorY });
  ctx.fillStyle = '#5b4a3a';
  ctx.fillRect(raised.x - size * 0.07, raised.y + 10, size * 0.14, floorY - raised.y - 10);

  const limb = (a: KeypointName, b: KeypointName, width: number, colour: string): void => {
    const p = at(a);
    const q = at(b);
    if (p === null || q === null) return;
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(q.x, q.y);
    ctx.stroke();
  };
  const near =
    pose.keypoints.left_shoulder !== undefined &&
    pose.keypoints.left_shoulder.score > (pose.keypoints.right_shoulder?.score ?? 0)
      ? 'left'
      : 'right';
  const far = near === 'left' ? 'right' : 'left';
  const limbWidth = size * 0.045;
  for (const [a, b] of LIMBS.filter(([a]) => a.startsWith(far))) limb(a, b, limbWidth, '#2f4f6a');
  limb(`${near}_shoulder`, `${near}_hip`, size * 0.1, '#3d6b8f');
  for (const [a, b] of LIMBS.filter(([a]) => a.startsWith(near))) limb(a, b, limbWidth, '#4f86b0');
  const head = at('left_ear') ?? at('right_ear') ?? at('nose');
  if (head !== null) {
    ctx.fillStyle = '#e0b896';
    ctx.beginPath();
    ctx.arc(head.x, head.y, size * 0.05, 0, 2 * Math.PI);
    ctx.fill();
  }
}
