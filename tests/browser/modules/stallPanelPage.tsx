import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { INITIAL_RUNNER_STATE, type RunnerState } from '../../../src/engine/live/runnerState';
import { createStore } from '../../../src/engine/store';
import type { HoldStatus, SessionView, StallOffer } from '../../../src/coach/view/sessionView';
import type { UserCommand } from '../../../src/protocol';
import { SessionPanel } from '../../../src/ui/live/SessionPanel';
import { useSessionKeys } from '../../../src/ui/live/useSessionKeys';
import { useSelector, sameData } from '../../../src/ui/useStore';
import { selectStall } from '../../../src/ui/live/SessionPanel';
import { HOLD_VIEW } from './renderCountsPage';
import '../../../src/ui/styles.css';

/**
 * The live panel during a hold, over a store the test changes, with the session keys wired as
 * the session screen wires them; every command the panel or a key sends is kept
 * (stallChoices.spec.ts).
 */

export interface StallPanel {
  readonly commands: () => readonly string[];
  readonly show: (status: HoldStatus, stall: StallOffer | null, eased?: boolean) => void;
}

type Store = ReturnType<typeof createStore<RunnerState>>;

function Keys({ store, send }: { readonly store: Store; readonly send: (c: UserCommand) => void }) {
  const stall = useSelector(store, selectStall, sameData);
  useSessionKeys(true, {
    togglePause: () => send({ command: 'pause' }),
    stop: () => send({ command: 'stop' }),
    reportSymptom: () => send({ command: 'report-symptom' }),
    easeTarget: stall?.easeOffered === true ? () => send({ command: 'ease-target' }) : null,
    moveOn: stall !== null ? () => send({ command: 'move-on' }) : null,
  });
  return null;
}

export function mountStallPanel(container: HTMLElement): StallPanel {
  const view = (status: HoldStatus, stall: StallOffer | null, eased: boolean): SessionView => ({
    ...HOLD_VIEW,
    paused: status === 'paused',
    hold: { heldMs: 0, targetMs: 30_000, counting: status === 'counting', status, eased },
    stall,
  });
  const store = createStore<RunnerState>({
    ...INITIAL_RUNNER_STATE,
    view: view('settling', null, false),
  });
  const sent: string[] = [];
  const send = (c: UserCommand): void => {
    sent.push(c.command);
  };
  const root = createRoot(container);
  flushSync(() =>
    root.render(
      <main className="session">
        <div className="session-layout">
          <SessionPanel store={store} command={send} />
        </div>
        <Keys store={store} send={send} />
      </main>,
    ),
  );
  return {
    commands: () => [...sent],
    show: (status, stall, eased = false) =>
      flushSync(() => store.update((s) => ({ ...s, view: view(status, stall, eased) }))),
  };
}
