import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { LiveLoopProgress } from '../../src/bench/liveLoopBench';
import type { PoseModelId } from '../../src/geometry/types';
import { fakeWebcamArgs } from '../../tests/browser/chromium';
import { runClip, type ClipRun, type FaultLatency } from './adaptive/cueLatency';
import { stillHoldWebcam } from './adaptive/stillHoldWebcam';
import { studioClips, type StudioClip } from './adaptive/studioClips';
import { openBuiltApp } from './browser';
import { processTreeCpu } from './processCpu';
import { fixed, printTable } from './table';

export const title =
  'Adaptive analysis rate: CPU time in a still hold and fault-onset-to-cue latency on rendered fault clips, fixed rate beside adaptive in one run';

/**
 * The studio's rendered clips (MP4 + truth sidecar): STRETCHCHECK_STUDIO_SET, else the studio's
 * default output folder. Without them the latency half is skipped and says so.
 */
const STUDIO_SET = process.env['STRETCHCHECK_STUDIO_SET'] ?? 'studio/out/set1';
/** The models whose cue latency is measured (comma-separated ids). */
const LATENCY_MODELS = (
  process.env['STRETCHCHECK_ADAPTIVE_MODELS'] ?? 'movenet-lightning,blazepose-full'
).split(',') as PoseModelId[];
/**
 * Clips the latency half plays (the first N in name order; all with =0). Each plays through two
 * sessions frame by frame in Node: one 58 s clip took 287 s with Lightning on the shared 2-core
 * machine, so the whole set is for a quiet machine and a long wait.
 */
const LATENCY_CLIPS = Number(process.env['STRETCHCHECK_ADAPTIVE_CLIPS'] ?? 2);
const CPU_MODELS: readonly PoseModelId[] = ['movenet-lightning', 'blazepose-full'];

/** The loop runs this long before CPU is counted (JIT, first poses, the first full-rate spell). */
const SETTLE_MS = 10_000;
const CPU_SECONDS = 60;

/**
 * Scene events the studio scripts that are not form faults (the coach answers them with setup
 * cues, not a fault cue): left out of the latency table.
 */
const NOT_FORM_FAULTS = new Set(['left-frame', 'second-person']);

interface CpuFigures {
  readonly cpuMsPerMinute: number;
  readonly framesPerMinute: number;
  readonly stillShare: number;
}

async function liveLoop(page: Page): Promise<LiveLoopProgress> {
  const progress = await page.evaluate(() => window.liveLoop);
  if (progress?.error) throw new Error(`live loop: ${progress.error}`);
  return progress ?? { framesAnalysed: 0, stillFrames: 0, error: null };
}

/** The browser's CPU time (every Chromium process: page, pose worker, GPU, camera) per minute. */
async function measureCpu(
  page: Page,
  baseUrl: string,
  model: PoseModelId,
  mode: 'fixed' | 'adaptive',
): Promise<CpuFigures> {
  await page.goto(`${baseUrl}bench.html?loop=${mode}&model=${model}`);
  await page.waitForFunction(
    () => (window.liveLoop?.framesAnalysed ?? 0) > 0 || window.liveLoop?.error,
    undefined,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(SETTLE_MS);
  // Chromium is a child of this process (Playwright starts it); this process itself, which
  // serves the app, is not counted.
  const browserCpu = (): number => processTreeCpu(process.pid, { withRoot: false }).cpuMs;
  const before = { cpuMs: browserCpu(), loop: await liveLoop(page), atMs: Date.now() };
  await page.waitForTimeout(CPU_SECONDS * 1000);
  const after = { cpuMs: browserCpu(), loop: await liveLoop(page), atMs: Date.now() };
  const minutes = (after.atMs - before.atMs) / 60_000;
  const frames = after.loop.framesAnalysed - before.loop.framesAnalysed;
  await page.goto('about:blank');
  return {
    cpuMsPerMinute: (after.cpuMs - before.cpuMs) / minutes,
    framesPerMinute: frames / minutes,
    stillShare: (after.loop.stillFrames - before.loop.stillFrames) / Math.max(1, frames),
  };
}

async function cpuInStillHold(clips: readonly StudioClip[]): Promise<void> {
  const webcam = stillHoldWebcam(clips);
  console.log(
    `\nCPU time in a still hold: fake webcam at 30 frames/s showing ${webcam.description}.`,
  );
  console.log(
    "The app's live loop (webcam source, pose worker, LivePoseLoop) in the built app, no screens; " +
      `${CPU_SECONDS} s each after ${SETTLE_MS / 1000} s settling; CPU of every Chromium process.`,
  );
  const session = await openBuiltApp(fakeWebcamArgs(webcam.y4m));
  const rows: string[][] = [];
  try {
    for (const model of CPU_MODELS) {
      const fixedRate = await measureCpu(session.page, session.baseUrl, model, 'fixed');
      const adaptive = await measureCpu(session.page, session.baseUrl, model, 'adaptive');
      rows.push([
        model,
        fixed(fixedRate.framesPerMinute, 0),
        fixed(adaptive.framesPerMinute, 0),
        fixed(fixedRate.cpuMsPerMinute / 1000, 1),
        fixed(adaptive.cpuMsPerMinute / 1000, 1),
        fixed(adaptive.cpuMsPerMinute / fixedRate.cpuMsPerMinute, 2),
        '<= 0.50',
        fixed(adaptive.stillShare * 100, 0),
      ]);
    }
  } finally {
    await session.close();
  }
  printTable(
    [
      'model',
      'frames/min fixed',
      'adaptive',
      'CPU s/min fixed',
      'adaptive',
      'CPU adaptive / fixed',
      'goal',
      '% of poses in still mode',
    ],
    rows,
  );
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[(sorted.length - 1) >> 1] ?? NaN);
};
const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : (sorted[Math.floor(q * (sorted.length - 1))] ?? NaN);
};

function latencyRows(runs: readonly ClipRun[]): string[][] {
  const faults = runs.flatMap((r) => r.faults).filter((f) => !NOT_FORM_FAULTS.has(f.fault.id));
  const byId = new Map<string, FaultLatency[]>();
  for (const f of faults) byId.set(f.fault.id, [...(byId.get(f.fault.id) ?? []), f]);
  const row = (label: string, group: readonly FaultLatency[]): string[] => {
    const fixedMs = group.flatMap((f) => (f.fixedMs === null ? [] : [f.fixedMs]));
    const adaptiveMs = group.flatMap((f) => (f.adaptiveMs === null ? [] : [f.adaptiveMs]));
    const both = group.filter((f) => f.fixedMs !== null && f.adaptiveMs !== null);
    const later = both.map((f) => (f.adaptiveMs ?? 0) - (f.fixedMs ?? 0));
    return [
      label,
      String(group.length),
      `${fixedMs.length} / ${adaptiveMs.length}`,
      String(group.filter((f) => f.fixedMs !== null && f.adaptiveMs === null).length),
      `${fixed(median(fixedMs), 0)} / ${fixed(median(adaptiveMs), 0)}`,
      `${fixed(quantile(fixedMs, 0.9), 0)} / ${fixed(quantile(adaptiveMs, 0.9), 0)}`,
      `${fixed(median(later), 0)} / ${fixed(Math.max(...later), 0)}`,
    ];
  };
  return [
    ...[...byId.entries()].sort().map(([id, group]) => row(id, group)),
    row('all form faults', faults),
  ];
}

async function latencyOnClips(clips: readonly StudioClip[]): Promise<void> {
  if (clips.length === 0) {
    console.log(
      `\nCue latency: no rendered studio clips in ${STUDIO_SET} (set STRETCHCHECK_STUDIO_SET to ` +
        'a folder of <clip>.mp4 + <clip>.truth.json); skipped.',
    );
    return;
  }
  const frames = clips.reduce((sum, c) => sum + ((c.phases.at(-1)?.endMs ?? 0) * c.fps) / 1000, 0);
  console.log(
    `\nFault-onset-to-cue latency on ${clips.length} rendered clips in ${STUDIO_SET} ` +
      `(~${Math.round(frames)} pictures each run): each clip played through two live sessions side ` +
      'by side, fixed rate and adaptive, on a virtual clock (the model takes its quiet-machine ' +
      "time per picture in both, so the machine's load does not enter), coach as the live " +
      'session composes it.',
  );
  for (const model of LATENCY_MODELS) {
    const runs: ClipRun[] = [];
    for (const clip of clips) runs.push(await runClip(clip, model));
    const perMinute = (key: 'fixed' | 'adaptive'): number => {
      const minutes = runs.reduce((sum, r) => sum + r.stillHoldMs / 60_000, 0);
      return runs.reduce((sum, r) => sum + r.stillHoldAnalysed[key], 0) / minutes;
    };
    console.log(`\n${model}:`);
    printTable(
      ['figure', 'fixed', 'adaptive', 'adaptive / fixed', 'goal'],
      [
        [
          'pictures analysed per minute of still hold',
          fixed(perMinute('fixed'), 0),
          fixed(perMinute('adaptive'), 0),
          fixed(perMinute('adaptive') / perMinute('fixed'), 2),
          '<= 0.50',
        ],
        [
          'pictures analysed, whole clips',
          String(runs.reduce((sum, r) => sum + r.analysed.fixed, 0)),
          String(runs.reduce((sum, r) => sum + r.analysed.adaptive, 0)),
          fixed(
            runs.reduce((sum, r) => sum + r.analysed.adaptive, 0) /
              runs.reduce((sum, r) => sum + r.analysed.fixed, 0),
            2,
          ),
          '',
        ],
      ],
    );
    printTable(
      [
        'fault (onset to first cue)',
        'scripted',
        'cued fixed / adaptive',
        'cued at fixed only',
        'median ms fixed / adaptive',
        'p90 ms fixed / adaptive',
        'adaptive later by, median / max ms',
      ],
      latencyRows(runs),
    );
  }
  console.log(
    'Goal: no loss of latency (adaptive median and p90 no later than fixed, no fault cued at ' +
      'the fixed rate only).',
  );
}

export async function run(): Promise<void> {
  const clips = existsSync(STUDIO_SET) ? studioClips(STUDIO_SET) : [];
  await cpuInStillHold(clips);
  await latencyOnClips(LATENCY_CLIPS > 0 ? clips.slice(0, LATENCY_CLIPS) : clips);
}
