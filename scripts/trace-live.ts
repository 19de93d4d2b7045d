/**
 * `npm run trace -- [--model ID] [--fps 30|60] [--seconds N] [--load]`: where a live session's time
 * goes. `--load` keeps one core busy with a second process meanwhile, as the live bench does.
 * Runs the built app on the fake webcam, lets the session settle, records a Chromium trace of N
 * seconds (default 60) with the V8 sampling profiler on every thread, and prints how busy each
 * thread was and which functions the time went to. The trace is kept in artifacts/trace/ (open
 * it in Chromium's performance panel).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fakeWebcamArgs } from '../tests/browser/chromium';
import {
  FAKE_WEBCAM_CLIP,
  FAKE_WEBCAM_Y4M,
  FAST_FAKE_WEBCAM_Y4M,
  prepareFakeWebcam,
} from '../tests/browser/fakeWebcam';
import { POSE_MODEL_IDS, type PoseModelId } from '../src/geometry/types';
import { openBuiltApp } from './bench/browser';
import { startOneCoreLoad } from './bench/cpuLoad';
import { startLiveSession } from './bench/liveSession';
import { summariseTrace } from './trace/summary';
import type { TraceEvent } from './trace/traceEvents';

interface Options {
  readonly model: PoseModelId;
  readonly cameraFps: 30 | 60;
  readonly seconds: number;
  readonly load: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const model = value('--model') ?? 'movenet-lightning';
  if (!(POSE_MODEL_IDS as readonly string[]).includes(model)) {
    throw new Error(`--model must be one of ${POSE_MODEL_IDS.join(', ')}`);
  }
  const cameraFps = Number(value('--fps') ?? 30);
  if (cameraFps !== 30 && cameraFps !== 60) throw new Error('--fps must be 30 or 60');
  const seconds = Number(value('--seconds') ?? 60);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('--seconds needs a number');
  return { model: model as PoseModelId, cameraFps, seconds, load: argv.includes('--load') };
}

/**
 * What is recorded: the devtools timeline (tasks, paint, layout, GC), V8 samples for every thread,
 * and frame events for the compositor.
 */
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.gc',
];

/** The session runs this long before the trace starts: JIT, caches and tracking settle. */
const SETTLE_MS = 10_000;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const y4m = options.cameraFps === 30 ? FAKE_WEBCAM_Y4M : FAST_FAKE_WEBCAM_Y4M;
  const session = await openBuiltApp(
    fakeWebcamArgs(prepareFakeWebcam(FAKE_WEBCAM_CLIP, y4m, options.cameraFps)),
  );
  const load = options.load ? startOneCoreLoad() : null;
  try {
    const { page, browser } = session;
    const live = await startLiveSession(page, session.baseUrl, options.model);
    await page.waitForTimeout(SETTLE_MS);
    const framesBefore = await live.framesAnalysed();
    await browser.startTracing(undefined, { categories: CATEGORIES });
    const startedMs = Date.now();
    await page.waitForTimeout(options.seconds * 1000);
    const frames = (await live.framesAnalysed()) - framesBefore;
    const seconds = (Date.now() - startedMs) / 1000;
    const buffer = await browser.stopTracing();
    await page.keyboard.press('Escape');
    mkdirSync('artifacts/trace', { recursive: true });
    const loaded = options.load ? '-load' : '';
    const path = `artifacts/trace/live-${options.model}-${options.cameraFps}fps${loaded}.json`;
    writeFileSync(path, buffer);
    const parsed = JSON.parse(buffer.toString('utf8')) as
      { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
    console.log(
      `Live session, ${options.model}, ${options.cameraFps} fps fake webcam` +
        `${options.load ? ', one core kept busy by a second process' : ''}: ${fixedFps(frames, seconds)} ` +
        `analysed frames/s over the ${Math.round(seconds)} s traced. Trace: ${path}`,
    );
    summariseTrace(events, frames);
  } finally {
    load?.stop();
    await session.close();
  }
}

function fixedFps(frames: number, seconds: number): string {
  return (frames / seconds).toFixed(1);
}

await main();
