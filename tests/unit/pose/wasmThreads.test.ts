import { describe, expect, it } from 'vitest';
import { wasmThreadsFor } from '../../../src/pose/backends';

describe('wasm threads', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 2],
    [6, 4],
    [16, 4],
  ])('on %i logical cores uses %i thread(s), leaving two cores to the page', (cores, threads) => {
    expect(wasmThreadsFor(cores)).toBe(threads);
  });
});
