/**
 * `npm run soak -- [--minutes N] [--interval S] [--check]`: a live session in headless Chromium
 * with the fake webcam, for N minutes (default 10), printing every S seconds (default 30):
 * analysed frames/s, the pose worker's tensors, the JS heap of the page and of the pose worker
 * (each after a forced garbage collection) and what IndexedDB holds. The goal is flat lines: no
 * tensor growth, heap growth under 10% after warm-up, a stable frame rate.
 *
 * With --check it exits non-zero if the tensor count grew at all (what CI runs, for a short
 * while) — and also if the run could not have seen growth: no tensor count read, a count of
 * zero (no TF.js model), an interval with no new frame or no new count, or fewer than two
 * samples to compare.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { fakeWebcamArgs } from '../tests/browser/chromium';
import { prepareFakeWebcam } from '../tests/browser/fakeWebcam';
import { openBuiltApp } from './bench/browser';
import { startLiveSession } from './bench/liveSession';
import { fixed, printTable } from './bench/table';

interface Options {
  readonly minutes: number;
  readonly intervalS: number;
  readonly check: boolean;
}

/**
 * The session runner reads the worker's tensor count every 5 s (sessionRunner.ts,
 * DIAGNOSTICS_MS); a shorter interval could not tell a new reading from an old one.
 */
const MIN_INTERVAL_S = 6;

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    const raw = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(raw) || raw <= 0) throw new Error(`${name} needs a positive number`);
    return raw;
  };
  const intervalS = value('--interval', 30);
  if (intervalS < MIN_INTERVAL_S) throw new Error(`--interval must be at least ${MIN_INTERVAL_S}`);
  return { minutes: value('--minutes', 10), intervalS, check: argv.includes('--check') };
}

/** What the session stage shows (see src/ui/live/SessionStage.tsx). */
interface StageReading {
  readonly frames: number;
  readonly tensors: number;
  readonly tensorReadings: number;
}

/** Reads a whole-number attribute of the stage; a missing or odd one is an error, never 0. */
async function stageNumber(page: Page, name: string): Promise<number> {
  const stage = page.getByTestId('session-stage');
  const raw = await stage.getAttribute(name, { timeout: 10_000 });
  const value = Number(raw);
  if (raw === null || raw === '' || !Number.isInteger(value) || value < 0) {
    throw new Error(`The session stage has no usable ${name} (${String(raw)}).`);
  }
  return value;
}

async function readStage(page: Page): Promise<StageReading> {
  return {
    frames: await stageNumber(page, 'data-frames-analysed'),
    tensors: await stageNumber(page, 'data-tensors'),
    tensorReadings: await stageNumber(page, 'data-tensor-readings'),
  };
}

/** The page's used JS heap in MB, after a full garbage collection. */
async function pageHeapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

/** A worker that does not answer in this long is gone (restarted after a crash): an error. */
const WORKER_ANSWER_MS = 15_000;

/**
 * The pose worker's heap. Playwright gives CDP sessions for pages only, so this attaches to the
 * worker target through the browser session and talks to it with Target.sendMessageToTarget.
 */
async function workerHeapProbe(browser: Browser): Promise<() => Promise<number>> {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  // The name given in workerPoseEstimator.ts; TF.js's wasm threads are unnamed blob: workers.
  const worker = targetInfos.find((t) => t.type === 'worker' && t.title === 'pose-estimator');
  if (worker === undefined) throw new Error('No pose-estimator worker is running.');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: worker.targetId,
    flatten: false,
  });
  let nextId = 1;
  const answers = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id === undefined) return;
    answers.get(message.id)?.(message.result);
    answers.delete(message.id);
  });
  const send = (method: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        answers.delete(id);
        reject(new Error(`The pose worker did not answer ${method}.`));
      }, WORKER_ANSWER_MS);
      answers.set(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      cdp
        .send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params: {} }),
        })
        .catch(reject);
    });
  return async () => {
    await send('HeapProfiler.collectGarbage');
    const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize / 2 ** 20;
  };
}

/** IndexedDB's share of the origin's storage (Chromium's usageDetails); else all of it. */
async function indexedDbMb(page: Page): Promise<number> {
  const bytes = await page.evaluate(async () => {
    const estimate = (await navigator.storage.estimate()) as StorageEstimate & {
      usageDetails?: { indexedDB?: number };
    };
    return estimate.usageDetails?.indexedDB ?? estimate.usage ?? 0;
  });
  return bytes / 2 ** 20;
}

interface Sample {
  readonly atS: number;
  readonly fps: number;
  readonly tensors: number;
  /** Frames analysed and tensor counts read since the previous sample. */
  readonly newFrames: number;
  readonly newTensorReadings: number;
  readonly pageHeapMb: number;
  readonly workerHeapMb: number;
  readonly storedMb: number;
}

function growth(first: number, last: number): number {
  return first === 0 ? 0 : (last - first) / first;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Why a --check run failed: tensor growth, or a run that could not have seen any. */
function checkFailures(samples: readonly Sample[], tensorGrowth: number): string[] {
  const failures: string[] = [];
  if (samples.length < 2) failures.push(`only ${samples.length} sample(s): nothing to compare`);
  if (samples.some((s) => s.tensors === 0))
    failures.push('a tensor count of 0: no TF.js model was running');
  const noFrames = samples.filter((s) => s.newFrames === 0).map((s) => `${s.atS} s`);
  if (noFrames.length > 0)
    failures.push(`no frame analysed in the interval to ${noFrames.join(', ')}`);
  const stale = samples.filter((s) => s.newTensorReadings === 0).map((s) => `${s.atS} s`);
  if (stale.length > 0) failures.push(`no new tensor count in the interval to ${stale.join(', ')}`);
  if (tensorGrowth > 0) failures.push(`the pose model's tensor count grew by ${tensorGrowth}`);
  return failures;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const session = await openBuiltApp(fakeWebcamArgs(prepareFakeWebcam()));
  const { page, baseUrl, browser } = session;
  try {
    await startLiveSession(page, baseUrl);
    await page
      .waitForFunction(
        () => document.querySelector('[data-testid="session-stage"]')?.hasAttribute('data-tensors'),
        undefined,
        { timeout: 60_000 },
      )
      .catch((error: unknown) => {
        throw new Error('The live session showed no tensor count (data-tensors) within 60 s.', {
          cause: error,
        });
      });
    const cdp = await page.context().newCDPSession(page);
    const workerHeapMb = await workerHeapProbe(browser);
    console.log(
      `Soak: ${options.minutes} min live session, a sample every ${options.intervalS} s ` +
        '(fake webcam, MoveNet Lightning, wasm). Heaps are after a forced GC.',
    );
    const samples: Sample[] = [];
    let previous = await readStage(page);
    const startMs = Date.now();
    let previousMs = startMs;
    const total = Math.max(1, Math.round((options.minutes * 60) / options.intervalS));
    for (let i = 1; i <= total; i++) {
      // Against the clock, so the time spent reading does not stretch the run.
      await page.waitForTimeout(Math.max(0, startMs + i * options.intervalS * 1000 - Date.now()));
      const reading = await readStage(page);
      const nowMs = Date.now();
      const sample: Sample = {
        atS: Math.round((nowMs - startMs) / 1000),
        fps: (reading.frames - previous.frames) / ((nowMs - previousMs) / 1000),
        tensors: reading.tensors,
        newFrames: reading.frames - previous.frames,
        newTensorReadings: reading.tensorReadings - previous.tensorReadings,
        pageHeapMb: await pageHeapMb(cdp),
        workerHeapMb: await workerHeapMb(),
        storedMb: await indexedDbMb(page),
      };
      previous = reading;
      previousMs = nowMs;
      samples.push(sample);
      console.log(
        `  ${String(sample.atS).padStart(5)} s  ${fixed(sample.fps)} frames/s  ` +
          `${sample.tensors} tensors  page heap ${fixed(sample.pageHeapMb, 2)} MB  ` +
          `worker heap ${fixed(sample.workerHeapMb, 2)} MB  IndexedDB ${fixed(sample.storedMb, 2)} MB` +
          (sample.newTensorReadings === 0 ? '  (no new tensor count)' : ''),
      );
    }
    await page.keyboard.press('Escape');

    // Warm-up: the first fifth of the run (at least one sample) settles caches and JIT.
    const afterWarmUp = samples.slice(Math.max(1, Math.floor(samples.length / 5)));
    const first = afterWarmUp[0] ?? samples[0];
    const last = samples.at(-1);
    if (first === undefined || last === undefined) throw new Error('no samples taken');
    const fpsValues = afterWarmUp.map((s) => s.fps);
    const tensorGrowth = Math.max(...samples.map((s) => s.tensors)) - (samples[0]?.tensors ?? 0);
    const minutes = (last.atS - first.atS) / 60;
    console.log('');
    printTable(
      ['figure', 'value', 'goal'],
      [
        ['tensor growth (max - first)', String(tensorGrowth), '0'],
        [
          'page JS heap growth after warm-up',
          `${fixed(growth(first.pageHeapMb, last.pageHeapMb) * 100)}%`,
          '< 10%',
        ],
        [
          'pose worker JS heap growth after warm-up',
          `${fixed(growth(first.workerHeapMb, last.workerHeapMb) * 100)}%`,
          '< 10%',
        ],
        [
          'frames/s after warm-up (min / median / max)',
          `${fixed(Math.min(...fpsValues))} / ${fixed(median(fpsValues))} / ${fixed(Math.max(...fpsValues))}`,
          'stable',
        ],
        [
          'IndexedDB growth per minute (the recording)',
          `${fixed(minutes > 0 ? (last.storedMb - first.storedMb) / minutes : NaN, 2)} MB`,
          '',
        ],
      ],
    );
    if (options.check) {
      const failures = checkFailures(samples, tensorGrowth);
      const tookS = Math.round((Date.now() - started) / 1000);
      if (failures.length > 0) {
        console.error(`\nSoak check failed (${tookS} s):\n  - ${failures.join('\n  - ')}`);
        process.exitCode = 1;
      } else {
        console.log(
          `\nSoak check passed (${tookS} s): ${samples.length} samples, no tensor growth.`,
        );
      }
    }
  } finally {
    await session.close();
  }
}

await main();
