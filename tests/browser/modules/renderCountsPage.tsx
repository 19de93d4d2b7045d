import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { INITIAL_RUNNER_STATE, type RunnerState } from '../../../src/engine/live/runnerState';
import { createStore } from '../../../src/engine/store';
import type { SessionView } from '../../../src/coach/view/sessionView';
import {
  ReadoutSlot,
  SessionCounters,
  SessionHeading,
  SessionPanel,
} from '../../../src/ui/live/SessionPanel';

/**
 * Mounts the live session panel, and some of its parts on their own, each inside a React
 * Profiler that counts its commits, over a store the test changes (renderCounts.spec.ts).
 */

export const HOLD_VIEW: SessionView = {
  phase: 'hold',
  paused: false,
  stretch: {
    id: 'standing-hamstring',
    name: 'standing hamstring stretch',
    kind: 'hold',
    number: 1,
    of: 1,
    leg: 'left',
    pass: 1,
    rep: 1,
    reps: 2,
  },
  hold: { heldMs: 4_000, targetMs: 30_000, counting: true, status: 'counting', eased: false },
  stall: null,
  glide: null,
  countdown: null,
  restRemainingMs: null,
  setupIssues: [],
  setupHints: [],
  cameraPlacement: null,
  readouts: [
    { id: 'depth', label: 'Hip hinge', value: '72°', status: 'good', detail: null },
    { id: 'back', label: 'Back', value: 'flat', status: 'good', detail: null },
    { id: 'knee', label: 'Knee', value: 'soft', status: 'good', detail: null },
  ],
  highlightLeg: 'left',
  nerveGlideOffered: false,
  stoppedForSymptoms: false,
};

export type Counted = 'panel' | 'heading' | 'counters' | 'depth' | 'back';

export interface RenderCounts {
  readonly commits: () => Readonly<Record<Counted, number>>;
  /** Replaces the store's state as the runner would (a new object every time). */
  readonly update: (change: (state: RunnerState) => RunnerState) => void;
}

export function mountPanel(container: HTMLElement): RenderCounts {
  const store = createStore<RunnerState>({ ...INITIAL_RUNNER_STATE, view: HOLD_VIEW });
  const counts: Record<Counted, number> = { panel: 0, heading: 0, counters: 0, depth: 0, back: 0 };
  const count: ProfilerOnRenderCallback = (id) => counts[id as Counted]++;
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      <>
        <Profiler id="panel" onRender={count}>
          <SessionPanel store={store} />
        </Profiler>
        <Profiler id="heading" onRender={count}>
          <SessionHeading store={store} />
        </Profiler>
        <Profiler id="counters" onRender={count}>
          <SessionCounters store={store} />
        </Profiler>
        <dl>
          <Profiler id="depth" onRender={count}>
            <ReadoutSlot store={store} id="depth" />
          </Profiler>
          <Profiler id="back" onRender={count}>
            <ReadoutSlot store={store} id="back" />
          </Profiler>
        </dl>
      </>,
    ),
  );
  return {
    commits: () => ({ ...counts }),
    update: (change) => flushSync(() => store.update(change)),
  };
}
