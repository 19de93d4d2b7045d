import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { tfjsFixture } from '../../tests/helpers/fixtures';
import { requireFfmpeg } from '../../tests/helpers/video';
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

const MADE = fileURLToPath(new URL('../../artifacts/bench-clips/', import.meta.url));
/**
 * Like a phone's: 1080 x 1920 portrait stored landscape with a rotation, 30 fps, 13 s, 16 Mbit/s
 * (what phones record 1080p at), no B-frames (phones' encoders use none).
 */
const PHONE_1080P = `${MADE}phone-1080p-30fps-16M.mp4`;
/** The square clip five times over: long enough that starting the model is a small share. */
const LONG = `${MADE}square-30fps-20s.mp4`;
/** A WebM (VP8, what browsers' MediaRecorder and screen recorders write). */
const WEBM = `${MADE}square-30fps.webm`;
/** VP8 in Ogg, which Chromium plays and Mediabunny does not read (it reads Ogg sound only): the player's route. */
const OGG = `${MADE}square-30fps.ogv`;

/** Makes the clips above from the Apache fixtures, once (kept under artifacts/). */
function makeClips(): void {
  requireFfmpeg();
  mkdirSync(MADE, { recursive: true });
  const ffmpeg = (...args: string[]): void => {
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
  };
  if (!existsSync(PHONE_1080P)) {
    // Grain that changes every frame, so each frame costs the decoder what a camera's would.
    ffmpeg(
      '-i',
      tfjsFixture('pose_squats.mp4'),
      '-vf',
      'fps=30,scale=1080:1920,noise=alls=12:allf=t,transpose=2',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-bf',
      '0',
      '-b:v',
      '16M',
      '-maxrate',
      '16M',
      '-bufsize',
      '32M',
      '-pix_fmt',
      'yuv420p',
      `${MADE}phone-turned.mp4`,
    );
    ffmpeg(
      '-i',
      `${MADE}phone-turned.mp4`,
      '-c',
      'copy',
      '-metadata:s:v:0',
      'rotate=270',
      PHONE_1080P,
    );
  }
  if (!existsSync(LONG))
    ffmpeg('-stream_loop', '4', '-i', tfjsFixture('pose_1.mp4'), '-c', 'copy', LONG);
  if (!existsSync(OGG))
    ffmpeg('-i', tfjsFixture('pose_1.mp4'), '-c:v', 'libvpx', '-b:v', '2M', '-f', 'ogg', OGG);
  if (!existsSync(WEBM))
    ffmpeg('-i', tfjsFixture('pose_1.mp4'), '-c:v', 'libvpx', '-b:v', '2M', WEBM);
}

const CASES: readonly Case[] = [
  {
    label: 'phone clip, 1080p portrait, 30 fps, 16 Mbit/s, 13 s, 10/s',
    file: PHONE_1080P,
    rate: '10 frames a second (recommended)',
  },
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
  {
    label: 'square clip, 30 fps, 20 s, 10/s',
    file: LONG,
    rate: '10 frames a second (recommended)',
  },
  {
    label: 'WebM (VP8), 30 fps, 4 s, 10/s',
    file: WEBM,
    rate: '10 frames a second (recommended)',
  },
  {
    label: 'Ogg (VP8), 30 fps, 4 s, 10/s',
    file: OGG,
    rate: '10 frames a second (recommended)',
  },
];

interface Outcome {
  readonly frames: number;
  readonly analysedFps: number;
  /** Share of the analysis time the pose worker spent estimating: 1 means it never waited. */
  readonly workerBusy: number;
  readonly slotsMissed: number;
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
    workerBusy: Number(data['workerBusy']),
    slotsMissed: Number(data['slotsMissed']),
    method: data['method'] ?? '?',
  };
}

export async function run(): Promise<void> {
  makeClips();
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
        'worker busy',
        'slots missed',
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
          fixed(o.workerBusy, 2),
          String(o.slotsMissed),
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
