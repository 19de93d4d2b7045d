import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ClipExistsError,
  ClipNotFoundError,
  ClipStorageFullError,
  DexieClipStore,
  clipsBytes,
} from '../../../src/review/clipStore';
import { reviewClip } from '../../helpers/reviewClip';

/** The clip store on fake-indexeddb; tests/browser/modules/reviewBundle.spec.ts runs it on Chromium. */

const open: DexieClipStore[] = [];
let count = 0;
function newStore(): DexieClipStore {
  const store = new DexieClipStore(`clips-test-${count++}`);
  open.push(store);
  return store;
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const store of open.splice(0)) await store.deleteDatabase();
});

describe('the clip store', () => {
  it('keeps a whole clip and gives it back, video included', async () => {
    const store = newStore();
    const clip = reviewClip('a');
    await store.addClip(clip);
    const back = await store.getClip('a');
    expect(back?.meta).toEqual(clip.meta);
    expect(back?.track).toEqual(clip.track);
    expect(back?.session.meta.id).toBe(clip.session.meta.id);
    expect(back?.video.size).toBe(clip.video.size);
    expect(await store.getClip('nope')).toBeNull();
  });

  it('lists clips newest first, and counts their bytes', async () => {
    const store = newStore();
    const older = reviewClip('older', 1_000);
    const newer = reviewClip('newer', 3_000);
    await store.addClip({ ...older, meta: { ...older.meta, createdAtEpochMs: 1_000 } });
    await store.addClip(newer);
    const metas = await store.listClips();
    expect(metas.map((m) => m.id)).toEqual(['newer', 'older']);
    expect(clipsBytes(metas)).toBe(4_000);
  });

  it('never overwrites a clip with the same id', async () => {
    const store = newStore();
    await store.addClip(reviewClip('a'));
    const other = reviewClip('a');
    await expect(
      store.addClip({ ...other, meta: { ...other.meta, title: 'changed' } }),
    ).rejects.toBeInstanceOf(ClipExistsError);
    expect((await store.getMeta('a'))?.title).toBe('Standing hamstring stretch');
  });

  it('saves notes, and deletes a clip with everything it holds', async () => {
    const store = newStore();
    await store.addClip(reviewClip('a'));
    await store.saveNotes('a', []);
    expect((await store.getMeta('a'))?.notes).toEqual([]);
    await expect(store.saveNotes('b', [])).rejects.toBeInstanceOf(ClipNotFoundError);
    expect(await store.deleteClip('a')).toBe(true);
    expect(await store.getClip('a')).toBeNull();
    expect(await store.deleteClip('a')).toBe(false);
  });

  it('turns the browser’s quota error into a message the user can act on, storing nothing', async () => {
    const store = newStore();
    // IndexedDB refuses the write the way a full disk or quota makes it.
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(store.addClip(reviewClip('a'))).rejects.toBeInstanceOf(ClipStorageFullError);
    vi.restoreAllMocks();
    expect(await store.listClips()).toEqual([]);
  });
});
