import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { tfjsFixture } from '../helpers/fixtures';
import { screensDir } from './screens';

/**
 * A clip's client and name: chosen when a video is analysed, shown and changed on its review,
 * listed on Clips; renaming by keyboard (Enter saves, Escape cancels, an empty name is refused).
 */

const SHOTS = screensDir('clients');
/** A square clip, 30 frames a second, 4 s. */
const SHORT = tfjsFixture('pose_1.mp4');

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return result.violations.map((v) => `${v.impact ?? ''} ${v.id}: ${v.help} (${v.nodes.length})`);
}

test('an analysed clip keeps its client, is renamed by keyboard and lists both on Clips', async ({
  page,
}) => {
  test.setTimeout(4 * 60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/#/analyse');
  await expect(page.getByRole('heading', { level: 1, name: 'Analyse a video' })).toBeVisible();
  await page.getByTestId('video-input').setInputFiles(SHORT);
  await page.getByTestId('stretch-choice').selectOption({ label: 'Standing hamstring stretch' });
  const client = page.getByLabel('Client (optional): name or initials');
  await client.fill('Ann\u0007');
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('control characters');
  await client.fill('  Ann   Lee ');
  await page.getByRole('button', { name: 'Analyse', exact: true }).click();
  await expect(page.getByTestId('analysis-done')).toBeVisible({ timeout: 180_000 });
  await page.getByTestId('open-review').click();

  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/Standing hamstring stretch · pose_1\.mp4/);
  await expect(page.getByTestId('clip-client')).toContainText('Ann Lee');

  // Rename: an empty name is refused and nothing changes; Escape puts the old name back.
  const rename = page.getByRole('button', { name: /^Rename: the clip/ });
  await rename.click();
  const nameField = page.getByLabel('Clip name');
  await expect(nameField).toBeFocused();
  await nameField.fill('   ');
  await nameField.press('Enter');
  await expect(page.getByTestId('clip-rename').getByRole('alert')).toHaveText(
    'A clip needs a name; type at least one letter.',
  );
  await expect(nameField).toBeVisible();
  await nameField.press('Escape');
  await expect(nameField).toHaveCount(0);
  await expect(heading).toHaveText(/pose_1\.mp4/);
  await expect(rename).toBeFocused();

  await page.keyboard.press('Enter');
  await nameField.fill('Ann, left leg, week 1');
  await page.screenshot({ path: `${SHOTS}/clip-rename-1280.png`, fullPage: true });
  await nameField.press('Enter');
  await expect(heading).toHaveText('Ann, left leg, week 1');
  await expect(page.getByRole('button', { name: /^Rename: the clip/ })).toBeFocused();

  // The client can be changed afterwards.
  await page.getByRole('button', { name: /^Change client/ }).click();
  const clientField = page.getByLabel('Client (name or initials)');
  await clientField.fill('A. Lee');
  await clientField.press('Enter');
  await expect(page.getByTestId('clip-client')).toContainText('A. Lee');
  expect(await violations(page)).toEqual([]);

  await page.goto('/#/clips');
  const row = page.getByTestId('clip-list').locator('tbody tr').first();
  await expect(row).toContainText('Ann, left leg, week 1');
  await expect(row).toContainText('A. Lee');
  // Renaming from the list: Escape leaves the name, Enter keeps the new one.
  await row.getByRole('button', { name: /^Rename: the clip/ }).click();
  const listName = row.getByLabel('Clip name');
  await listName.fill('Not this');
  await listName.press('Escape');
  await expect(row.getByRole('link')).toHaveText('Ann, left leg, week 1');
  await row.getByRole('button', { name: /^Rename: the clip/ }).click();
  await row.getByLabel('Clip name').fill('Ann, left leg, week 2');
  await page.screenshot({ path: `${SHOTS}/clips-rename-1280.png`, fullPage: true });
  await row.getByLabel('Clip name').press('Enter');
  await expect(row.getByRole('link')).toHaveText('Ann, left leg, week 2');
  await page.screenshot({ path: `${SHOTS}/clips-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/clips-390.png`, fullPage: true });
  await row.getByRole('link').click();
  await expect(heading).toHaveText('Ann, left leg, week 2');
  await page.screenshot({ path: `${SHOTS}/clip-review-390.png`, fullPage: true });
});
