import type { QuarterTurn } from './mp4Timing';

/**
 * A video file's encoded picture track as a `VideoDecoder` needs it, read from the container's
 * own index (mp4VideoTrack.ts for MP4 and MOV, webmVideoTrack.ts for WebM and Matroska) without
 * decoding anything.
 */

export interface EncodedSampleInfo {
  /** Byte range in the file. */
  readonly offset: number;
  readonly size: number;
  /** When the frame is shown, in ms of video time. */
  readonly presentationMs: number;
  readonly durationMs: number;
  /** A keyframe: decoding can start here. */
  readonly isKey: boolean;
}

export interface EncodedVideoTrack {
  /** WebCodecs codec string, e.g. "avc1.64001f", "vp8", "vp09.00.10.08". */
  readonly codec: string;
  /** The codec's set-up record (avcC, hvcC, vpcC or av1C body), when it has one. */
  readonly description: Uint8Array | undefined;
  readonly codedWidthPx: number;
  readonly codedHeightPx: number;
  /** Clockwise turn the player applies. */
  readonly rotation: QuarterTurn;
  /** Size on screen, rotation applied. */
  readonly displayWidthPx: number;
  readonly displayHeightPx: number;
  /** Samples in decoding order. */
  readonly samples: readonly EncodedSampleInfo[];
  /** End of the last frame shown. */
  readonly durationMs: number;
}

/** Why a file is not read this way (it can still be played). */
export type NotReadable =
  | 'not-mp4'
  | 'not-webm'
  | 'no-video-track'
  | 'no-index'
  | 'cut-short'
  | 'laced-frames'
  | 'unknown-codec';

export type TrackReadResult =
  | { readonly ok: true; readonly track: EncodedVideoTrack }
  | { readonly ok: false; readonly reason: NotReadable };
