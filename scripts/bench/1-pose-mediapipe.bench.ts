import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { z } from 'zod';
import type { RuntimeBenchRow, RuntimeId } from '../../src/bench/runtimeBench';
import { tfjsFixture } from '../../tests/helpers/fixtures';
import { requireFfmpeg } from '../../tests/helpers/video';
import { studioClips, type StudioClip } from './adaptive/studioClips';
import { openBuiltApp } from './browser';
import { mediapipePoseFolder, MEDIAPIPE_POSE } from './mediapipe/runtimePackage';
import { fixed, printTable } from './table';

export const title =
  "BlazePose's two runtimes in headless Chromium: the app's TF.js worker (wasm) beside MediaPipe's own (npm @mediapipe/pose, served from the app's origin, driven by pose-detection), speed and accuracy on the same frames";

const RUNTIMES: readonly RuntimeId[] = [
  'tfjs-lite',
  'tfjs-full',
  'mediapipe-lite',
  'mediapipe-full',
  'mediapipe-heavy',
];

const STUDIO_SET = process.env['STRETCHCHECK_STUDIO_SET'] ?? 'studio/out/set1';
/** Studio clips measured, and the stretch of each: enough for every stretch and camera, in time. */
const STUDIO_CLIPS = 4;
const STUDIO_SECONDS = 10;

const ARTIFACTS = fileURLToPath(new URL('../../artifacts/runtime-bench/', import.meta.url));

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.mp4': 'video/mp4',
};

/** Serves the MediaPipe package under /mediapipe-pose/ and the case's clip and reference. */
async function serve(page: Page, clip: string, reference: string): Promise<void> {
  const runtime = mediapipePoseFolder();
  await page.route('**/mediapipe-pose/**', (route) => {
    const name = new URL(route.request().url()).pathname.replace('/mediapipe-pose/', '');
    const path = join(runtime, name);
    return existsSync(path)
      ? route.fulfill({
          path,
          contentType: CONTENT_TYPES[extname(name)] ?? 'application/octet-stream',
        })
      : route.fulfill({ status: 404 });
  });
  await page.route('**/bench-clip.mp4', (route) =>
    route.fulfill({ path: clip, contentType: 'video/mp4' }),
  );
  await page.route('**/bench-reference.json', (route) =>
    route.fulfill({ path: reference, contentType: 'application/json' }),
  );
}

interface Case {
  readonly label: string;
  readonly clip: string;
  readonly reference: string;
  readonly fps: number;
  readonly frames: number;
}

/** pose_squats.mp4 and its reference (tfjs-models' own BlazePose full keypoints, per frame). */
const SQUATS: Case = {
  label: "pose_squats.mp4 (720x1280, 65 frames) against tfjs-models' reference keypoints",
  clip: tfjsFixture('pose_squats.mp4'),
  reference: tfjsFixture('pose_squats.full.json'),
  fps: 5,
  frames: 65,
};

const truthFrames = z.object({
  frames: z.array(
    z.object({
      timestampMs: z.number(),
      blazepose: z.array(z.tuple([z.number(), z.number(), z.number()])),
    }),
  ),
});

/**
 * A studio clip's first hold (its first `STUDIO_SECONDS`, faults and all) as a short MP4, with the
 * truth's BlazePose landmarks as the reference: only points inside the picture and not hidden
 * (flags bit 0 inside, bit 1 occluded, see studio/README.md) are judged.
 */
function studioCase(clip: StudioClip): Case {
  const hold = clip.phases.find((p) => p.kind === 'hold');
  const fromMs = hold?.startMs ?? 0;
  const frames = Math.round(STUDIO_SECONDS * clip.fps);
  mkdirSync(ARTIFACTS, { recursive: true });
  const video = join(ARTIFACTS, `${clip.id}-${fromMs}.mp4`);
  const reference = join(ARTIFACTS, `${clip.id}-${fromMs}.json`);
  if (!existsSync(video) || !existsSync(reference)) {
    requireFfmpeg();
    execFileSync('ffmpeg', [
      '-v',
      'error',
      '-y',
      '-ss',
      String(fromMs / 1000),
      '-i',
      clip.videoPath,
      '-frames:v',
      String(frames),
      '-c:v',
      'libx264',
      '-crf',
      '16',
      '-pix_fmt',
      'yuv420p',
      video,
    ]);
    const truth = truthFrames.parse(
      JSON.parse(readFileSync(clip.videoPath.replace(/\.mp4$/, '.truth.json'), 'utf8')),
    );
    const first = truth.frames.findIndex((f) => f.timestampMs >= fromMs - 1);
    const points = truth.frames
      .slice(first, first + frames)
      .map((f) => f.blazepose.map(([x, y, flags]) => (flags === 1 ? [x, y] : null)));
    writeFileSync(reference, JSON.stringify(points));
  }
  return {
    label: `${clip.id} from ${(fromMs / 1000).toFixed(1)} s (${clip.widthPx}x${clip.heightPx}, ${frames} frames) against the studio's truth`,
    clip: video,
    reference,
    fps: clip.fps,
    frames,
  };
}

/** One clip of each stretch, in name order: different people, rooms and cameras. */
function studioCases(): Case[] {
  if (!existsSync(STUDIO_SET)) return [];
  const seen = new Set<string>();
  return studioClips(STUDIO_SET)
    .filter((clip) => !seen.has(clip.stretch) && seen.add(clip.stretch))
    .slice(0, STUDIO_CLIPS)
    .map(studioCase);
}

async function measure(one: Case): Promise<RuntimeBenchRow[]> {
  const session = await openBuiltApp();
  try {
    await serve(session.page, one.clip, one.reference);
    await session.page.goto(
      `${session.baseUrl}bench.html?runtimes=${RUNTIMES.join(',')}&clip=/bench-clip.mp4` +
        `&reference=/bench-reference.json&fps=${one.fps}&frames=${one.frames}`,
    );
    await session.page.waitForFunction(() => window.runtimeResults !== undefined, undefined, {
      timeout: 1_800_000,
    });
    const results = await session.page.evaluate(() => window.runtimeResults);
    if (!Array.isArray(results)) throw new Error(`runtime bench: ${JSON.stringify(results)}`);
    return results;
  } finally {
    await session.close();
  }
}

export async function run(): Promise<void> {
  console.log(
    `MediaPipe runtime: ${MEDIAPIPE_POSE.spec} (npm pack'ed into artifacts/, integrity checked). ` +
      "Its models run on the page's main thread (its script needs a classic worker or a page) " +
      'with WebGL, here SwiftShader (no GPU); the TF.js runtime in the pose worker on wasm.',
  );
  const cases = [SQUATS, ...studioCases()];
  if (cases.length === 1) console.log(`(No studio clips in ${STUDIO_SET}: fixtures only.)`);
  const all: { one: Case; rows: RuntimeBenchRow[] }[] = [];
  for (const one of cases) {
    const rows = await measure(one);
    all.push({ one, rows });
    console.log(`\n${one.label}:`);
    printTable(
      [
        'runtime',
        'thread',
        'ms/frame',
        'p95 ms',
        'cold start ms',
        'frames with a pose',
        'median error px',
        'p95 error px',
        'points judged',
      ],
      rows.map((r) => [
        r.runtime,
        r.thread,
        fixed(r.msPerFrame),
        fixed(r.p95MsPerFrame),
        fixed(r.coldStartMs, 0),
        `${r.framesWithPose}/${r.frames}`,
        fixed(r.medianErrorPx),
        fixed(r.p95ErrorPx),
        String(r.pointsJudged),
      ]),
    );
  }
  if (all.length > 1) {
    console.log('\nStudio clips together (median of the per-clip figures):');
    const median = (values: number[]): number =>
      [...values].sort((a, b) => a - b)[(values.length - 1) >> 1] ?? NaN;
    printTable(
      ['runtime', 'ms/frame', 'median error px', 'p95 error px'],
      RUNTIMES.map((runtime) => {
        const rows = all
          .slice(1)
          .flatMap(({ rows: r }) => r.filter((row) => row.runtime === runtime));
        return [
          runtime,
          fixed(median(rows.map((r) => r.msPerFrame))),
          fixed(median(rows.map((r) => r.medianErrorPx))),
          fixed(median(rows.map((r) => r.p95ErrorPx))),
        ];
      }),
    );
  }
}
