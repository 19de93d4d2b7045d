/**
 * Records the camera's picture during a live session (MediaRecorder, WebM), only when the user
 * asks. Video only: the microphone is never part of the stream handed over, so no sound is
 * recorded. The recording is kept in memory in one-second pieces until it stops; the engine then
 * stores it (or, when storage is full, offers it as a download).
 */

/**
 * About 1 Mbit/s: a 640 x 480 picture of a person stretching stays sharp enough to see a rounded
 * back, and a 10-minute session makes a ~75 MB clip.
 */
export const CLIP_VIDEO_BITS_PER_SECOND = 1_000_000;

/** Pieces of a second: the size can be watched against the budget as the clip grows. */
const TIMESLICE_MS = 1_000;

/** WebM first (every Chromium and Firefox record it); MP4 where only that is offered (Safari). */
const MIME_TYPES = [
  'video/webm;codecs=vp9',
  'video/webm;codecs=vp8',
  'video/webm',
  'video/mp4;codecs=avc1',
  'video/mp4',
];

export function clipRecordingSupported(): boolean {
  return typeof MediaRecorder !== 'undefined' && pickClipMimeType() !== null;
}

export function pickClipMimeType(): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  return MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

export interface ClipRecorderOptions {
  /** Called as the clip grows (bytes so far), about once a second. */
  readonly onProgress?: (bytes: number) => void;
  /** The recorder stopped by itself (the camera went away); the clip so far is kept. */
  readonly onStoppedByItself?: () => void;
  readonly now?: () => number;
}

export class ClipRecorder {
  private readonly recorder: MediaRecorder;
  private readonly pieces: Blob[] = [];
  private bytes = 0;
  private stopping: Promise<Blob> | null = null;
  private stoppedAtMs: number | null = null;
  /** Page clock when the first frame was recorded: the clip's time 0. */
  startedAtMs: number | null = null;

  /** Records the video tracks of `stream` (never its audio). */
  constructor(
    stream: MediaStream,
    private readonly options: ClipRecorderOptions = {},
  ) {
    const mimeType = pickClipMimeType();
    if (mimeType === null) throw new Error('This browser cannot record video.');
    const videoOnly = new MediaStream(stream.getVideoTracks());
    this.recorder = new MediaRecorder(videoOnly, {
      mimeType,
      videoBitsPerSecond: CLIP_VIDEO_BITS_PER_SECOND,
    });
    this.recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size === 0) return;
      this.pieces.push(event.data);
      this.bytes += event.data.size;
      this.options.onProgress?.(this.bytes);
    });
  }

  get mimeType(): string {
    return this.recorder.mimeType;
  }

  get recordedBytes(): number {
    return this.bytes;
  }

  get recording(): boolean {
    return this.recorder.state === 'recording';
  }

  /** Length so far (or in all, once stopped). */
  durationMs(nowMs: number): number {
    if (this.startedAtMs === null) return 0;
    return (this.stoppedAtMs ?? nowMs) - this.startedAtMs;
  }

  /** Starts; resolves once the recorder runs (its time 0 is then `startedAtMs`). */
  start(): Promise<void> {
    const now = this.options.now ?? (() => performance.now());
    return new Promise((resolve, reject) => {
      const onStart = (): void => {
        this.startedAtMs = now();
        this.recorder.removeEventListener('error', onError);
        resolve();
      };
      const onError = (event: Event): void => {
        this.recorder.removeEventListener('start', onStart);
        reject(new Error(`Recording could not start: ${describeRecorderError(event)}`));
      };
      this.recorder.addEventListener('start', onStart, { once: true });
      this.recorder.addEventListener('error', onError, { once: true });
      this.recorder.addEventListener('stop', () => {
        this.stoppedAtMs ??= now();
        if (this.stopping === null) this.options.onStoppedByItself?.();
      });
      this.recorder.start(TIMESLICE_MS);
    });
  }

  /** Stops and resolves with the whole clip (also after the recorder stopped by itself). */
  stop(): Promise<Blob> {
    this.stopping ??= new Promise<Blob>((resolve) => {
      const whole = (): Blob => new Blob(this.pieces, { type: this.recorder.mimeType });
      if (this.recorder.state === 'inactive') {
        resolve(whole());
        return;
      }
      // The last piece arrives (dataavailable) before 'stop'.
      this.recorder.addEventListener('stop', () => resolve(whole()), { once: true });
      this.recorder.stop();
    });
    return this.stopping;
  }
}

function describeRecorderError(event: Event): string {
  const error = (event as Event & { error?: unknown }).error;
  return error instanceof Error ? error.message : 'unknown error';
}
