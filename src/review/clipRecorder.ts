import {
  BufferTarget,
  canEncodeVideo,
  MediaStreamVideoTrackSource,
  Mp4OutputFormat,
  Output,
  Quality,
  WebMOutputFormat,
  type VideoCodec,
} from 'mediabunny';

/**
 * Records the camera's picture during a live session, only when the user asks, as a file that
 * states its length and can be sought at once: MP4 (H.264) where the browser encodes it, else
 * WebM (VP9 or VP8) with a cue per keyframe. Mediabunny takes the frames from the stream, encodes
 * them with WebCodecs and writes the file (MediaRecorder's WebM states no length and has no cues,
 * so a player had to hunt for its end and seeks read from the start). Video only: the microphone
 * is never part of the stream handed over, so no sound is recorded. The clip is kept in memory
 * until it stops; the engine then stores it (or, when storage is full, offers it as a download).
 *
 * Time 0 of the clip is its first frame, and `startedAtMs` is that frame's time on the page clock
 * (the clock the pose track's frames are timed by), so the pose track lines up with the video.
 */

/**
 * About 1 Mbit/s: a 640 x 480 picture of a person stretching stays sharp enough to see a rounded
 * back, and a 10-minute session makes a ~75 MB clip.
 */
export const CLIP_VIDEO_BITS_PER_SECOND = 1_000_000;

/**
 * A keyframe every second: a seek decodes at most a second of video (30 frames of 640 x 480,
 * a few tens of ms), for ~5% more bytes than the encoders' default of one every 2-5 s.
 */
const KEYFRAME_INTERVAL_S = 1;

/** How often the size so far is reported: the budget is watched against it. */
const PROGRESS_EVERY_MS = 1_000;

/** First choice first: MP4 plays everywhere; WebM where the browser has no H.264 encoder. */
const FORMATS: readonly { readonly codec: VideoCodec; readonly container: 'mp4' | 'webm' }[] = [
  { codec: 'avc', container: 'mp4' },
  { codec: 'vp9', container: 'webm' },
  { codec: 'vp8', container: 'webm' },
];

/** Whether this browser can encode video at all (each codec is checked when a clip starts). */
export function clipRecordingSupported(): boolean {
  return typeof VideoEncoder !== 'undefined';
}

/** The first format of `FORMATS` this browser encodes at `widthPx` x `heightPx`, or null. */
export async function pickClipFormat(
  widthPx: number,
  heightPx: number,
): Promise<(typeof FORMATS)[number] | null> {
  for (const format of FORMATS) {
    const supported = await canEncodeVideo(format.codec, {
      width: widthPx,
      height: heightPx,
      bitrate: CLIP_VIDEO_BITS_PER_SECOND,
    }).catch(() => false);
    if (supported) return format;
  }
  return null;
}

export interface ClipRecorderOptions {
  /** Called as the clip grows (bytes so far), about once a second. */
  readonly onProgress?: (bytes: number) => void;
  /** The recorder stopped by itself (the camera went away); the clip so far is kept. */
  readonly onStoppedByItself?: () => void;
  readonly now?: () => number;
}

export class ClipRecorder {
  private readonly track: MediaStreamVideoTrack;
  private readonly now: () => number;
  private output: Output<Mp4OutputFormat | WebMOutputFormat, BufferTarget> | null = null;
  private bytes = 0;
  private lastProgressMs = -Infinity;
  private stopping: Promise<Blob> | null = null;
  private stoppedAtMs: number | null = null;
  private lastFrameEndS = 0;
  /** `video/mp4` or `video/webm`, once started. */
  mimeType = '';
  /** Page clock at the clip's first frame: its time 0. Null until a frame is recorded. */
  startedAtMs: number | null = null;

  /** Records the video track of `stream` (never its audio). */
  constructor(
    stream: MediaStream,
    private readonly options: ClipRecorderOptions = {},
  ) {
    const track = stream.getVideoTracks()[0];
    if (track === undefined) throw new Error('There is no picture to record.');
    this.track = track;
    this.now = options.now ?? (() => performance.now());
  }

  get recordedBytes(): number {
    return this.bytes;
  }

  get recording(): boolean {
    return this.output?.state === 'started' && this.stopping === null;
  }

  /** Length so far (or in all, once stopped). */
  durationMs(nowMs: number): number {
    if (this.startedAtMs === null) return 0;
    return (this.stoppedAtMs ?? nowMs) - this.startedAtMs;
  }

  /** Starts; resolves once the recording runs (its frames then come as the camera gives them). */
  async start(): Promise<void> {
    const settings = this.track.getSettings();
    const format = await pickClipFormat(settings.width ?? 640, settings.height ?? 480);
    if (format === null) throw new Error('This browser cannot encode video.');
    const output = new Output({
      format:
        format.container === 'mp4'
          ? new Mp4OutputFormat({ fastStart: 'in-memory' })
          : new WebMOutputFormat(),
      target: new BufferTarget(),
    });
    const source = new MediaStreamVideoTrackSource(
      this.track,
      {
        codec: format.codec,
        quality: new Quality({ bitrate: CLIP_VIDEO_BITS_PER_SECOND }),
        keyFrameInterval: KEYFRAME_INTERVAL_S,
        // A live camera: an overloaded encoder drops a frame rather than falling behind.
        latencyMode: 'realtime',
        onEncodedSample: (sample) => {
          // The first frame is timed 0; the page clock now is its time (to a few ms).
          this.startedAtMs ??= this.now() - sample.timestamp * 1000;
        },
        onEncodedPacket: (packet) =>
          this.onPacket(packet.byteLength, packet.timestamp + packet.duration),
      },
      // Each frame as the camera gives it, at its own time: no frames made up to fill a rate.
      { frameRate: null },
    );
    source.errorPromise.catch(() => this.stopByItself());
    this.track.addEventListener('ended', this.stopByItself);
    output.addVideoTrack(source);
    this.output = output;
    this.mimeType = format.container === 'mp4' ? 'video/mp4' : 'video/webm';
    try {
      await output.start();
    } catch (error) {
      this.track.removeEventListener('ended', this.stopByItself);
      throw new Error(
        `Recording could not start: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Stops and resolves with the whole clip (also after the recorder stopped by itself). */
  stop(): Promise<Blob> {
    this.stopping ??= this.finish();
    return this.stopping;
  }

  private async finish(): Promise<Blob> {
    this.track.removeEventListener('ended', this.stopByItself);
    const output = this.output;
    if (output === null) return new Blob([], { type: this.mimeType });
    try {
      if (output.state === 'started') await output.finalize();
    } catch {
      // The encoder failed (the camera's frames stopped making sense): nothing whole to keep.
      await output.cancel();
      return new Blob([], { type: this.mimeType });
    }
    // The clip ends where its last frame does (frames come at the camera's pace, not the page's).
    this.stoppedAtMs =
      this.startedAtMs === null ? this.now() : this.startedAtMs + this.lastFrameEndS * 1000;
    const buffer = output.target.buffer;
    return new Blob(buffer === null ? [] : [buffer], { type: this.mimeType });
  }

  private onPacket(byteLength: number, endS: number): void {
    this.bytes += byteLength;
    this.lastFrameEndS = Math.max(this.lastFrameEndS, endS);
    const atMs = this.now();
    if (atMs - this.lastProgressMs < PROGRESS_EVERY_MS) return;
    this.lastProgressMs = atMs;
    this.options.onProgress?.(this.bytes);
  }

  private readonly stopByItself = (): void => {
    if (this.stopping !== null) return;
    void this.stop();
    this.options.onStoppedByItself?.();
  };
}
