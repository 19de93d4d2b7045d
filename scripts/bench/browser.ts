import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_ARGS, requireChromium } from '../../tests/browser/chromium';

export interface BrowserSession {
  readonly browser: Browser;
  readonly page: Page;
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Builds the app, serves it with `vite preview` and opens headless Debian Chromium. */
export async function openBuiltApp(extraArgs: readonly string[] = []): Promise<BrowserSession> {
  await build({ logLevel: 'warn' });
  const server: PreviewServer = await preview({ preview: { port: 4180, strictPort: false } });
  const baseUrl = server.resolvedUrls?.local[0] ?? 'http://localhost:4180/';
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
