import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Request } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

/** Every request the page, its workers and the service worker make, with what they carry. */
interface Logged {
  readonly url: string;
  readonly method: string;
  readonly hasBody: boolean;
}

test('a whole session, its report and its clip review talk only to their own origin and send nothing', async ({
  page,
  context,
}) => {
  test.setTimeout(4 * 60_000);
  const requests: Logged[] = [];
  const log = (request: Request): void => {
    requests.push({
      url: request.url(),
      method: request.method(),
      hasBody: (request.postDataBuffer()?.length ?? 0) > 0,
    });
  };
  context.on('request', log);
  await page.addInitScript({
    content: `
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber);
      });`,
  });

  // A live session on the (fake) webcam, recorded as a clip and stopped after a while, then its
  // report, the history, and the clip's review with a bundle exported.
  await page.goto('/');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click();
  await expect(page.getByTestId('setup-help')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Record a clip' }).click();
  await page.waitForTimeout(8000);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await expect(page.getByTestId('open-clip')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'See your report' }).click();
  await expect(page.getByRole('heading', { name: 'Session report' })).toBeVisible();
  await page.getByRole('link', { name: 'History' }).first().click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await page.getByRole('link', { name: 'Clips' }).first().click();
  await page.getByTestId('clip-list').getByRole('link').first().click();
  await expect(page.getByTestId('clip-player')).toBeVisible();
  await page.getByTestId('play-pause').click();
  await expect
    .poll(async () => Number(await page.getByTestId('clip-player').getAttribute('data-time-ms')))
    .toBeGreaterThan(500);
  const download = page.waitForEvent('download');
  await page.getByTestId('export-bundle').click();
  await download;

  const origin = new URL(page.url()).origin;
  const foreign = requests.filter(
    (r) => !r.url.startsWith(`${origin}/`) && !/^(blob|data):/.test(r.url),
  );
  expect(foreign).toEqual([]);
  // Nothing is uploaded: no request has a body, and every one is a plain GET.
  expect(requests.filter((r) => r.hasBody || r.method !== 'GET')).toEqual([]);
  // Nothing travels in a query string either (images or keypoints would need one).
  expect(requests.filter((r) => new URL(r.url).search.length > 0).map((r) => r.url)).toEqual([]);
  expect(requests.length).toBeGreaterThan(10);
  expect(
    await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
  ).toEqual([]);
});

test('the pose worker is held to the same policy: it cannot reach another origin', async ({
  page,
}) => {
  // Another origin on this machine that counts what reaches it (CORS open, so only the policy
  // can stop a request).
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.end('reached');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const elsewhere = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await page.goto('/');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.getByRole('button', { name: /warmed up/ }).click();
    await expect(page.getByTestId('setup-help')).toBeVisible({ timeout: 60_000 });
    const worker = page.workers().find((w) => w.url().includes('poseWorker'));
    expect(worker).toBeDefined();
    // A <meta> policy binds the page only; a worker has the policy of its script's response.
    const answer = await worker?.evaluate(
      (url) =>
        fetch(url).then(
          () => 'reached',
          () => 'refused',
        ),
      `${elsewhere}from-worker`,
    );
    expect(answer).toBe('refused');
    expect(hits).toEqual([]);
  } finally {
    server.close();
  }
});
