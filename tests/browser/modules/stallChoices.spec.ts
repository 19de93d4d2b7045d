import { expect, test, type Page } from '@playwright/test';
import type * as StallPage from './stallPanelPage';
import { openHarness } from './harness';

/**
 * Issue 17 item 7 on the live panel: the hold ring says what it waits for (settling in, waiting
 * for the form, paused by the user), and a stalled hold offers "ease the target" and "move on"
 * as buttons with keys.
 */

const PAGE = '/tests/browser/modules/stallPanelPage.tsx';

type Show = Parameters<StallPage.StallPanel['show']>;

async function mount(page: Page): Promise<void> {
  await openHarness(page);
  await page.evaluate(async (path) => {
    const m = (await import(path)) as typeof StallPage;
    const panel = m.mountStallPanel(document.getElementById('harness') as HTMLElement);
    (window as unknown as { panel: StallPage.StallPanel }).panel = panel;
  }, PAGE);
}

async function show(page: Page, ...args: Show): Promise<void> {
  await page.evaluate(
    (a) => (window as unknown as { panel: StallPage.StallPanel }).panel.show(...a),
    args,
  );
}

const sent = (page: Page) =>
  page.evaluate(() => (window as unknown as { panel: StallPage.StallPanel }).panel.commands());

test('the ring tells settling in, waiting for the form and paused by you apart', async ({
  page,
}) => {
  await mount(page);
  const ring = page.getByTestId('hold-ring');
  // The first moment of a hold, before any fault: not "paused".
  await expect(ring).toHaveAttribute('data-status', 'settling');
  await expect(ring).toContainText('ease in');
  await expect(ring).not.toContainText('paused');
  await show(page, 'waiting', null);
  await expect(ring).toContainText('waiting for you');
  await expect(ring.getByRole('img')).toHaveAttribute('aria-label', /waiting/);
  await show(page, 'paused', null);
  await expect(ring).toContainText('you paused');
  // The two look different too, not only in words.
  const stroke = (status: string) =>
    page.evaluate(
      (s) => getComputedStyle(document.querySelector(`.hold-ring-${s} .hold-ring-fill`)!).stroke,
      status,
    );
  const pausedStroke = await stroke('paused');
  await show(page, 'waiting', null);
  expect(await stroke('waiting')).not.toBe(pausedStroke);
  await expect(page.getByTestId('stall-offer')).toHaveCount(0);
});

test('a stalled hold offers ease and move on, by click, Tab and the E and M keys', async ({
  page,
}) => {
  await mount(page);
  // No offer yet: E and M do nothing.
  await page.keyboard.press('e');
  await page.keyboard.press('m');
  expect(await sent(page)).toEqual([]);

  await show(page, 'waiting', { easeOffered: true });
  const offer = page.getByTestId('stall-offer');
  await expect(offer).toContainText("isn't coming today");
  const ease = offer.getByRole('button', { name: 'Ease the target (E)' });
  const moveOn = offer.getByRole('button', { name: 'Move on (M)' });
  await expect(ease).toHaveAttribute('aria-keyshortcuts', 'E');
  await ease.click();
  await moveOn.click();
  await page.keyboard.press('e');
  await page.keyboard.press('M');
  expect(await sent(page)).toEqual(['ease-target', 'move-on', 'ease-target', 'move-on']);

  // Keyboard reachable: Tab lands on the choices.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await ease.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  expect((await sent(page)).at(-1)).toBe('ease-target');

  // Once eased, only "move on" is left, and E does nothing.
  await show(page, 'waiting', { easeOffered: false }, true);
  await expect(offer.getByRole('button', { name: /Ease/ })).toHaveCount(0);
  await expect(page.getByTestId('hold-ring')).toContainText('Easier target');
  const before = (await sent(page)).length;
  await page.keyboard.press('e');
  expect((await sent(page)).length).toBe(before);
});
