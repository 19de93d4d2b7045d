import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ClipSpec, FramePoses } from '../scene/clipSpec';
import type { FrameResult } from '../page/main';

/**
 * The render page in headless Debian Chromium (WebGL2 on SwiftShader: no GPU here). One browser
 * and one page for a whole set: the machine has two cores, and one renderer at a time is the rule.
 */

const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  // Never throttle a page nobody looks at: it renders the whole time.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
];

export async function bundlePage(): Promise<string> {
  const entry = fileURLToPath(new URL('../page/main.ts', import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no page script');
  return output.text;
}

export interface PageSession {
  loadClip(spec: ClipSpec): Promise<void>;
  renderFrame(frame: FramePoses, index: number): Promise<FrameResult>;
  close(): Promise<void>;
}

export async function openPage(url: string): Promise<PageSession> {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  const browser: Browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const page: Page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => 'studio' in window);
  const check = (): void => {
    if (errors.length > 0) throw new Error(`render page: ${errors.join('; ')}`);
  };
  return {
    async loadClip(spec) {
      await page.evaluate((s) => window.studio.loadClip(s), spec);
      check();
    },
    async renderFrame(frame, index) {
      const result = await page.evaluate(([f, i]) => window.studio.renderFrame(f, i), [
        frame,
        index,
      ] as const);
      check();
      return result;
    },
    close: () => browser.close(),
  };
}
