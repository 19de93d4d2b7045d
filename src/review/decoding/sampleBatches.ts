import type { EncodedSampleInfo } from './encodedVideoTrack';

/**
 * Encoded frames are read from the file a run at a time: one `Blob.slice` per frame would cost a
 * read each (a 30 fps clip has 30 a second), one read of the whole file would hold a phone clip
 * of hundreds of megabytes in memory. A run is the frames that follow each other in the file, up
 * to about a megabyte, so reading stays a few times a second and memory stays small.
 */

/** About a second of a 1080p phone clip; a frame bigger than this is read on its own. */
export const BATCH_BYTES = 1 << 20;

export interface SampleBatch {
  /** Samples `first` .. `end - 1`. */
  readonly first: number;
  readonly end: number;
  /** Byte range to read: every sample of the batch lies inside it. */
  readonly startByte: number;
  readonly endByte: number;
}

/** The batch starting at sample `first`: samples laid out forward in the file, within the limit. */
export function batchFrom(
  samples: readonly EncodedSampleInfo[],
  first: number,
  maxBytes: number = BATCH_BYTES,
): SampleBatch | null {
  const head = samples[first];
  if (head === undefined) return null;
  const startByte = head.offset;
  let endByte = head.offset + head.size;
  let end = first + 1;
  for (let i = first + 1; i < samples.length; i++) {
    const sample = samples[i];
    if (sample === undefined || sample.offset < endByte) break;
    const sampleEnd = sample.offset + sample.size;
    if (sampleEnd - startByte > maxBytes) break;
    endByte = sampleEnd;
    end = i + 1;
  }
  return { first, end, startByte, endByte };
}
