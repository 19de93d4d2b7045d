import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameDefinitionMismatches } from '../../../scripts/eval/studioDefinition';
import { decodeSilhouettes, readStudioTruth } from '../../../scripts/eval/studioTruth';
import { probeVideo } from '../../helpers/video';

/**
 * The committed studio fixtures (tests/fixtures/studio/README.md): every file is the one its record
 * names, and the webcam clip's truth, read through the zod reader, describes its video frame for
 * frame. The Playwright spec `studioWebcam.spec.ts` plays the same clip as a fake webcam.
 */
const FIXTURE = new URL('../../fixtures/studio/', import.meta.url);
const readme = readFileSync(new URL('README.md', FIXTURE), 'utf8');
/** Rows of the README's table: | `file` | ... | `sha256` | */
const records = [...readme.matchAll(/^\| `([^`]+)`.*\| `([0-9a-f]{64})` \|$/gm)].map(
  ([, file, sha]) => ({ file: file ?? '', sha: sha ?? '' }),
);

describe('studio fixtures', () => {
  it('records each committed file with its sha256', () => {
    expect(records.length).toBeGreaterThanOrEqual(6);
    for (const { file, sha } of records) {
      const actual = createHash('sha256')
        .update(readFileSync(new URL(file, FIXTURE)))
        .digest('hex');
      expect({ file, sha: actual }).toEqual({ file, sha });
    }
  });

  describe('the webcam clip', () => {
    const truth = readStudioTruth(
      JSON.parse(readFileSync(new URL('set1-17-standing-hamstring.truth.json', FIXTURE), 'utf8')),
    );
    const silhouettes = decodeSilhouettes(
      new Uint8Array(readFileSync(new URL(truth.clip.silhouettes, FIXTURE))),
    );

    it('has consecutive frames, one silhouette each, and a video of the same size and rate', () => {
      const indices = truth.frames.map((f) => f.index);
      expect(indices).toEqual(indices.map((_, i) => (indices[0] ?? 0) + i));
      expect(silhouettes.frameCount).toBe(truth.frames.length);
      const video = probeVideo(new URL(truth.clip.video, FIXTURE).pathname);
      expect([video.widthPx, video.heightPx]).toEqual([truth.clip.widthPx, truth.clip.heightPx]);
      expect(video.framesPerSecond).toBeCloseTo(truth.clip.fps, 3);
      expect(video.durationMs).toBeCloseTo((1000 * truth.frames.length) / truth.clip.fps, -2);
    });

    it('holds the standing stretch, whole in the picture, with a locked standing knee coming on', () => {
      expect(truth.clip.stretch).toBe('standing-hamstring');
      expect(truth.frames.every((f) => f.wholeBodyInFrame && f.phase === 'hold')).toBe(true);
      const locked = truth.frames.map((f) => f.faults.includes('standing-knee-locked'));
      expect(locked[0]).toBe(false);
      expect(locked.at(-1)).toBe(true);
    });

    it("gives back its angles and curls through the app's geometry", () => {
      for (let position = 0; position < truth.frames.length; position++)
        expect(frameDefinitionMismatches(truth, position, silhouettes)).toEqual([]);
    });
  });
});
