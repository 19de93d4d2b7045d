import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBundle, type BundleProblemKind } from '../../../src/review/bundle/readBundle';
import { sha256Hex } from '../../../src/review/bundle/sha256';
import { bundleFileName, writeBundle } from '../../../src/review/bundle/writeBundle';
import { reviewClip } from '../../helpers/reviewClip';

const NOW = Date.UTC(2025, 5, 4, 12);

async function goodBundle(): Promise<Uint8Array> {
  return writeBundle(reviewClip(), NOW);
}

/** Unzips a good bundle, changes it, and zips it again (checksums left as they were). */
async function altered(
  change: (files: Record<string, Uint8Array>) => void | Promise<void>,
): Promise<Uint8Array> {
  const files = unzipSync(await goodBundle());
  await change(files);
  const zippable: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) zippable[name] = bytes;
  return zipSync(zippable);
}

function editJson(files: Record<string, Uint8Array>, name: string, edit: (text: string) => string) {
  files[name] = strToU8(edit(strFromU8(files[name] ?? new Uint8Array())));
}

/** Re-signs an entry after a change, as a careful forger would: the manifest agrees with it. */
async function resign(files: Record<string, Uint8Array>, name: string): Promise<void> {
  const bytes = files[name] ?? new Uint8Array();
  const sha = await sha256Hex(bytes);
  editJson(files, 'manifest.json', (text) => {
    const manifest = JSON.parse(text) as {
      entries: { name: string; bytes: number; sha256: string }[];
    };
    for (const entry of manifest.entries)
      if (entry.name === name) Object.assign(entry, { bytes: bytes.length, sha256: sha });
    return JSON.stringify(manifest);
  });
}

async function refusal(
  bytes: Uint8Array,
): Promise<{ kind: BundleProblemKind; message: string; details: readonly string[] }> {
  const result = await readBundle(bytes);
  if (result.ok) throw new Error('the bundle was accepted');
  return result.problem;
}

describe('review bundles', () => {
  it('round-trip a clip whole: video, pose track, session, notes', async () => {
    const clip = reviewClip();
    const result = await readBundle(await writeBundle(clip, NOW));
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.clip.meta).toEqual(clip.meta);
    expect(result.clip.track).toEqual(clip.track);
    // As JSON carries it (JSON has no -0, which the samples' rounding can produce).
    expect(result.clip.session).toEqual(JSON.parse(JSON.stringify(clip.session)));
    expect(new Uint8Array(await result.clip.video.arrayBuffer())).toEqual(
      new Uint8Array(await clip.video.arrayBuffer()),
    );
    expect(result.clip.video.type).toBe('video/mp4');
  });

  it('list every entry in the manifest with its size and SHA-256, and the video stored as is', async () => {
    const bytes = await goodBundle();
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        'manifest.json',
        'notes.json',
        'report.json',
        'session.json',
        'track.json',
        'video.mp4',
      ].sort(),
    );
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      format: string;
      formatVersion: number;
      entries: { name: string; bytes: number; sha256: string }[];
    };
    expect(manifest).toMatchObject({ format: 'stretchcheck-review-bundle', formatVersion: 1 });
    for (const entry of manifest.entries) {
      expect(entry.bytes).toBe(files[entry.name]?.length);
      expect(entry.sha256).toBe(await sha256Hex(files[entry.name]!));
    }
    const report = JSON.parse(strFromU8(files['report.json']!)) as { stretches: unknown[] };
    expect(report.stretches).toHaveLength(1);
  });

  it('name the file after the clip and the day', () => {
    expect(bundleFileName('Standing stretch: left/right!', Date.UTC(2025, 5, 4, 12))).toBe(
      'stretchcheck-review-Standing-stretch-left-right-2025-06-04.zip',
    );
  });

  it.each([
    ['cut short', (b: Uint8Array) => b.slice(0, Math.floor(b.length / 2))],
    ['cut just before its end', (b: Uint8Array) => b.slice(0, b.length - 10)],
    ['text, not a zip', () => strToU8('just some notes, not a bundle')],
    ['empty', () => new Uint8Array()],
  ])('refuse a file %s as not a bundle', async (_what, damage) => {
    const problem = await refusal(damage(await goodBundle()));
    expect(problem.kind).toBe('not-a-bundle');
    expect(problem.message).toContain('not a StretchCheck review bundle');
  });

  it('refuse a bundle whose video was changed, by its checksum', async () => {
    const bytes = await altered((files) => {
      const video = files['video.mp4']!;
      video[100] = (video[100]! + 1) % 256;
    });
    const problem = await refusal(bytes);
    expect(problem.kind).toBe('damaged');
    expect(problem.message).toContain('video.mp4');
  });

  it.each([['../../evil.js'], ['videos/video.mp4'], ['C:\\Windows\\evil.txt'], ['.hidden']])(
    'refuse an entry named %s: paths are never followed',
    async (name) => {
      const problem = await refusal(await altered((files) => void (files[name] = strToU8('x'))));
      expect(problem.kind).toBe('unsafe-entry');
      expect(problem.message).toContain('path in its name');
    },
  );

  it('refuse a stray entry, and a second video', async () => {
    expect((await refusal(await altered((f) => void (f['readme.txt'] = strToU8('hi'))))).kind).toBe(
      'unsafe-entry',
    );
    const twoVideos = await altered((f) => void (f['video.webm'] = strToU8('not again')));
    expect((await refusal(twoVideos)).message).toContain('more than one video');
  });

  it('refuse an entry that claims to be huge before inflating it', async () => {
    const bytes = await goodBundle();
    // Patch the central directory's uncompressed size of track.json to 3 GB.
    const name = strToU8('track.json');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < bytes.length - 46; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const entry = bytes.subarray(i + 46, i + 46 + nameLength);
      if (nameLength === name.length && entry.every((b, k) => b === name[k]))
        view.setUint32(i + 24, 3_000_000_000, true);
    }
    const problem = await refusal(bytes);
    expect(problem.kind).toBe('too-large');
    expect(problem.message).toContain('track.json');
  });

  it('refuse a manifest with values of the wrong type, saying which', async () => {
    const bytes = await altered((files) =>
      editJson(files, 'manifest.json', (t) =>
        t.replace('"durationMs":20000', '"durationMs":"twenty seconds"'),
      ),
    );
    const problem = await refusal(bytes);
    expect(problem.kind).toBe('invalid');
    expect(problem.details.join(' ')).toContain('clip.durationMs');
  });

  it('refuse a key that could reach Object.prototype, even with a matching checksum', async () => {
    const bytes = await altered(async (files) => {
      editJson(files, 'notes.json', (t) =>
        t.replace('{"clipId"', '{"__proto__":{"polluted":true},"clipId"'),
      );
      await resign(files, 'notes.json');
    });
    const problem = await refusal(bytes);
    expect(problem.kind).toBe('invalid');
    expect(problem.message).toContain('__proto__');
    expect('polluted' in {}).toBe(false);
  });

  it('refuse notes that are too long, or belong to another clip', async () => {
    const long = await altered(async (files) => {
      editJson(files, 'notes.json', (t) =>
        t.replace('Better: long back again.', 'x'.repeat(5_000)),
      );
      await resign(files, 'notes.json');
    });
    expect((await refusal(long)).details.join(' ')).toContain('notes notes.1.text');
    const other = await altered(async (files) => {
      editJson(files, 'notes.json', (t) => t.replace('"clipId":"clip-1"', '"clipId":"clip-2"'));
      await resign(files, 'notes.json');
    });
    expect((await refusal(other)).message).toContain('another clip');
  });

  it('refuse a pose track whose columns do not agree', async () => {
    const bytes = await altered(async (files) => {
      editJson(files, 'track.json', (t) => t.replace('"tMs":[0,', '"tMs":['));
      await resign(files, 'track.json');
    });
    const problem = await refusal(bytes);
    expect(problem.kind).toBe('invalid');
    expect(problem.details.join(' ')).toContain('columns differ');
  });

  it('refuse a session that is not the clip’s', async () => {
    const bytes = await altered(async (files) => {
      editJson(files, 'session.json', (t) => t.replaceAll('clip-1-session', 'other-session'));
      await resign(files, 'session.json');
    });
    expect((await refusal(bytes)).message).toContain('not the clip’s session');
  });

  it('refuse a bundle from a newer version, and a zip that is not a bundle', async () => {
    const newer = await altered((files) =>
      editJson(files, 'manifest.json', (t) => t.replace('"formatVersion":1', '"formatVersion":7')),
    );
    const problem = await refusal(newer);
    expect(problem.kind).toBe('unsupported-version');
    expect(problem.message).toContain('newer StretchCheck (format 7)');
    const noManifest = await altered((files) => void delete files['manifest.json']);
    expect((await refusal(noManifest)).message).toContain('has no manifest');
  });

  it('refuse a bundle with an entry missing', async () => {
    const bytes = await altered((files) => void delete files['track.json']);
    const problem = await refusal(bytes);
    expect(problem.kind).toBe('damaged');
    expect(problem.message).toContain('track.json is missing');
  });
});
