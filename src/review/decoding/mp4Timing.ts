/**
 * When each frame of an MP4 track is shown, and which way up: pure arithmetic over the numbers
 * the container stores, so a decoded frame gets the same time and orientation a `<video>` element
 * gives it (the review player shows the clip in a `<video>`, and the pose track must line up).
 *
 * Times: a sample's composition time (`cts`, in the track's timescale) is shifted by the track's
 * edit list. Encoders that reorder frames (H.264 with B-frames) store an edit starting at the
 * first frame's composition time, so that frame shows at 0; an empty edit before it delays the
 * whole track. Players apply the first non-empty edit's start and the empty edits before it, and
 * so does this.
 *
 * Orientation: a phone stores a portrait clip as landscape pictures plus a track matrix that
 * turns them on playback. Only quarter turns occur in practice, and players honour only those.
 */

/** One entry of an edit list (`elst`), in the units the file stores. */
export interface EditEntry {
  /** In the movie's timescale. */
  readonly segmentDuration: number;
  /** In the track's timescale; -1 for an empty edit (a pause before the track starts). */
  readonly mediaTime: number;
}

export interface TrackClock {
  /** Subtracted from a sample's cts, in the track's timescale. */
  readonly mediaStart: number;
  /** Added after, in milliseconds (empty edits before the first real one). */
  readonly delayMs: number;
  readonly trackTimescale: number;
}

export function trackClock(
  edits: readonly EditEntry[],
  trackTimescale: number,
  movieTimescale: number,
): TrackClock {
  let delayMs = 0;
  for (const edit of edits) {
    if (edit.mediaTime < 0) {
      if (movieTimescale > 0) delayMs += (edit.segmentDuration * 1000) / movieTimescale;
      continue;
    }
    return { mediaStart: edit.mediaTime, delayMs, trackTimescale };
  }
  return { mediaStart: 0, delayMs, trackTimescale };
}

/** When a sample with composition time `cts` is shown, in ms of the video's time. */
export function presentationMs(clock: TrackClock, cts: number): number {
  return ((cts - clock.mediaStart) * 1000) / clock.trackTimescale + clock.delayMs;
}

export type QuarterTurn = 0 | 90 | 180 | 270;

/**
 * Clockwise rotation that a track matrix applies, to the nearest quarter turn. The matrix is
 * stored row-major as [a, b, u, c, d, v, x, y, w] with a..d in 16.16 fixed point; a picture
 * point (p, q) goes to (a·p + c·q, b·p + d·q), so [0, 1, -1, 0] turns it a quarter clockwise
 * on screen (y points down), which is what `rotate=90` in ffmpeg writes.
 */
export function matrixRotation(matrix: ArrayLike<number> | undefined): QuarterTurn {
  if (matrix === undefined || matrix.length < 5) return 0;
  const a = matrix[0] ?? 0;
  const b = matrix[1] ?? 0;
  if (a === 0 && b === 0) return 0;
  const degrees = (Math.atan2(b, a) * 180) / Math.PI;
  const quarter = ((Math.round(degrees / 90) % 4) + 4) % 4;
  return (quarter * 90) as QuarterTurn;
}

/** Size on screen of a picture of `width` x `height` after `rotation`. */
export function rotatedSize(
  widthPx: number,
  heightPx: number,
  rotation: QuarterTurn,
): { readonly widthPx: number; readonly heightPx: number } {
  return rotation === 90 || rotation === 270
    ? { widthPx: heightPx, heightPx: widthPx }
    : { widthPx, heightPx };
}
