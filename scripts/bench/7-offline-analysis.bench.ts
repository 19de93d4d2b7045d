import type { Page } from '@playwright/test';
import { tfjsFixture } from '../../tests/helpers/fixtures';
import { openBuiltApp, serveBenchClip, standaloneRates } from './browser';
import { fixed, printTable } from './table';

export const title =
  'Offline analysis of an uploaded video in headless Chromium (MoveNet Lightning, wasm), against the raw model in the same run';

interface Case {
  readonly label: string;
  readonly file: string;
  /** The "Frames to analyse" option's label. */
  readonly rate: string;
}

const CASES: readonly Case[] = [
  {
    label: 'portrait phone clip, 5 fps, 13 s, 10/s',
    file: tfjsFixture('pose_squats.mp4'),
    rate: '10 frames a second (recommended)',
  },
  {
    label: 'square clip, 30 fps, 4 s, 10/s',
    file: tfjsFixture('pose_1.mp4'),
    rate: '10 frames a second (recommended)',
  },
  {
    label: 'square clip, 30 fps, 4 s, every frame',
    file: tfjsFixture('pose_1.mp4'),
    rate: 'Every frame (slowest)',
  },
];

interface Outcome {
  readonly frames: number;
  readonly analysedFps: number;
  readonly recoveries: number;
  readonly slotsLost: number;
  readonly method: string;
}

async function analyse(page: Page, baseUrl: string, one: Case): Promise<Outcome> {
  await page.goto(`${baseUrl}#/analyse`);
  await page.getByTestId('video-input').setInputFiles(one.file);
  await page.getByTestId('rate-choice').selectOption({ label: one.rate });
  // The stretch is chosen, so the figures are the analysis alone (detection is after it anyway).
  await page.getByTestId('stretch-choice').selectOption({ label: 'Standing hamstring stretch' });
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  const done = page.getByTestId('analysis-done');
  await done.waitFor({ timeout: 300_000 });
  const data = await done.evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  return {
    frames: Number(data['frames']),
    analysedFps: Number(data['analysedFps']),
    recoveries: Number(data['recoveries']),
    slotsLost: Number(data['slotsLost']),
    method: data['method'] ?? '?',
  };
}

export async function run(): Promise<void> {
  const session = await openBuiltApp();
  const { page, baseUrl } = session;
  try {
    await serveBenchClip(page);
    const before = await standaloneRates(page, baseUrl);
    const outcomes: Outcome[] = [];
    for (const one of CASES) outcomes.push(await analyse(page, baseUrl, one));
    const after = await standaloneRates(page, baseUrl);
    const rawFps = 2000 / (before.rawMsPerFrame + after.rawMsPerFrame);
    const estimatorFps = 2000 / (before.estimatorMsPerFrame + after.estimatorMsPerFrame);
    printTable(
      [
        'clip',
        'read by',
        'frames',
        'analysed/s',
        '/ raw model',
        '/ estimator',
        'seeks back',
        'lost',
      ],
      CASES.map((one, i) => {
        const o = outcomes[i];
        if (o === undefined) return [one.label];
        return [
          one.label,
          o.method,
          String(o.frames),
          fixed(o.analysedFps),
          fixed(o.analysedFps / rawFps, 2),
          fixed(o.analysedFps / estimatorFps, 2),
          String(o.recoveries),
          String(o.slotsLost),
        ];
      }),
    );
    console.log(
      `raw model ${fixed(rawFps)} frames/s, estimator ${fixed(estimatorFps)} frames/s ` +
        '(standalone in the worker, before and after). Goal: analysed / raw model >= 0.9.',
    );
  } finally {
    await session.close();
  }
}
