import { chromium, type Browser, type Page } from '@playwright/test';
import type { BrowserPoseBenchRow } from '../../src/bench/benchPage';
import type { PoseModelId } from '../../src/geometry/types';
import { tfjsFixture } from '../../tests/helpers/fixtures';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, requireChromium } from '../../tests/browser/chromium';

export interface BrowserSession {
  readonly browser: Browser;
  readonly page: Page;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * Where the bench serves the app; STRETCHCHECK_BENCH_PORT moves it (benches of two checkouts side
 * by side). A taken port is not an error: the next free one is used.
 */
const BENCH_PORT = Number(process.env['STRETCHCHECK_BENCH_PORT'] ?? 4180);

/** Builds the app, serves it with `vite preview` and opens headless Debian Chromium. */
export async function openBuiltApp(extraArgs: readonly string[] = []): Promise<BrowserSession> {
  await build({ logLevel: 'warn' });
  const server: PreviewServer = await preview({
    preview: { port: BENCH_PORT, strictPort: false },
  });
  const baseUrl = server.resolvedUrls?.local[0] ?? `http://localhost:${BENCH_PORT}/`;
  const browser = await chromium.launch({
    executablePath: requireChromium(),
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', ...extraArgs],
  });
  const context = await browser.newContext({ permissions: ['camera'] });
  const page = await context.newPage();
  return {
    browser,
    page,
    baseUrl,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Serves a real clip (Apache fixtures) at /bench-clip.mp4 for the bench page. */
export async function serveBenchClip(page: Page): Promise<void> {
  await page.route('**/bench-clip.mp4', (route) =>
    route.fulfill({ path: tfjsFixture('pose_1.mp4'), contentType: 'video/mp4' }),
  );
}

/**
 * Times a model (MoveNet Lightning unless told) standalone in the pose worker (the bench page),
 * for ratios against a pipeline measured in the same run. Needs `serveBenchClip` first.
 */
export async function standaloneRates(
  page: Page,
  baseUrl: string,
  model: PoseModelId = 'movenet-lightning',
): Promise<BrowserPoseBenchRow> {
  await page.goto(`${baseUrl}bench.html?clip=/bench-clip.mp4&frames=60&models=${model}`);
  await page.waitForFunction(() => window.benchResults !== undefined, undefined, {
    timeout: 300_000,
  });
  const results = await page.evaluate(() => window.benchResults);
  const row = Array.isArray(results) ? results[0] : undefined;
  if (row === undefined) throw new Error(`bench page failed: ${JSON.stringify(results)}`);
  return row;
}
