import { expect, test } from '@playwright/test';
import { exportSessionsJson } from '../../src/session/sessionExport';
import type { SessionRecord } from '../../src/session/sessionRecord';
import { generateSession } from '../helpers/sessionScenario';
import { screensDir } from './screens';

/**
 * A long history stays short and quick: 300 stored sessions (a year of near-daily stretching,
 * for three people) show the newest 20 a page at a time, and the client filter pages too.
 */

const SHOTS = screensDir('clients');
const SESSIONS = 300;
const DAY_MS = 86_400_000;
const CLIENTS = ['Ann Lee', 'B.K.', null] as const;

/** One generated session, copied to a session a day back from 1 June 2026, clients in turn. */
function longHistory(): string {
  const base = generateSession({
    id: 'base',
    routine: ['standing-hamstring'],
    holdMs: 20_000,
    sampleIntervalMs: 1_000,
  }).record;
  const lastDay = Date.UTC(2026, 5, 1, 7);
  const records: SessionRecord[] = Array.from({ length: SESSIONS }, (_, i) => {
    const startedAtEpochMs = lastDay - i * DAY_MS;
    const client = CLIENTS[i % CLIENTS.length] ?? null;
    const shift = startedAtEpochMs - base.meta.startedAtEpochMs;
    return {
      ...base,
      meta: {
        ...base.meta,
        id: `s-${String(i).padStart(3, '0')}`,
        startedAtEpochMs,
        endedAtEpochMs: base.meta.endedAtEpochMs === null ? null : base.meta.endedAtEpochMs + shift,
        segments: base.meta.segments.map((s) => ({
          ...s,
          startedAtEpochMs: s.startedAtEpochMs + shift,
        })),
        ...(client === null ? {} : { client }),
      },
    };
  });
  return exportSessionsJson(records, lastDay + DAY_MS);
}

test('300 sessions: History shows 20 at a time, "Show older" adds 20, the filter pages too', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.clock.setFixedTime(new Date(Date.UTC(2026, 5, 2, 12)));
  await page.goto('/#/history');
  await expect(page.getByText('No sessions yet.')).toBeVisible();
  await page.getByTestId('import-input').setInputFiles({
    name: 'long-history.json',
    mimeType: 'application/json',
    buffer: Buffer.from(longHistory()),
  });
  await expect(page.getByTestId('import-status')).toContainText(`Imported ${SESSIONS} sessions.`, {
    timeout: 120_000,
  });

  const rows = page.getByTestId('session-list').locator('tbody tr');
  const sessions = page.getByRole('region', { name: 'Sessions', exact: true });
  await expect(rows).toHaveCount(20);
  await expect(sessions.getByText(`Showing the newest 20 of ${SESSIONS}.`)).toBeVisible();
  for (const table of await page.getByTestId('asymmetry-table').all())
    expect(await table.locator('tbody tr').count()).toBeLessThanOrEqual(20);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  test.info().annotations.push({ type: 'history height (px)', description: String(height) });
  console.log(`history page height with ${SESSIONS} sessions: ${height} px`);
  expect(height).toBeLessThan(6_000);
  await page.screenshot({ path: `${SHOTS}/history-300-1280.png`, fullPage: true });

  // The newest first; "Show older" adds the next 20 and moves focus to the first of them.
  await expect(rows.first()).toHaveAttribute('data-session-id', 's-000');
  await page.getByRole('button', { name: 'Show 20 older sessions' }).click();
  await expect(rows).toHaveCount(40);
  await expect(rows.nth(20).getByRole('link')).toBeFocused();
  await expect(rows.nth(20)).toHaveAttribute('data-session-id', 's-020');

  // One client's sessions: 100, paged from their newest again.
  await page.getByLabel('Show sessions of').selectOption({ label: 'B.K.' });
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toHaveAttribute('data-session-id', 's-001');
  await expect(sessions.getByText('Showing the newest 20 of 100.')).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/history-300-390.png`, fullPage: true });
});
