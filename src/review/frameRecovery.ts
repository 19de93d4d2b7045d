import {
  afterRecoverySeek,
  nextRecoveryStep,
  type FrameShown,
  type RecoveryState,
} from './missedFrames';

/**
 * One recovery of frames a playing video went past unseen: pauses the video and seeks as
 * missedFrames.ts decides, taking the frames it finds, then hands back to playback.
 */

/** What the recovery needs of the sampler. */
export interface RecoveryHost {
  readonly video: HTMLVideoElement;
  /** Take the frame on show (it is due). */
  take(mediaMs: number): void;
  /** The next due time, as the recovery moved it. */
  setDueMs(dueMs: number): void;
  /** A frame shown during the recovery: the new baseline for spotting skips. */
  noteShown(frame: FrameShown): void;
  /** Play on; `gaveUp`: something may be lost. */
  finished(gaveUp: boolean): void;
}

/**
 * After 'seeked', a new picture gets its frame callback within a frame or two; none by then
 * means the seek landed on the picture already on show.
 */
const SAME_PICTURE_AFTER_MS = 250;
/** A seek that does not complete in this long is taken as showing nothing new. */
const SEEK_TIMEOUT_MS = 3_000;

export class FrameRecovery {
  private targetMs = 0;
  private seekIssuedAtMs = 0;
  private answered = true;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private over = false;

  constructor(
    private readonly host: RecoveryHost,
    private state: RecoveryState,
  ) {}

  begin(): void {
    this.host.video.pause();
    this.host.video.addEventListener('seeked', this.onSeeked);
    this.step();
  }

  /** A frame callback while recovering. */
  onFrame(metadata: VideoFrameCallbackMetadata, droppedFrames: number): void {
    const mediaMs = metadata.mediaTime * 1000;
    // Frames handed over before this seek (playback's last, an earlier seek's) are not its answer.
    if (this.answered || metadata.presentationTime < this.seekIssuedAtMs) return;
    if (mediaMs > this.targetMs + 1) return;
    this.host.noteShown({ mediaMs, presentedFrames: metadata.presentedFrames, droppedFrames });
    this.settle(mediaMs);
  }

  cancel(): void {
    this.over = true;
    this.clearTimer();
    this.host.video.removeEventListener('seeked', this.onSeeked);
  }

  private step(): void {
    const next = nextRecoveryStep(this.state);
    if (next.kind !== 'seek') {
      this.cancel();
      this.host.finished(next.kind === 'give-up');
      return;
    }
    this.targetMs = next.targetMs;
    this.answered = false;
    // The clock of the frame callbacks' presentationTime.
    this.seekIssuedAtMs = performance.now();
    this.setTimer(SEEK_TIMEOUT_MS);
    this.host.video.currentTime = next.targetMs / 1000;
  }

  private settle(shownMs: number | null): void {
    if (this.over || this.answered) return;
    this.answered = true;
    this.clearTimer();
    const outcome = afterRecoverySeek(this.state, shownMs);
    this.state = outcome.state;
    if (outcome.take && shownMs !== null) this.host.take(shownMs);
    this.host.setDueMs(this.state.dueMs);
    this.step();
  }

  private readonly onSeeked = (): void => {
    if (!this.answered) this.setTimer(SAME_PICTURE_AFTER_MS);
  };

  private setTimer(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => this.settle(null), ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
