import { expect, test } from '@playwright/test';
import type * as Page from './renderCountsPage';
import { openHarness } from './harness';

/**
 * A live session's state changes with every analysed frame (the pose, the frame count) and the
 * view is rebuilt every step. The session panel subscribes through selectors: a frame re-renders
 * only the parts whose content changed. Counted with React's Profiler on the dev build.
 */
test('a frame re-renders only the parts of the session panel that changed', async ({ page }) => {
  await openHarness(page);
  const counts = await page.evaluate(async (modulePath) => {
    const { mountPanel, HOLD_VIEW } = (await import(modulePath)) as typeof Page;
    const panel = mountPanel(document.getElementById('harness') as HTMLElement);
    const after = (change: Parameters<typeof panel.update>[0]) => {
      const before = panel.commits();
      panel.update(change);
      const now = panel.commits();
      return Object.fromEntries(
        Object.entries(now).map(([id, n]) => [id, n - before[id as keyof typeof before]]),
      );
    };
    const view = HOLD_VIEW;
    return {
      // A new pose and frame count, and the view rebuilt with the same content.
      frameOnly: after((s) => ({
        ...s,
        view: { ...view, readouts: view.readouts.map((r) => ({ ...r })) },
        frames: { ...s.frames, framesAnalysed: s.frames.framesAnalysed + 1 },
      })),
      // The hip angle moves a degree.
      depthChanged: after((s) => ({
        ...s,
        view: {
          ...view,
          readouts: view.readouts.map((r) => (r.id === 'depth' ? { ...r, value: '73°' } : r)),
        },
      })),
      // The hold gains a second.
      holdChanged: after((s) => ({
        ...s,
        view: {
          ...(s.view ?? view),
          hold: {
            heldMs: 5_000,
            targetMs: 30_000,
            counting: true,
            status: 'counting',
            eased: false,
          },
        },
      })),
    };
  }, '/tests/browser/modules/renderCountsPage.tsx');

  expect(counts.frameOnly).toEqual({ panel: 0, heading: 0, counters: 0, depth: 0, back: 0 });
  expect(counts.depthChanged).toEqual({ panel: 1, heading: 0, counters: 0, depth: 1, back: 0 });
  expect(counts.holdChanged).toEqual({ panel: 1, heading: 0, counters: 1, depth: 0, back: 0 });
});
