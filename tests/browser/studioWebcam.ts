import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readStudioTruth, type StudioTruth } from '../../scripts/eval/studioTruth';
import { CHROMIUM_ARGS, CHROMIUM_PATH, fakeWebcamArgs } from './chromium';
import { prepareFakeWebcam } from './fakeWebcam';

/**
 * The studio's rendered standing hold (tests/fixtures/studio/README.md) as Chromium's fake
 * webcam. The fake camera reads y4m, converted from the committed MP4 when the spec is loaded
 * (before the browser starts) at the clip's own rate.
 */
const FIXTURE = '../fixtures/studio/set1-17-standing-hamstring';

export const studioTruth: StudioTruth = readStudioTruth(
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`${FIXTURE}.truth.json`, import.meta.url)), 'utf8'),
  ),
);

const y4m = prepareFakeWebcam(
  fileURLToPath(new URL(`${FIXTURE}.mp4`, import.meta.url)),
  fileURLToPath(
    new URL('../../artifacts/fake-webcam/studio-standing-hamstring.y4m', import.meta.url),
  ),
  studioTruth.clip.fps,
);

/** For `test.use(...)`: Chromium with the rendered person as its webcam. */
export const studioWebcamLaunch = {
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeWebcamArgs(y4m)],
  },
};
