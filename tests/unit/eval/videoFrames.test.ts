import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { videoFrames } from '../../../scripts/eval/videoFrames';

/** The committed rendered clip: 60 frames at 15 frames/s (tests/fixtures/studio/README.md). */
const CLIP = fileURLToPath(
  new URL('../../fixtures/studio/set1-17-standing-hamstring.mp4', import.meta.url),
);

async function collect(everyNth?: number) {
  const frames: { timestampMs: number; data: Buffer }[] = [];
  for await (const { timestampMs, frame } of videoFrames(CLIP, 15, everyNth)) {
    frames.push({
      timestampMs,
      data: Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength),
    });
  }
  return frames;
}

describe('video frames for the eval', () => {
  it('keeps exactly frames 0, N, 2N, ... with their own timestamps when sampling every Nth', async () => {
    const all = await collect();
    const sparse = await collect(10);
    expect(all).toHaveLength(60);
    expect(sparse.map((f) => f.timestampMs)).toEqual(
      [0, 10, 20, 30, 40, 50].map((i) => (i * 1000) / 15),
    );
    sparse.forEach((frame, k) => {
      expect(frame.data.equals(all[k * 10]?.data ?? Buffer.alloc(0))).toBe(true);
    });
  });
});
