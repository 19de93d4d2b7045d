import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchFrom } from '../../../../src/review/decoding/sampleBatches';
import type { EncodedSampleInfo } from '../../../../src/review/decoding/encodedVideoTrack';

function sample(offset: number, size: number): EncodedSampleInfo {
  return { offset, size, presentationMs: 0, durationMs: 33, isKey: false };
}

/** Reads every sample by batches; returns the batches. */
function readAll(samples: readonly EncodedSampleInfo[], maxBytes: number) {
  const batches = [];
  let index = 0;
  for (;;) {
    const batch = batchFrom(samples, index, maxBytes);
    if (batch === null) return batches;
    batches.push(batch);
    index = batch.end;
  }
}

describe('batchFrom', () => {
  it('reads frames laid one after another (with audio between) in one read', () => {
    const samples = [sample(100, 10), sample(110, 10), sample(150, 10), sample(160, 5)];
    expect(batchFrom(samples, 0, 1000)).toEqual({ first: 0, end: 4, startByte: 100, endByte: 165 });
  });

  it('stops at the size limit, and reads a frame bigger than the limit on its own', () => {
    const samples = [sample(0, 600), sample(600, 600), sample(1200, 5000), sample(6200, 10)];
    expect(readAll(samples, 1000).map((b) => [b.first, b.end])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });

  it('starts a new read when a frame lies earlier in the file', () => {
    const samples = [sample(500, 10), sample(100, 10), sample(110, 10)];
    expect(readAll(samples, 1000).map((b) => [b.first, b.end])).toEqual([
      [0, 1],
      [1, 3],
    ]);
  });

  it('past the last sample there is nothing to read', () => {
    expect(batchFrom([sample(0, 1)], 1)).toBeNull();
  });

  it('every sample is read once, in order, inside its batch, and batches keep to the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.nat(2000), size: fc.integer({ min: 1, max: 3000 }) }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 1, max: 8000 }),
        (layout, maxBytes) => {
          let at = 0;
          const samples = layout.map(({ gap, size }) => {
            at += gap;
            const s = sample(at, size);
            at += size;
            return s;
          });
          const batches = readAll(samples, maxBytes);
          expect(batches[0]?.first).toBe(0);
          expect(batches[batches.length - 1]?.end).toBe(samples.length);
          for (let i = 0; i < batches.length; i++) {
            const b = batches[i]!;
            if (i > 0) expect(b.first).toBe(batches[i - 1]!.end);
            if (b.end - b.first > 1) expect(b.endByte - b.startByte).toBeLessThanOrEqual(maxBytes);
            for (const s of samples.slice(b.first, b.end)) {
              expect(s.offset).toBeGreaterThanOrEqual(b.startByte);
              expect(s.offset + s.size).toBeLessThanOrEqual(b.endByte);
            }
          }
        },
      ),
    );
  });
});
