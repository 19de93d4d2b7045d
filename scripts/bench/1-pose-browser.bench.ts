import type { BrowserPoseBenchRow } from '../../src/bench/benchPage';
import { tfjsFixture } from '../../tests/helpers/fixtures';
import { openBuiltApp } from './browser';
import { fixed, printTable } from './table';

export const title = 'Pose estimation in headless Chromium (pose worker, wasm backend)';

const FRAMES = 60;

export async function run(): Promise<void> {
  const session = await openBuiltApp();
  try {
    // The clip is served to the page by the bench only; the app itself ships no media.
    await session.page.route('**/bench-clip.mp4', (route) =>
      route.fulfill({ path: tfjsFixture('pose_1.mp4'), contentType: 'video/mp4' }),
    );
    await session.page.goto(`${session.baseUrl}bench.html?clip=/bench-clip.mp4&frames=${FRAMES}`);
    await session.page.waitForFunction(() => window.benchResults !== undefined, undefined, {
      timeout: 600_000,
    });
    const results = await session.page.evaluate(() => window.benchResults);
    if (results === undefined || !Array.isArray(results)) {
      throw new Error(`browser bench failed: ${JSON.stringify(results)}`);
    }
    printTable(
      [
        'model',
        'backend',
        'raw model ms/frame',
        'estimator ms/frame',
        'estimator/raw',
        'page round trip ms/frame',
        'cold start to first pose ms',
        'poses found',
      ],
      results.map((r: BrowserPoseBenchRow) => [
        r.model,
        r.backend,
        fixed(r.rawMsPerFrame),
        fixed(r.estimatorMsPerFrame),
        fixed(r.estimatorMsPerFrame / r.rawMsPerFrame, 2),
        fixed(r.roundTripMsPerFrame),
        fixed(r.coldStartMs, 0),
        `${r.posesFound}/${r.frames}`,
      ]),
    );
  } finally {
    await session.close();
  }
}
