import { grabLiveFrame } from './liveFrame';
import { VideoFileError, type FrameSource, type LiveFrame, type SourceEndReason } from './types';

/** What went wrong, from the media element's error code (MediaError.code). */
export function videoFileErrorFor(video: HTMLVideoElement, fileName: string): VideoFileError {
  const code = video.error?.code;
  if (code === MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED) {
    return new VideoFileError(
      'unsupported',
      `“${fileName}” is not a video this browser can play. Try an MP4 (H.264) or WebM file.`,
    );
  }
  if (code === MediaError.MEDIA_ERR_DECODE) {
    return new VideoFileError(
      'damaged',
      `“${fileName}” looks damaged or incomplete: the browser could not decode it.`,
    );
  }
  return new VideoFileError('unknown', `“${fileName}” could not be played.`);
}

export interface VideoFileOptions {
  /** Start again at the end, like a camera that never stops. Default false. */
  readonly loop?: boolean;
}

/** Plays a local video file in place of the camera; frames are taken as it plays. */
export class VideoFileSource implements FrameSource {
  readonly kind = 'video-file' as const;
  private url: string | null = null;
  private endedListener: ((reason: SourceEndReason) => void) | null = null;
  private stopped = false;

  constructor(
    readonly video: HTMLVideoElement,
    private readonly file: Blob,
    private readonly fileName: string,
    private readonly options: VideoFileOptions = {},
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.url = URL.createObjectURL(this.file);
    const video = this.video;
    video.srcObject = null;
    video.muted = true;
    video.playsInline = true;
    video.loop = this.options.loop ?? false;
    await new Promise<void>((resolve, reject) => {
      const cleanUp = (): void => {
        video.removeEventListener('loadeddata', onLoaded);
        video.removeEventListener('error', onError);
      };
      const onLoaded = (): void => {
        cleanUp();
        if (video.videoWidth === 0 || video.videoHeight === 0) {
          reject(new VideoFileError('no-picture', `“${this.fileName}” has no picture to analyse.`));
        } else {
          resolve();
        }
      };
      const onError = (): void => {
        cleanUp();
        reject(videoFileErrorFor(video, this.fileName));
      };
      video.addEventListener('loadeddata', onLoaded);
      video.addEventListener('error', onError);
      video.src = this.url ?? '';
    });
    video.addEventListener('ended', this.handleEnded);
    video.addEventListener('error', this.handlePlaybackError);
    await video.play();
  }

  grabFrame(maxSidePx: number, nowMs: number): Promise<LiveFrame | null> {
    const video = this.video;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return Promise.resolve(null);
    return grabLiveFrame(video, video.videoWidth, video.videoHeight, maxSidePx, nowMs);
  }

  stop(): void {
    this.stopped = true;
    this.video.removeEventListener('ended', this.handleEnded);
    this.video.removeEventListener('error', this.handlePlaybackError);
    this.video.pause();
    this.video.removeAttribute('src');
    this.video.load();
    if (this.url !== null) URL.revokeObjectURL(this.url);
    this.url = null;
  }

  onEnded(listener: (reason: SourceEndReason) => void): void {
    this.endedListener = listener;
  }

  private readonly handleEnded = (): void => {
    if (!this.stopped) this.endedListener?.('file-ended');
  };

  private readonly handlePlaybackError = (): void => {
    if (!this.stopped) this.endedListener?.('error');
  };
}
