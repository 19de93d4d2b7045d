import { describe, expect, it } from 'vitest';
import { fallbackModelFor } from '../../../src/pose/modelRegistry';

describe('the model offered when a file is damaged', () => {
  it('is the fastest model that does not need the damaged file', () => {
    expect(fallbackModelFor('movenet-lightning.bin', 'movenet-lightning')).toBe('movenet-thunder');
    expect(fallbackModelFor('blazepose-full.bin', 'blazepose-full')).toBe('movenet-lightning');
  });

  it('skips every model that shares the file (BlazePose models share their detector)', () => {
    expect(fallbackModelFor('blazepose-detector.bin', 'blazepose-full')).toBe('movenet-lightning');
    expect(fallbackModelFor('movenet-thunder.json', 'movenet-lightning')).toBe('blazepose-lite');
  });
});
