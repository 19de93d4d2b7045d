import { describe, expect, it, vi } from 'vitest';
import {
  AUTO_CHOICE_MAX_AGE_MS,
  AUTO_CHOICE_STORAGE_KEY,
  AutoModelChooser,
  pickAutoModel,
  type RawTimings,
} from '../../../src/engine/autoModel';
import { MemoryKeyValueStorage } from '../../fakes/memoryKeyValueStorage';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('pickAutoModel', () => {
  it.each<[string, RawTimings, string]>([
    [
      'a fast device takes BlazePose full',
      { 'blazepose-full': 40, 'movenet-thunder': 30 },
      'blazepose-full',
    ],
    [
      '15 frames a second is enough',
      { 'blazepose-full': 1000 / 15, 'movenet-thunder': 30 },
      'blazepose-full',
    ],
    [
      'just under it is not',
      { 'blazepose-full': 1000 / 14.9, 'movenet-thunder': 30 },
      'movenet-thunder',
    ],
    [
      'a slow device falls back to Lightning',
      { 'blazepose-full': 120, 'movenet-thunder': 90 },
      'movenet-lightning',
    ],
    ['a model that could not be timed is not chosen', { 'movenet-thunder': 50 }, 'movenet-thunder'],
    ['nothing timed: Lightning', {}, 'movenet-lightning'],
    ['a zero timing is not a fast model', { 'blazepose-full': 0 }, 'movenet-lightning'],
  ])('%s', (_name, timings, expected) => {
    expect(pickAutoModel(timings)).toBe(expected);
  });
});

function chooser(
  storage = new MemoryKeyValueStorage(),
  timings: RawTimings = { 'movenet-thunder': 40 },
) {
  let nowMs = 1_000 * DAY_MS;
  const measure = vi.fn(() => Promise.resolve(timings));
  const auto = new AutoModelChooser({ storage, measure, epochMs: () => nowMs });
  return {
    auto,
    measure,
    storage,
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
}

describe('AutoModelChooser', () => {
  it('measures on first use, then remembers the choice across pages', async () => {
    const first = chooser();
    await expect(first.auto.resolve(() => {})).resolves.toBe('movenet-thunder');
    expect(first.measure).toHaveBeenCalledTimes(1);
    expect(first.auto.choice.getSnapshot()?.model).toBe('movenet-thunder');

    const nextPage = chooser(first.storage);
    await expect(nextPage.auto.resolve(() => {})).resolves.toBe('movenet-thunder');
    expect(nextPage.measure).not.toHaveBeenCalled();
  });

  it('measures once when two sessions ask at the same time', async () => {
    const { auto, measure } = chooser();
    const [a, b] = await Promise.all([auto.resolve(() => {}), auto.resolve(() => {})]);
    expect([a, b]).toEqual(['movenet-thunder', 'movenet-thunder']);
    expect(measure).toHaveBeenCalledTimes(1);
  });

  it('measures again after 30 days, and when asked to', async () => {
    const { auto, measure, advance } = chooser();
    await auto.resolve(() => {});
    advance(AUTO_CHOICE_MAX_AGE_MS - 1);
    await auto.resolve(() => {});
    expect(measure).toHaveBeenCalledTimes(1);
    advance(2);
    await auto.resolve(() => {});
    expect(measure).toHaveBeenCalledTimes(2);
    auto.forget();
    expect(auto.choice.getSnapshot()).toBeNull();
    await auto.resolve(() => {});
    expect(measure).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['not JSON', '{oops'],
    [
      'an unknown model',
      JSON.stringify({ model: 'resnet', measuredAtEpochMs: 1, rawMsPerFrame: {} }),
    ],
    [
      'a choice its own timings contradict',
      JSON.stringify({
        model: 'blazepose-full',
        measuredAtEpochMs: 1_000 * DAY_MS,
        rawMsPerFrame: { 'blazepose-full': 500 },
      }),
    ],
    ['no timings', JSON.stringify({ model: 'movenet-lightning', measuredAtEpochMs: 1 })],
  ])('ignores a stored choice that is %s, and measures', async (_name, stored) => {
    const storage = new MemoryKeyValueStorage();
    storage.setItem(AUTO_CHOICE_STORAGE_KEY, stored);
    const { auto, measure } = chooser(storage);
    expect(auto.choice.getSnapshot()).toBeNull();
    await expect(auto.resolve(() => {})).resolves.toBe('movenet-thunder');
    expect(measure).toHaveBeenCalledTimes(1);
  });

  it('still chooses when the choice cannot be saved', async () => {
    const storage = new MemoryKeyValueStorage();
    storage.failSetWith = new DOMException('full', 'QuotaExceededError');
    const { auto } = chooser(storage);
    await expect(auto.resolve(() => {})).resolves.toBe('movenet-thunder');
    expect(auto.choice.getSnapshot()?.model).toBe('movenet-thunder');
  });

  it('lets a failed measurement fail, and tries again next time', async () => {
    const storage = new MemoryKeyValueStorage();
    const measure = vi
      .fn<() => Promise<RawTimings>>()
      .mockRejectedValueOnce(new Error('no backend'))
      .mockResolvedValueOnce({ 'blazepose-full': 30 });
    const auto = new AutoModelChooser({ storage, measure, epochMs: () => 0 });
    await expect(auto.resolve(() => {})).rejects.toThrow('no backend');
    await expect(auto.resolve(() => {})).resolves.toBe('blazepose-full');
  });
});
