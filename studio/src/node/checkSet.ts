import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFINITION_TOLERANCE_DEG,
  frameDefinitionMismatches,
} from '../../../scripts/eval/studioDefinition';
import {
  decodeSilhouettes,
  readStudioTruth,
  type StudioTruth,
} from '../../../scripts/eval/studioTruth';

/**
 * `npm run studio -- check DIR`: is a rendered set whole and true? Per clip: the sidecar parses,
 * the MP4 opens (a render cut short has no moov atom) with one picture per sidecar frame at the
 * sidecar's size, the silhouettes file has one mask per frame, and the app's geometry on every
 * frame's exact keypoints and silhouette gives back the stored truth (the definition check).
 * Then what the set covers: people, outfits, rooms, cameras, and per stretch each fault with the
 * people who play it.
 */

interface ClipCheck {
  readonly truth: StudioTruth;
  readonly problems: string[];
  readonly bytes: number;
}

/** Pictures in the video (ffprobe counts packets), or the reason it cannot be read. */
function videoPictures(path: string): { count: number; size: string } | string {
  try {
    const out = execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-count_packets',
        '-select_streams',
        'v:0',
        '-show_entries',
        'stream=width,height,nb_read_packets',
        '-of',
        'csv=p=0',
        path,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ).trim();
    const [width, height, count] = out.split(',');
    return { count: Number(count), size: `${width}x${height}` };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    return stderr.trim().split('\n').at(-1) ?? 'unreadable';
  }
}

function checkClip(dir: string, sidecar: string): ClipCheck {
  const truth = readStudioTruth(JSON.parse(readFileSync(join(dir, sidecar), 'utf8')));
  const { clip } = truth;
  const problems: string[] = [];
  const video = videoPictures(join(dir, clip.video));
  if (typeof video === 'string') problems.push(`video: ${video}`);
  else {
    if (video.count !== clip.frameCount)
      problems.push(`video has ${video.count} pictures, sidecar ${clip.frameCount} frames`);
    if (video.size !== `${clip.widthPx}x${clip.heightPx}`)
      problems.push(`video is ${video.size}, sidecar ${clip.widthPx}x${clip.heightPx}`);
  }
  if (truth.frames.length !== clip.frameCount)
    problems.push(`${truth.frames.length} frames stored, frameCount ${clip.frameCount}`);
  const silhouettes = decodeSilhouettes(new Uint8Array(readFileSync(join(dir, clip.silhouettes))));
  if (silhouettes.frameCount !== truth.frames.length)
    problems.push(`${silhouettes.frameCount} silhouettes for ${truth.frames.length} frames`);
  let mismatched = 0;
  let first = '';
  truth.frames.forEach((_frame, position) => {
    const found = frameDefinitionMismatches(truth, position, silhouettes);
    if (found.length === 0) return;
    mismatched++;
    const m = found[0];
    if (first === '' && m !== undefined)
      first = `frame ${m.frameIndex} ${m.what}: stored ${m.stored}, app ${m.measured}`;
  });
  if (mismatched > 0)
    problems.push(`definition check: ${mismatched} frames differ by over 0.05° (${first})`);
  const bytes = [clip.video, clip.silhouettes, sidecar].reduce(
    (sum, file) => sum + statSync(join(dir, file)).size,
    0,
  );
  return { truth, problems, bytes };
}

/** Prints the check and returns whether every clip passed. */
export function checkSet(dir: string, log: (line: string) => void): boolean {
  const sidecars = readdirSync(dir)
    .filter((f) => f.endsWith('.truth.json'))
    .sort();
  const checks = sidecars.map((file) => checkClip(dir, file));
  let frames = 0;
  let seconds = 0;
  let bytes = 0;
  const distinct = {
    people: new Set<string>(),
    outfits: new Set<string>(),
    rooms: new Set<string>(),
    cameras: new Set<string>(),
    facings: new Set<string>(),
  };
  const faultPeople = new Map<string, Set<string>>();
  for (const { truth, problems, bytes: size } of checks) {
    const { clip } = truth;
    log(
      `${problems.length === 0 ? 'ok  ' : 'FAIL'} ${clip.id}: ${clip.frameCount} frames at ${clip.fps} fps, ${clip.widthPx}x${clip.heightPx}, ${(size / 1e6).toFixed(1)} MB${problems.map((p) => `\n       ${p}`).join('')}`,
    );
    frames += clip.frameCount;
    seconds += clip.frameCount / clip.fps;
    bytes += size;
    distinct.people.add(truth.person.id);
    distinct.outfits.add(truth.outfit.id);
    distinct.rooms.add(truth.room.id);
    distinct.cameras.add(truth.camera.id);
    distinct.facings.add(truth.camera.facing);
    for (const fault of truth.script.faults) {
      const key = `${clip.stretch}\t${fault.id}`;
      const people = faultPeople.get(key) ?? new Set<string>();
      people.add(truth.person.id);
      faultPeople.set(key, people);
    }
  }
  log(
    `\n${checks.length} clips, ${frames} frames, ${(seconds / 60).toFixed(1)} min, ${(bytes / 1e6).toFixed(0)} MB; definition tolerance ${DEFINITION_TOLERANCE_DEG}°`,
  );
  for (const [what, set] of Object.entries(distinct))
    log(`${set.size} ${what}: ${[...set].sort().join(', ')}`);
  log('\nstretch\tfault\tpeople');
  for (const [key, people] of [...faultPeople].sort(([a], [b]) => a.localeCompare(b)))
    log(`${key}\t${[...people].sort().join(', ')}`);
  return checks.every((c) => c.problems.length === 0);
}
