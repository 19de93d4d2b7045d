import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StudioTruthFrame } from '../../../scripts/eval/studioTruth';
import {
  encodeSilhouette,
  packSilhouettes,
  readStudioTruth,
} from '../../../scripts/eval/studioTruth';
import { isMainPerson, PART } from '../scene/parts';
import type { Clip } from '../script/clip';
import { startEncoder } from './encoder';
import { frameGeometryTruth } from './frameTruth';
import type { PageSession } from './pageSession';
import type { StudioServer } from './server';
import { buildSidecar } from './sidecar';
import type { PersonMeshes } from './people';

export interface RenderedClip {
  readonly id: string;
  readonly frames: number;
  readonly seconds: number;
  readonly files: readonly string[];
}

/** Options for one run: where to write, and which frames (all, or some for a quick look). */
export interface RenderOptions {
  readonly outDir: string;
  readonly maxFrames: number | null;
  /** Render only these frame indices (a preview: the video then jumps between them). */
  readonly onlyFrames: readonly number[] | null;
  readonly log: (line: string) => void;
}

/**
 * Renders one clip: poses every frame in the page, pipes its pixels to ffmpeg, and writes the MP4,
 * the silhouettes side file and the truth sidecar (validated against its schema before writing).
 */
export async function renderClip(
  clip: Clip,
  page: PageSession,
  server: StudioServer,
  people: PersonMeshes,
  options: RenderOptions,
): Promise<RenderedClip> {
  const { spec } = clip;
  const { widthPx, heightPx } = spec.camera;
  const pixels = widthPx * heightPx;
  const main = people.vertices(spec.person);
  server.setPerson(spec.person.id, main);
  if (spec.passerBy !== null)
    server.setPerson(spec.passerBy.person.id, people.vertices(spec.passerBy.person));
  mkdirSync(options.outDir, { recursive: true });
  const video = `${spec.id}.mp4`;
  const silhouettesFile = `${spec.id}.silhouettes.bin`;
  const truthFile = `${spec.id}.truth.json`;
  const encoder = startEncoder({
    path: join(options.outDir, video),
    widthPx,
    heightPx,
    fps: spec.fps,
    noise: clip.design.camera.noise,
    noiseSeed: clip.seed % 2147483647,
    crf: clip.design.camera.crf,
  });
  let body: Buffer | null = null;
  server.onFrame((_index, posted) => (body = posted));
  await page.loadClip(spec);
  const all = Array.from(
    { length: Math.min(clip.frameCount, options.maxFrames ?? Infinity) },
    (_, i) => i,
  );
  const indices = options.onlyFrames?.filter((i) => i < clip.frameCount) ?? all;
  const frameCount = indices.length;
  const frames: StudioTruthFrame[] = [];
  const silhouettes: Uint8Array[] = [];
  const passerByVisible: boolean[] = [];
  const started = performance.now();
  for (const [n, index] of indices.entries()) {
    const poses = clip.frame(index);
    const meta = clip.meta(index);
    const result = await page.renderFrame(poses, index);
    const posted = body as Buffer | null;
    if (posted === null || posted.length !== pixels * 5)
      throw new Error(`frame ${index}: no pixels arrived`);
    await encoder.write(posted.subarray(0, pixels * 4));
    // The id pass comes bottom row first (WebGL); truth works top row first.
    const ids = new Uint8Array(pixels);
    const silhouette = new Uint8Array(pixels);
    let passer = false;
    for (let y = 0; y < heightPx; y++) {
      const source = pixels * 4 + (heightPx - 1 - y) * widthPx;
      for (let x = 0; x < widthPx; x++) {
        const part = posted[source + x] ?? 0;
        ids[y * widthPx + x] = part;
        if (isMainPerson(part)) silhouette[y * widthPx + x] = 255;
        else if (part === PART.passerBy) passer = true;
      }
    }
    const { legs } = result;
    const truth = frameGeometryTruth(
      { world: result.world, image: result.image, depthM: result.depthM, ids, silhouette },
      { widthPx, heightPx },
      meta.orientation === 'lying',
      { left: legs.left.kneeFlexDeg, right: legs.right.kneeFlexDeg },
      spec.camera.position,
    );
    const spine = poses.main.spineFlexDeg.reduce((sum, v) => sum + v, 0);
    frames.push({
      index,
      timestampMs: Math.round(meta.timestampMs * 1000) / 1000,
      blazepose: truth.blazepose,
      movenet: truth.movenet,
      angles2d: truth.angles2d,
      angles3d: { ...truth.angles3d, spineFlexionDeg: Math.round(spine * 1000) / 1000 },
      nearSide: truth.nearSide,
      workingLeg: meta.workingLeg,
      orientation: meta.orientation,
      view: truth.view,
      yawOffSideDeg: truth.yawOffSideDeg,
      wholeBodyInFrame: truth.wholeBodyInFrame,
      personVisible: truth.personVisible,
      backCurlDeg: truth.backCurlDeg,
      phase: meta.phase,
      faults: [...meta.faults],
    });
    silhouettes.push(encodeSilhouette(silhouette));
    passerByVisible.push(passer);
    if (n % 100 === 99) {
      const perFrame = (performance.now() - started) / 1000 / (n + 1);
      options.log(`  ${spec.id}: ${n + 1}/${frameCount} frames, ${perFrame.toFixed(3)} s/frame`);
    }
  }
  await encoder.finish();
  const seconds = (performance.now() - started) / 1000;
  const sidecar = buildSidecar({
    clip,
    frames,
    passerByVisible,
    personHeightM: people.heightM(spec.person),
    files: { video, silhouettes: silhouettesFile },
  });
  readStudioTruth(JSON.parse(JSON.stringify(sidecar)));
  writeFileSync(
    join(options.outDir, silhouettesFile),
    packSilhouettes(widthPx, heightPx, silhouettes),
  );
  writeFileSync(join(options.outDir, truthFile), `${JSON.stringify(sidecar)}\n`);
  return { id: spec.id, frames: frameCount, seconds, files: [video, silhouettesFile, truthFile] };
}
