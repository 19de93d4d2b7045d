import { existsSync } from 'node:fs';

/** Debian's Chromium; CHROMIUM_PATH overrides. Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "apt-get install -y chromium" ` +
        '(see .ci/run) or set CHROMIUM_PATH.',
    );
  }
  return CHROMIUM_PATH;
}

/**
 * Flags for a quiet, sandbox-free headless run on a closed network: without the
 * background-networking flags Chromium keeps trying (and failing) to reach Google services.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

/** Flags that give Chromium a fake camera playing `y4mPath` in a loop. */
export function fakeWebcamArgs(y4mPath: string): string[] {
  return ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4mPath}`];
}
