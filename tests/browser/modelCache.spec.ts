import { expect, test, type Page } from '@playwright/test';

test.use({ serviceWorkers: 'allow' });

const WEIGHTS = '/models/movenet-lightning.bin';

/** The Cache Storage caches holding `path` (any revision query string). */
function cachesHolding(page: Page, path: string): Promise<string[]> {
  return page.evaluate(async (p) => {
    const holding: string[] = [];
    for (const name of await caches.keys()) {
      const hit = await (
        await caches.open(name)
      ).match(new URL(p, location.href).href, {
        ignoreSearch: true,
      });
      if (hit !== undefined) holding.push(name);
    }
    return holding;
  }, path);
}

test('a damaged cached model file is dropped from the offline copy, and weights of old builds are deleted', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  await page.goto('/');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(await cachesHolding(page, WEIGHTS)).toHaveLength(1);

  // Damage the precached weights in place, and leave a cache of some earlier build's weights.
  await page.evaluate(async (path) => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname === path)
          await cache.put(request, new Response(new Uint8Array(4096).fill(7)));
      }
    }
    await (await caches.open('models-000000000000')).put('/models/old.bin', new Response('old'));
  }, WEIGHTS);

  await page.reload();
  await expect.poll(() => page.evaluate(() => caches.keys())).not.toContain('models-000000000000');

  // The damaged file is refused by its checksum, named, and taken out of the cache ...
  await page.getByRole('button', { name: 'Start' }).click();
  const error = page.getByTestId('error');
  await expect(error).toHaveAttribute('data-kind', 'model-load');
  await expect(error).toContainText('movenet-lightning.bin');
  await expect.poll(() => cachesHolding(page, WEIGHTS)).toEqual([]);

  // ... so the next try fetches it again and the session starts.
  await error.getByRole('link', { name: 'Back to the start' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /warmed up/ }).click({ timeout: 60_000 });
  await expect(page.getByTestId('setup-help')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('error')).toHaveCount(0);
});
