import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appAngles, appBackCurl, exactPose } from '../../../scripts/eval/studioDefinition';
import { decodeSilhouettes, readStudioTruth } from '../../../scripts/eval/studioTruth';

/**
 * `npm run studio -- retruth --out DIR`: writes again the fields of rendered sidecars that come
 * from the app's own geometry (`angles2d`, `backCurlDeg`), from their stored keypoints and
 * silhouettes, without rendering. For when the app's geometry changes a definition (the
 * definition check then fails), or for sidecars written before the truth was read off the stored
 * keypoints. Everything else stays byte for byte; the file is what a fresh render writes.
 */
export function retruthSet(dir: string, log: (line: string) => void): void {
  const sidecars = readdirSync(dir)
    .filter((f) => f.endsWith('.truth.json'))
    .sort();
  for (const file of sidecars) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    // Edit the parsed JSON itself (not the schema's copy) so every other key keeps its place.
    const raw = JSON.parse(text) as {
      frames: { angles2d: unknown; backCurlDeg: number | null }[];
    };
    const truth = readStudioTruth(raw);
    const { widthPx, heightPx } = truth.clip;
    const silhouettes = decodeSilhouettes(
      new Uint8Array(readFileSync(join(dir, truth.clip.silhouettes))),
    );
    let changed = 0;
    truth.frames.forEach((frame, position) => {
      const target = raw.frames[position];
      if (target === undefined) throw new Error(`${file}: frame ${position} missing`);
      const pose = exactPose(frame.blazepose, widthPx, heightPx, silhouettes.mask(position));
      const angles2d = appAngles(pose, frame.nearSide, frame.orientation === 'lying');
      const backCurlDeg = appBackCurl(pose, frame.nearSide);
      if (
        JSON.stringify(angles2d) !== JSON.stringify(target.angles2d) ||
        backCurlDeg !== target.backCurlDeg
      )
        changed++;
      target.angles2d = angles2d;
      target.backCurlDeg = backCurlDeg;
    });
    readStudioTruth(raw);
    const out = `${JSON.stringify(raw)}\n`;
    if (out !== text) writeFileSync(path, out);
    log(`${truth.clip.id}: ${changed} of ${truth.frames.length} frames rewritten`);
  }
}
