import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type * as DexieStoreModule from '../../../src/session/dexieSessionStore';
import type * as ExportModule from '../../../src/session/sessionExport';
import type * as ImportModule from '../../../src/session/sessionImport';
import type * as RecordingModule from '../../../src/session/sessionRecording';
import type * as StoreModule from '../../../src/session/sessionStore';
import type * as ProtocolModule from '../../../src/protocol';
import type * as LifecycleModule from '../../../src/session/pageLifecycle';
import type * as StashModule from '../../../src/session/unloadStash';
import type * as MeasuresModule from '../../unit/session/measuresFixture';
import type * as FeedModule from '../../helpers/recordingFeed';
import { openHarness } from './harness';

/**
 * The session store on Chromium's real IndexedDB, and the crash test: a page records a session
 * in real time, dies mid-session, and the next page finds the session with at most about a
 * second lost, offered as interrupted.
 */

const MODULES = {
  dexie: '/src/session/dexieSessionStore.ts',
  recording: '/src/session/sessionRecording.ts',
  store: '/src/session/sessionStore.ts',
  importer: '/src/session/sessionImport.ts',
  exporter: '/src/session/sessionExport.ts',
  protocol: '/src/protocol/index.ts',
  measures: '/tests/unit/session/measuresFixture.ts',
  feed: '/tests/helpers/recordingFeed.ts',
  lifecycle: '/src/session/pageLifecycle.ts',
  stash: '/src/session/unloadStash.ts',
} as const;

interface RecordingWindow {
  lastFrameTMs?: number;
  framesSent?: number;
}

/** Starts recording in the page: 30 frames a second on the page's real clock. */
async function startRecordingInPage(page: Page, dbName: string): Promise<void> {
  await page.evaluate(
    async ({ modules, dbName }) => {
      const { DexieSessionStore } = (await import(modules.dexie)) as typeof DexieStoreModule;
      const { SessionRecording } = (await import(modules.recording)) as typeof RecordingModule;
      const { stretchById } = (await import(modules.protocol)) as typeof ProtocolModule;
      const { measuresAt } = (await import(modules.measures)) as typeof MeasuresModule;
      const store = new DexieSessionStore(dbName);
      await store.open();
      const clock = { nowMs: () => performance.now(), epochMs: () => Date.now() };
      const origin = clock.nowMs();
      const recording = await SessionRecording.start(
        store,
        clock,
        {
          id: 'crash-test',
          stretches: [stretchById('standing-hamstring')],
          routine: ['standing-hamstring'],
          model: 'movenet-lightning',
        },
        { stash: localStorage },
      );
      const { flushWhenPageHides } = (await import(modules.lifecycle)) as typeof LifecycleModule;
      flushWhenPageHides(recording);
      // What the coaching step does with each frame: the pure recorder, a chunk a second.
      const { RecordingFeed } = (await import(modules.feed)) as typeof FeedModule;
      const feed = new RecordingFeed(recording, clock.nowMs);
      const win = window as RecordingWindow;
      win.framesSent = 0;
      setInterval(() => {
        const now = clock.nowMs();
        feed.frame(measuresAt(now, 60 + Math.sin(now / 1000) * 10), [], now);
        win.lastFrameTMs = now - origin;
        win.framesSent = (win.framesSent ?? 0) + 1;
      }, 33);
    },
    { modules: MODULES, dbName },
  );
}

interface StoredView {
  readonly interrupted: readonly string[];
  readonly lastSampleTMs: number | null;
  readonly samples: number;
  readonly finishedReason: string | null;
}

/** In a fresh page: what the store holds, then finalise the interrupted session. */
async function inspectAndFinalise(page: Page, dbName: string): Promise<StoredView> {
  return page.evaluate(
    async ({ modules, dbName }) => {
      const { DexieSessionStore } = (await import(modules.dexie)) as typeof DexieStoreModule;
      const { finaliseInterrupted } = (await import(modules.recording)) as typeof RecordingModule;
      const { interruptedSessions } = (await import(modules.store)) as typeof StoreModule;
      const { recoverStash } = (await import(modules.stash)) as typeof StashModule;
      const store = new DexieSessionStore(dbName);
      // What the app does on start (engine/sessionLibrary.ts): stashed chunks first.
      await recoverStash(store, localStorage);
      const interrupted = interruptedSessions(await store.listSessions()).map((e) => e.meta.id);
      const record = await store.getSession('crash-test');
      const finished = record === null ? null : await finaliseInterrupted(store, 'crash-test');
      store.close();
      return {
        interrupted,
        lastSampleTMs: record?.samples.tMs.at(-1) ?? null,
        samples: record?.samples.tMs.length ?? 0,
        finishedReason: finished?.meta.endReason ?? null,
      };
    },
    { modules: MODULES, dbName },
  );
}

test('keeps all but the last second of a session when the tab crashes, and offers it after', async ({
  page,
  context,
}) => {
  const dbName = `crash-${Date.now()}`;
  await openHarness(page);
  await startRecordingInPage(page, dbName);
  await page.waitForFunction(() => ((window as RecordingWindow).lastFrameTMs ?? 0) > 3_500);
  const recordedTMs = await page.evaluate(() => (window as RecordingWindow).lastFrameTMs ?? 0);

  // A renderer crash: no pagehide, no unload, nothing more runs in the page.
  const crashed = page.waitForEvent('crash');
  const cdp = await context.newCDPSession(page);
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;

  const next = await context.newPage();
  await openHarness(next);
  const stored = await inspectAndFinalise(next, dbName);
  expect(stored.interrupted).toEqual(['crash-test']);
  expect(stored.lastSampleTMs).not.toBeNull();
  const lostMs = recordedTMs - (stored.lastSampleTMs ?? 0);
  console.log(
    `crash: recorded ${Math.round(recordedTMs)} ms, stored ${stored.lastSampleTMs} ms, lost ${Math.round(lostMs)} ms`,
  );
  // One flush interval (1 s), plus a frame and the write in flight.
  expect(lostMs).toBeLessThan(1_300);
  expect(stored.samples).toBeGreaterThan(25);
  expect(stored.finishedReason).toBe('interrupted');
});

test('stashes the unsaved tail on pagehide, so a reload mid-session loses next to nothing', async ({
  page,
}) => {
  const dbName = `reload-${Date.now()}`;
  await openHarness(page);
  await startRecordingInPage(page, dbName);
  await page.waitForFunction(() => ((window as RecordingWindow).lastFrameTMs ?? 0) > 2_500);
  const recordedTMs = await page.evaluate(() => (window as RecordingWindow).lastFrameTMs ?? 0);
  await page.reload();
  const stored = await inspectAndFinalise(page, dbName);
  expect(stored.interrupted).toEqual(['crash-test']);
  const lostMs = recordedTMs - (stored.lastSampleTMs ?? 0);
  console.log(
    `reload: recorded ${Math.round(recordedTMs)} ms, stored ${stored.lastSampleTMs} ms, lost ${Math.round(lostMs)} ms`,
  );
  // Frames kept coming between the read above and the reload: nothing before it is lost.
  expect(lostMs).toBeLessThan(100);
});

test('imports an export into IndexedDB and gives back the same sessions; a hostile file changes nothing', async ({
  page,
}) => {
  await openHarness(page);
  const fixture = readFileSync('tests/fixtures/sessions/history.json', 'utf8');
  const result = await page.evaluate(
    async ({ modules, fixture }) => {
      const { DexieSessionStore } = (await import(modules.dexie)) as typeof DexieStoreModule;
      const { importSessionFile, parseSessionFile } = (await import(
        modules.importer
      )) as typeof ImportModule;
      const { exportSessionsJson } = (await import(modules.exporter)) as typeof ExportModule;
      const store = new DexieSessionStore(`import-${Date.now()}`);
      const imported = await importSessionFile(store, fixture);
      const parsed = parseSessionFile(fixture);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const back = await Promise.all(parsed.sessions.map((s) => store.getSession(s.meta.id)));
      const sameAsFile = JSON.stringify(back) === JSON.stringify(parsed.sessions);
      const reExported = exportSessionsJson(
        back.filter((r) => r !== null),
        0,
      );
      const roundTrip = parseSessionFile(
        reExported.replace('"exportedAtEpochMs":0', `"exportedAtEpochMs":${Date.UTC(2025, 5, 1)}`),
      );

      const before = JSON.stringify(await store.listSessions());
      const hostile = await importSessionFile(
        store,
        fixture.replace('"meta":{', '"meta":{"constructor":{"prototype":{"x":1}},'),
      );
      const after = JSON.stringify(await store.listSessions());
      await store.deleteDatabase();
      return {
        added: imported.ok ? imported.added.length : -1,
        sameAsFile,
        roundTripOk:
          roundTrip.ok && JSON.stringify(roundTrip.sessions) === JSON.stringify(parsed.sessions),
        hostileRefused: !hostile.ok,
        unchanged: before === after,
      };
    },
    { modules: MODULES, fixture },
  );
  expect(result).toEqual({
    added: 9,
    sameAsFile: true,
    roundTripOk: true,
    hostileRefused: true,
    unchanged: true,
  });
});
