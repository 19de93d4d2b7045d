import { steppedFrameTimeMs } from '../../review/poseTrack';
import { createStore, type Store } from '../../engine/store';
import type { PoseTrack } from '../../review/poseTrack';

/**
 * The state of one clip player, shared by the picture, its controls, the timeline and the notes:
 * where the video is (kept to the frame while playing, from the frame callbacks), whether it
 * plays, and how fast. Screens hold one per player and call its methods.
 */

export interface PlayerTime {
  /** Video time of the frame shown. */
  readonly ms: number;
  readonly durationMs: number;
  readonly playing: boolean;
  readonly rate: number;
}

/** Slow motion for looking at a movement closely; 1 is normal speed. */
export const PLAYBACK_RATES = [0.25, 0.5, 1, 2] as const;

/** A frame step with no analysed frame to land on moves this far (a 30 fps frame). */
const FALLBACK_STEP_MS = 1000 / 30;

export class PlayerModel {
  readonly time: Store<PlayerTime>;
  private video: HTMLVideoElement | null = null;
  private frameCallback: number | null = null;

  constructor(
    readonly track: PoseTrack,
    private readonly knownDurationMs: number,
  ) {
    this.time = createStore<PlayerTime>({
      ms: 0,
      durationMs: knownDurationMs,
      playing: false,
      rate: 1,
    });
  }

  /** Connects the `<video>`; returns what disconnects it. */
  attach(video: HTMLVideoElement): () => void {
    this.video = video;
    const update = (): void => this.update();
    const events = ['play', 'pause', 'seeked', 'timeupdate', 'ratechange', 'durationchange'];
    for (const name of events) video.addEventListener(name, update);
    video.addEventListener('play', this.watchFrames);
    video.addEventListener('loadedmetadata', this.fixUnknownDuration);
    return () => {
      for (const name of events) video.removeEventListener(name, update);
      video.removeEventListener('play', this.watchFrames);
      video.removeEventListener('loadedmetadata', this.fixUnknownDuration);
      if (this.frameCallback !== null) video.cancelVideoFrameCallback(this.frameCallback);
      this.video = null;
    };
  }

  get durationMs(): number {
    return this.time.getSnapshot().durationMs;
  }

  play(): void {
    const video = this.video;
    if (video === null) return;
    if (video.ended || video.currentTime * 1000 >= this.durationMs - 50) video.currentTime = 0;
    video.play().catch(() => undefined);
  }

  pause(): void {
    this.video?.pause();
  }

  toggle(): void {
    if (this.video?.paused === false) this.pause();
    else this.play();
  }

  seek(ms: number): void {
    const video = this.video;
    if (video === null) return;
    const clamped = Math.max(0, Math.min(this.durationMs, ms));
    // A hair past the frame's own time, so float rounding cannot land on the frame before.
    video.currentTime = (clamped + 1) / 1000;
    this.time.update((t) => ({ ...t, ms: clamped }));
  }

  /** One analysed frame on or back (the overlay always has a pose to show); pauses first. */
  step(direction: 1 | -1): void {
    this.pause();
    const now = this.time.getSnapshot().ms;
    const next = steppedFrameTimeMs(this.track, now, direction);
    this.seek(next ?? now + direction * FALLBACK_STEP_MS);
  }

  setRate(rate: number): void {
    if (this.video !== null) this.video.playbackRate = rate;
  }

  private update(): void {
    const video = this.video;
    if (video === null) return;
    const reported = video.duration * 1000;
    this.time.update((t) => {
      const next: PlayerTime = {
        ms: video.paused ? video.currentTime * 1000 : t.ms,
        durationMs: Number.isFinite(reported) && reported > 0 ? reported : this.knownDurationMs,
        playing: !video.paused,
        rate: video.playbackRate,
      };
      return next.ms === t.ms &&
        next.durationMs === t.durationMs &&
        next.playing === t.playing &&
        next.rate === t.rate
        ? t
        : next;
    });
  }

  /** While playing, the time follows the frames shown, so the overlay keeps to the picture. */
  private readonly watchFrames = (): void => {
    const video = this.video;
    if (video === null || this.frameCallback !== null) return;
    const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
      this.frameCallback = null;
      if (this.video !== video) return;
      this.time.update((t) => ({ ...t, ms: metadata.mediaTime * 1000 }));
      if (!video.paused) this.frameCallback = video.requestVideoFrameCallback(onFrame);
    };
    this.frameCallback = video.requestVideoFrameCallback(onFrame);
  };

  /**
   * Recordings made in the browser (MediaRecorder's WebM) do not say how long they are, and a
   * video of unknown length cannot be scrubbed. Asking for a time far past the end makes the
   * browser find the end; then back to the start.
   */
  private readonly fixUnknownDuration = (): void => {
    const video = this.video;
    if (video === null || Number.isFinite(video.duration)) return;
    const back = (): void => {
      if (!Number.isFinite(video.duration)) return;
      video.removeEventListener('durationchange', back);
      video.currentTime = 0;
    };
    video.addEventListener('durationchange', back);
    video.currentTime = 1e101;
  };
}
