import { toCameraError } from './cameraErrors';
import { grabLiveFrame } from './liveFrame';
import { CameraError, type FrameSource, type LiveFrame, type SourceEndReason } from './types';

export interface CameraDevice {
  readonly deviceId: string;
  readonly label: string;
}

/** Cameras the browser lists; labels are empty until the user has granted access once. */
export async function listCameras(): Promise<CameraDevice[]> {
  if (navigator.mediaDevices?.enumerateDevices === undefined) return [];
  const devices = await navigator.mediaDevices.enumerateDevices();
  return devices
    .filter((d) => d.kind === 'videoinput')
    .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` }));
}

/** Live frames from a webcam via getUserMedia. */
export class WebcamSource implements FrameSource {
  readonly kind = 'webcam' as const;
  readonly video: HTMLVideoElement;
  private stream: MediaStream | null = null;
  private endedListener: ((reason: SourceEndReason) => void) | null = null;
  private stopping = false;

  constructor(
    video: HTMLVideoElement,
    private readonly deviceId?: string,
  ) {
    this.video = video;
  }

  async start(): Promise<void> {
    if (!window.isSecureContext) {
      throw new CameraError(
        'insecure-context',
        'The camera only works on a secure page (https or localhost).',
      );
    }
    if (navigator.mediaDevices?.getUserMedia === undefined) {
      throw new CameraError('unsupported', 'This browser cannot open a camera.');
    }
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: {
          ...(this.deviceId !== undefined ? { deviceId: { exact: this.deviceId } } : {}),
          width: { ideal: 1280 },
          height: { ideal: 720 },
        },
      });
    } catch (error) {
      throw toCameraError(error);
    }
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
    if (this.video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return Promise.resolve(null);
    return grabLiveFrame(
      this.video,
      this.video.videoWidth,
      this.video.videoHeight,
      maxSidePx,
      nowMs,
    );
  }

  stop(): void {
    this.stopping = true;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    this.video.srcObject = null;
  }

  onEnded(listener: (reason: SourceEndReason) => void): void {
    this.endedListener = listener;
  }

  /** The label of the camera in use, once it is open. */
  get label(): string {
    return this.stream?.getVideoTracks()[0]?.label ?? '';
  }
}
