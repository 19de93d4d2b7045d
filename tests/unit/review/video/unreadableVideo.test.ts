import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cutBeforeIndex,
  oggVideoCodecName,
  videoCodecName,
} from '../../../../src/review/video/unreadableVideo';
import { tfjsFixture } from '../../../helpers/fixtures';
import { ffmpeg, requireFfmpeg } from '../../../helpers/video';

/**
 * Telling why a file cannot be analysed, on files ffmpeg writes the way phones, cameras and
 * other programs do: video formats browsers lack, and MP4s cut short before or after their index.
 */

let dir = '';

function bytesOf(name: string): Buffer {
  return readFileSync(join(dir, name));
}

/** The first `share` of a file, as a copy stopped partway leaves it. */
function cut(name: string, share: number): Blob {
  const bytes = bytesOf(name);
  return new Blob([new Uint8Array(bytes.subarray(0, Math.floor(bytes.length * share)))]);
}

beforeAll(() => {
  requireFfmpeg();
  dir = mkdtempSync(join(tmpdir(), 'unreadable-'));
  const source = tfjsFixture('pose_1.mp4');
  const short = ['-i', source, '-t', '1'];
  ffmpeg(...short, '-c:v', 'libtheora', join(dir, 'theora.ogv'));
  ffmpeg(...short, '-c:v', 'libvpx', '-f', 'ogg', join(dir, 'vp8.ogv'));
  ffmpeg(...short, '-c:v', 'mpeg4', join(dir, 'mpeg4-part2.mp4'));
  // ffmpeg's default: the index (moov) after the pictures, as phones write while recording.
  ffmpeg(...short, '-c:v', 'libx264', join(dir, 'index-last.mp4'));
  ffmpeg(...short, '-c:v', 'libx264', '-movflags', '+faststart', join(dir, 'index-first.mp4'));
});

describe('naming a video format the browser may lack', () => {
  it('reads Theora and VP8 from the head of an Ogg file, and nothing from other files', () => {
    const head = (name: string) => new Uint8Array(bytesOf(name).subarray(0, 4096));
    expect(oggVideoCodecName(head('theora.ogv'))).toBe('Theora');
    expect(oggVideoCodecName(head('vp8.ogv'))).toBe('VP8');
    expect(oggVideoCodecName(head('index-first.mp4'))).toBeNull();
  });

  it('names MPEG-4 Part 2, which Mediabunny reads but has no decoder name for', async () => {
    const name = async (file: string) => {
      const input = new Input({ formats: ALL_FORMATS, source: new BufferSource(bytesOf(file)) });
      const track = await input.getPrimaryVideoTrack();
      if (track === null) throw new Error(`no video track in ${file}`);
      return videoCodecName(track);
    };
    expect(await name('mpeg4-part2.mp4')).toBe('MPEG-4 Part 2');
    expect(await name('index-first.mp4')).toBe('H.264');
  });
});

describe('an MP4 cut short', () => {
  it('is told apart when the cut came before its index (written last)', async () => {
    expect(await cutBeforeIndex(cut('index-last.mp4', 0.6))).toBe(true);
    expect(await cutBeforeIndex(cut('index-last.mp4', 1))).toBe(false);
  });

  it('is not taken for one when its index came first, nor when it is not an MP4', async () => {
    expect(await cutBeforeIndex(cut('index-first.mp4', 0.6))).toBe(false);
    expect(await cutBeforeIndex(cut('theora.ogv', 0.6))).toBe(false);
    expect(await cutBeforeIndex(new Blob([]))).toBe(false);
  });
});
