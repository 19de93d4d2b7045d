import { describe, expect, it } from 'vitest';
import { demoPose } from '../../../src/demo/demoActor';
import { MAX_RESTARTS, TICK_MS } from '../../../src/engine/live/runnerTiming';
import type { SessionPlan } from '../../../src/engine/live/sessionPlan';
import { SessionRunner } from '../../../src/engine/live/sessionRunner';
import { createSessionLibrary } from '../../../src/engine/sessionLibrary';
import { stretchById } from '../../../src/protocol';
import { MemorySessionStore } from '../../fakes/memorySessionStore';
import { FakePipeline, FakeVoice, fakeLoops } from '../../fakes/fakeLivePipeline';
import { SimulatedClock, settle } from '../../fakes/simulatedClock';

/**
 * The live session runner on simulated time: fake source, estimators, frame loop and voice, a
 * real session library over an in-memory store. Time moves only when the test moves it, so
 * restarts, pauses, countdowns and teardown are checked to the millisecond.
 */

const standing = stretchById('standing-hamstring');

function liveSession(plan: Partial<SessionPlan> = {}) {
  const clock = new SimulatedClock();
  const store = new MemorySessionStore();
  const library = createSessionLibrary({
    store,
    clock,
    newId: () => 'live-session',
    page: null,
    stash: null,
    locks: null,
  });
  const voice = new FakeVoice();
  const { loops, start } = fakeLoops();
  const pipeline = new FakePipeline();
  const runner = new SessionRunner(
    { voice, recordings: library, clock, scheduler: clock, startLoop: start },
    {
      routine: [standing],
      stretches: [standing],
      sessionOptions: { nerveGlide: null },
      model: 'movenet-lightning',
      ...plan,
    },
  );
  const status = () => runner.store.getSnapshot().status;
  const view = () => runner.store.getSnapshot().view;
  /** The demo person's frames, 30 a second for `ms`, each taken `latencyMs` before it arrives. */
  const frames = async (ms: number, latencyMs = 0) => {
    for (let t = 0; t < ms; t += 33) {
      await clock.advance(33);
      const takenAtMs = clock.nowMs() - latencyMs;
      loops.at(-1)?.deliver(demoPose(runner.demoCue(), takenAtMs), takenAtMs);
    }
  };
  /** Started, warm-up confirmed. */
  const begin = async () => {
    await runner.start(pipeline);
    runner.command({ command: 'confirm-warm-up' });
  };
  return { clock, store, library, voice, loops, pipeline, runner, status, view, frames, begin };
}

type Live = ReturnType<typeof liveSession>;

/** Nothing left running: no timer, no frame loop, no model, no source, no voice listener. */
function expectTornDown(live: Live): void {
  expect(live.clock.activeTimers).toBe(0);
  expect(live.loops.every((l) => !l.running)).toBe(true);
  expect(live.pipeline.estimators.every((e) => e.disposed)).toBe(true);
  expect(live.pipeline.source.stopped).toBeGreaterThan(0);
  expect(live.voice.listenerCount).toBe(0);
}

describe('the session runner', () => {
  it('starts: model and source, a recording, the start command, frames into the step', async () => {
    const live = liveSession();
    await live.begin();
    expect(live.status()).toMatchObject({ kind: 'running', analysis: { kind: 'analysing' } });
    expect(live.pipeline.source.started).toBe(1);
    await live.frames(1_000);
    expect(live.runner.store.getSnapshot().frames.framesAnalysed).toBeGreaterThan(25);
    expect(live.view()?.phase).toBe('setup');
    expect(live.voice.lines.length).toBeGreaterThan(0);
    expect((await live.store.listSessions()).map((e) => e.meta.status)).toEqual(['recording']);
  });

  it('dates each pose by when its frame was taken, not when it arrived', async () => {
    const live = liveSession();
    await live.begin();
    const startedAt = live.clock.nowMs();
    await live.frames(2_000, 150);
    await live.runner.flush();
    const record = await live.runner.snapshot();
    const lastTaken = live.clock.nowMs() - 150 - startedAt;
    // The last kept sample is the frame's own time (session time), not its arrival 150 ms on.
    expect(record?.samples.tMs.at(-1)).toBeLessThanOrEqual(Math.round(lastTaken));
    expect(record?.samples.tMs.at(-1)).toBeGreaterThan(lastTaken - 100);
  });

  it(`moves the countdown on ticks (every ${TICK_MS} ms) when frames stop coming`, async () => {
    const live = liveSession();
    await live.begin();
    // Setup lasts the spoken introduction (6 s) and a steady second; then the countdown.
    for (let i = 0; i < 400 && live.view()?.phase !== 'countdown'; i++) await live.frames(33);
    expect(live.view()?.phase).toBe('countdown');
    // The camera stalls: no frames, only time.
    await live.clock.advance(1_250);
    expect(live.view()?.countdown).toBe(2);
    await live.clock.advance(2_000);
    expect(live.view()?.phase).toBe('hold');
    expect(live.voice.lines.map((l) => l.text)).toEqual(expect.arrayContaining(['3', '2', '1']));
  });

  it('restarts the model after a worker crash, carries on, and records the gap', async () => {
    const live = liveSession();
    await live.begin();
    await live.frames(500);
    const first = live.pipeline.current;
    first?.crash();
    await settle();
    expect(live.status()).toMatchObject({ kind: 'running', analysis: { kind: 'analysing' } });
    expect(live.pipeline.estimators).toHaveLength(2);
    expect(first?.disposed).toBe(true);
    expect(live.loops.at(-1)?.estimator).toBe(live.pipeline.current);
    await live.frames(500);
    const record = await live.runner.snapshot();
    expect(record?.incidents.map((i) => i.kind)).toEqual(['analysis-gap']);
  });

  it(`restarts up to ${MAX_RESTARTS} times a minute, then ends the session and keeps it`, async () => {
    const live = liveSession();
    await live.begin();
    for (let crash = 1; crash <= 3; crash++) {
      await live.frames(300);
      live.pipeline.current?.crash();
      await settle();
      expect(live.status().kind).toBe('running');
    }
    live.pipeline.current?.crash();
    await settle();
    const status = live.status();
    expect(status).toMatchObject({ kind: 'failed', error: { kind: 'model-crashing' } });
    expect(status.kind === 'failed' && status.sessionId).toBe('live-session');
    expectTornDown(live);
  });

  it('forgets crashes older than a minute', async () => {
    const live = liveSession();
    await live.begin();
    for (let crash = 1; crash <= 6; crash++) {
      await live.frames(300);
      await live.clock.advance(25_000);
      live.pipeline.current?.crash();
      await settle();
    }
    expect(live.status().kind).toBe('running');
  });

  it('pauses when the tab is hidden, writes what it has, and resumes on the user', async () => {
    const live = liveSession();
    await live.begin();
    await live.frames(1_500);
    live.runner.pageHidden();
    await settle();
    expect(live.view()?.paused).toBe(true);
    expect(live.status()).toMatchObject({ kind: 'running', pausedBy: 'page-hidden' });
    const stored = await live.store.getSession('live-session');
    const all = await live.runner.snapshot();
    expect(stored?.samples.tMs.length).toBe(all?.samples.tMs.length);
    live.runner.command({ command: 'resume' });
    expect(live.view()?.paused).toBe(false);
    expect(live.status()).toMatchObject({ pausedBy: null });
  });

  it('pauses when the camera is lost and records the gap once it is back', async () => {
    const live = liveSession();
    await live.begin();
    await live.frames(500);
    live.pipeline.source.end('track-ended');
    expect(live.view()?.paused).toBe(true);
    expect(live.status()).toMatchObject({
      kind: 'running',
      analysis: { kind: 'source-lost', problem: { reason: 'track-ended' } },
    });
    expect(live.loops.at(-1)?.running).toBe(false);
    await live.clock.advance(4_000);
    await live.runner.reconnect(live.pipeline.source);
    expect(live.status()).toMatchObject({ analysis: { kind: 'analysing' } });
    expect(live.loops.at(-1)?.running).toBe(true);
    const record = await live.runner.snapshot();
    expect(record?.incidents).toMatchObject([{ kind: 'camera-lost', durationMs: 4_000 }]);
  });

  it('takes settings mid-session: muting cuts the line being said and mutes the next', async () => {
    const live = liveSession();
    await live.begin();
    await live.frames(500);
    live.runner.applySettings({ muted: true });
    expect(live.voice.silenced).toBe(1);
    const before = live.voice.lines.length;
    await live.frames(8_000);
    const later = live.voice.lines.slice(before);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((line) => line.speak === false)).toBe(true);
  });

  it('changes the model mid-session and carries on with the new one', async () => {
    const live = liveSession();
    await live.begin();
    await live.frames(500);
    live.pipeline.model = 'blazepose-full';
    await live.runner.changeModel();
    expect(live.pipeline.current?.model).toBe('blazepose-full');
    expect(live.pipeline.estimators[0]?.disposed).toBe(true);
    expect(live.loops.at(-1)?.estimator).toBe(live.pipeline.current);
    expect(live.status()).toMatchObject({ kind: 'running', analysis: { kind: 'analysing' } });
  });
});

describe('the session runner tears everything down on every way out', () => {
  const answerNo = { tingling: false, numbness: false, sharpPain: false };
  const waysOut: readonly (readonly [string, (live: Live) => Promise<void>, string])[] = [
    [
      'the routine ends',
      async (live) => {
        await live.begin();
        await live.frames(1_000);
        live.runner.command({ command: 'stop' });
        await settle();
        expect(live.view()?.phase).toBe('done');
      },
      'ended',
    ],
    [
      'the user stops after a rep and answers the check',
      async (live) => {
        await live.begin();
        for (let i = 0; i < 600 && live.view()?.phase !== 'hold'; i++) await live.frames(33);
        live.runner.command({ command: 'stop' });
        live.runner.command({ command: 'answer-symptoms', answer: answerNo });
        await settle();
      },
      'ended',
    ],
    [
      'the frame loop fails',
      async (live) => {
        await live.begin();
        await live.frames(300);
        live.loops.at(-1)?.fail(new Error('grab failed'));
        await settle();
      },
      'failed',
    ],
    [
      'the model keeps crashing',
      async (live) => {
        await live.begin();
        for (let i = 0; i <= MAX_RESTARTS; i++) {
          live.pipeline.current?.crash();
          await settle();
        }
      },
      'failed',
    ],
    [
      'a restart cannot load the model',
      async (live) => {
        await live.begin();
        live.pipeline.failNextLoad = new Error('no memory');
        live.pipeline.current?.crash();
        await settle();
      },
      'failed',
    ],
    [
      'the model cannot load at all',
      async (live) => {
        live.pipeline.failNextLoad = new Error('the model file is damaged');
        await live.runner.start(live.pipeline);
      },
      'failed',
    ],
    [
      'the screen goes away mid-session',
      async (live) => {
        await live.begin();
        await live.frames(500);
        live.runner.dispose();
      },
      'running',
    ],
    [
      'the screen goes away while the model loads',
      async (live) => {
        const starting = live.runner.start(live.pipeline);
        live.runner.dispose();
        await starting;
      },
      'starting',
    ],
  ];

  it.each(waysOut)('when %s', async (_way, leave, statusAfter) => {
    const live = liveSession();
    await leave(live);
    await settle();
    expect(live.status().kind).toBe(statusAfter);
    expectTornDown(live);
  });

  it('keeps the session of a routine that ended, with its report summary', async () => {
    const live = liveSession();
    await live.begin();
    await live.frames(1_000);
    live.runner.command({ command: 'stop' });
    await settle();
    expect(live.status()).toMatchObject({ kind: 'ended', sessionId: 'live-session' });
    const [entry] = await live.store.listSessions();
    expect(entry?.meta).toMatchObject({ status: 'finished', endReason: 'stopped' });
    expect(entry?.summary).not.toBeNull();
  });
});
