/**
 * `npm run soak -- [--minutes N] [--interval S] [--check]`: a live session in headless Chromium
 * with the fake webcam, for N minutes (default 10), printing every S seconds (default 30):
 * analysed frames/s, the pose worker's tensors, the page's JS heap (after a forced garbage
 * collection) and what IndexedDB holds. The goal is flat lines: no tensor growth, heap growth
 * under 10% after warm-up, a stable frame rate. With --check it exits non-zero if the tensor
 * count grew at all (what CI runs, for a short while).
 */
import type { CDPSession, Page } from '@playwright/test';
import { fakeWebcamArgs } from '../tests/browser/chromium';
import { prepareFakeWebcam } from '../tests/browser/fakeWebcam';
import { openBuiltApp } from './bench/browser';
import { fixed, printTable } from './bench/table';

interface Options {
  readonly minutes: number;
  readonly intervalS: number;
  readonly check: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    const raw = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isFinite(raw) || raw <= 0) throw new Error(`${name} needs a positive number`);
    return raw;
  };
  return {
    minutes: value('--minutes', 10),
    intervalS: value('--interval', 30),
    check: argv.includes('--check'),
  };
}

interface Sample {
  readonly atS: number;
  readonly fps: number;
  readonly tensors: number;
  readonly heapMb: number;
  readonly storedMb: number;
}

async function readSample(
  page: Page,
  cdp: CDPSession,
  atS: number,
  framesBefore: number,
  intervalS: number,
): Promise<[Sample, number]> {
  const stage = page.getByTestId('session-stage');
  const frames = Number(await stage.getAttribute('data-frames-analysed'));
  const tensors = Number(await stage.getAttribute('data-tensors'));
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const storedBytes = await page.evaluate(
    async () => (await navigator.storage.estimate()).usage ?? 0,
  );
  return [
    {
      atS,
      fps: (frames - framesBefore) / intervalS,
      tensors,
      heapMb: heap.usedSize / 2 ** 20,
      storedMb: storedBytes / 2 ** 20,
    },
    frames,
  ];
}

function growth(first: number, last: number): number {
  return first === 0 ? 0 : (last - first) / first;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const session = await openBuiltApp(fakeWebcamArgs(prepareFakeWebcam()));
  const { page, baseUrl } = session;
  try {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: /warmed up/ }).click();
    const stage = page.getByTestId('session-stage');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="session-stage"]')?.hasAttribute('data-tensors'),
      undefined,
      { timeout: 60_000 },
    );
    const cdp = await page.context().newCDPSession(page);
    console.log(
      `Soak: ${options.minutes} min live session, a sample every ${options.intervalS} s ` +
        '(fake webcam, MoveNet Lightning, wasm).',
    );
    const samples: Sample[] = [];
    let frames = Number(await stage.getAttribute('data-frames-analysed'));
    const total = Math.max(1, Math.round((options.minutes * 60) / options.intervalS));
    for (let i = 1; i <= total; i++) {
      await page.waitForTimeout(options.intervalS * 1000);
      const [sample, nowFrames] = await readSample(
        page,
        cdp,
        i * options.intervalS,
        frames,
        options.intervalS,
      );
      frames = nowFrames;
      samples.push(sample);
      console.log(
        `  ${String(sample.atS).padStart(5)} s  ${fixed(sample.fps)} frames/s  ` +
          `${sample.tensors} tensors  heap ${fixed(sample.heapMb)} MB  stored ${fixed(sample.storedMb, 2)} MB`,
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
    const heapGrowth = growth(first.heapMb, last.heapMb);
    const storedPerMinute = (last.storedMb - first.storedMb) / ((last.atS - first.atS) / 60 || 1);
    console.log('');
    printTable(
      ['figure', 'value', 'goal'],
      [
        ['tensor growth (max - first)', String(tensorGrowth), '0'],
        ['JS heap growth after warm-up', `${fixed(heapGrowth * 100)}%`, '< 10%'],
        [
          'frames/s after warm-up (min / max)',
          `${fixed(Math.min(...fpsValues))} / ${fixed(Math.max(...fpsValues))}`,
          'stable',
        ],
        ['IndexedDB growth per minute (the recording)', `${fixed(storedPerMinute, 2)} MB`, ''],
      ],
    );
    if (options.check && tensorGrowth > 0) {
      console.error(`\nSoak check failed: the pose model's tensor count grew by ${tensorGrowth}.`);
      process.exitCode = 1;
    }
  } finally {
    await session.close();
  }
}

await main();
