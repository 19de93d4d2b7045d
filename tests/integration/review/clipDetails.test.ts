import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createClipLibrary } from '../../../src/engine/clips/clipLibrary';
import { readBundle } from '../../../src/review/bundle/readBundle';
import { writeBundle } from '../../../src/review/bundle/writeBundle';
import { readClipTitle } from '../../../src/review/clipDetails';
import { DexieClipStore } from '../../../src/review/clipStore';
import type { StoredClip } from '../../../src/review/clipTypes';
import { reviewClip } from '../../helpers/reviewClip';

/** Renaming clips and naming who they show: the library over the clip store, and bundles. */

const NOW = Date.UTC(2025, 5, 4, 12);
const open: DexieClipStore[] = [];
let count = 0;

function library() {
  const store = new DexieClipStore(`clip-details-${count++}`);
  open.push(store);
  return createClipLibrary({
    store,
    sessions: null,
    estimate: () => Promise.resolve(null),
    probeVideo: () => Promise.reject(new Error('not used')),
    epochMs: () => NOW,
    newId: () => 'id',
    settings: null,
  });
}

afterEach(async () => {
  for (const store of open.splice(0)) await store.deleteDatabase();
});

const withClient = (clip: StoredClip, client: string): StoredClip => ({
  ...clip,
  meta: { ...clip.meta, client },
});

describe('clip names', () => {
  it('are trimmed; empty, control characters and over-long names are refused in words', () => {
    expect(readClipTitle('  Left   leg, week 2 ')).toEqual({ ok: true, title: 'Left leg, week 2' });
    const empty = readClipTitle('   ');
    expect(empty.ok ? 'accepted' : empty.message).toMatch(/needs a name/);
    const bell = readClipTitle('a\u0007b');
    expect(bell.ok ? 'accepted' : bell.message).toMatch(/control characters/);
    const long = readClipTitle('x'.repeat(121));
    expect(long.ok ? 'accepted' : long.message).toMatch(/at most 120/);
  });
});

describe('the clip library', () => {
  it('renames a clip and keeps the old name when the new one is refused', async () => {
    const lib = library();
    await lib.add(reviewClip('a'));
    expect(await lib.rename('a', '  Ann, left leg ')).toEqual({ ok: true });
    expect((await lib.meta('a'))?.title).toBe('Ann, left leg');
    const refused = await lib.rename('a', '  ');
    expect(refused.ok).toBe(false);
    expect((await lib.meta('a'))?.title).toBe('Ann, left leg');
  });

  it('sets, changes and clears the client, keeping the name and notes', async () => {
    const lib = library();
    await lib.add(reviewClip('a'));
    const before = await lib.meta('a');
    expect(before?.client).toBeUndefined();
    expect(await lib.setClient('a', ' A.L. ')).toEqual({ ok: true });
    expect((await lib.meta('a'))?.client).toBe('A.L.');
    const refused = await lib.setClient('a', 'x'.repeat(61));
    expect(refused.ok ? 'accepted' : refused.message).toMatch(/at most 60/);
    expect((await lib.meta('a'))?.client).toBe('A.L.');
    expect(await lib.setClient('a', '')).toEqual({ ok: true });
    const after = await lib.meta('a');
    expect(after).toEqual(before);
    expect(after !== null && 'client' in after).toBe(false);
  });

  it('says so when the clip is gone', async () => {
    await expect(library().rename('gone', 'x')).rejects.toThrow();
  });
});

describe('bundles carry the client', () => {
  it('round-trips a clip with its client', async () => {
    const clip = withClient(reviewClip(), 'Ann Lee');
    const read = await readBundle(await writeBundle(clip, NOW));
    expect(read.ok && read.clip.meta.client).toBe('Ann Lee');
  });

  it.each([
    ['a control character', 'Ann\u0000'],
    ['a bidirectional override', '\u202eAnn'],
    ['too long a name', 'x'.repeat(61)],
    ['an empty name', ''],
  ])('refuses a manifest whose client has %s', async (_, client) => {
    const files = unzipSync(await writeBundle(withClient(reviewClip(), 'Ann'), NOW));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      clip: Record<string, unknown>;
    };
    manifest.clip['client'] = client;
    files['manifest.json'] = strToU8(JSON.stringify(manifest));
    const zippable: Zippable = {};
    for (const [name, bytes] of Object.entries(files)) zippable[name] = bytes;
    const read = await readBundle(zipSync(zippable));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.details.join('\n')).toMatch(/client/);
  });
});
