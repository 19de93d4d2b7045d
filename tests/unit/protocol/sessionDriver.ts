import type { BodyMeasures } from '../../../src/geometry/measures';
import type {
  ProtocolEvent,
  SessionInput,
  SessionState,
  StretchDefinition,
} from '../../../src/protocol';
import { initialSessionState, transition } from '../../../src/protocol';

/**
 * Drives the session machine with a fake clock: frames at `fps` from `fromMs` (inclusive) to
 * `toMs` (exclusive), each built by `frameAt(tMs, state)` (the state lets a simulated user follow
 * the session, e.g. switch legs when told).
 */
export interface Run {
  readonly state: SessionState;
  readonly events: readonly ProtocolEvent[];
}

export function runFrames(
  start: SessionState,
  fromMs: number,
  toMs: number,
  frameAt: (tMs: number, state: SessionState) => BodyMeasures,
  fps = 30,
): Run {
  let state = start;
  const events: ProtocolEvent[] = [];
  const stepMs = 1000 / fps;
  for (let i = 0; ; i++) {
    const t = Math.round(fromMs + i * stepMs);
    if (t >= toMs) break;
    const [next, out] = transition(state, frameAt(t, state), t);
    state = next;
    events.push(...out);
  }
  return { state, events };
}

export function send(state: SessionState, input: SessionInput, nowMs: number): Run {
  const [next, events] = transition(state, input, nowMs);
  return { state: next, events };
}

export function ofType<T extends ProtocolEvent['type']>(
  events: readonly ProtocolEvent[],
  type: T,
): Extract<ProtocolEvent, { type: T }>[] {
  return events.filter((e): e is Extract<ProtocolEvent, { type: T }> => e.type === type);
}

/** Runs frames until `done(state)` or `limitMs`; returns when it stopped too. */
export function runUntil(
  start: SessionState,
  fromMs: number,
  done: (state: SessionState) => boolean,
  frameAt: (tMs: number, state: SessionState) => BodyMeasures,
  limitMs = 600_000,
  fps = 30,
): Run & { readonly atMs: number } {
  let state = start;
  const events: ProtocolEvent[] = [];
  const stepMs = 1000 / fps;
  let t = fromMs;
  for (let i = 0; t < fromMs + limitMs && !done(state); i++) {
    t = Math.round(fromMs + i * stepMs);
    const [next, out] = transition(state, frameAt(t, state), t);
    state = next;
    events.push(...out);
  }
  return { state, events, atMs: t };
}

/** Starts a session over `routine` and confirms the warm-up if it asks. */
export function begin(routine: readonly StretchDefinition[], atMs = 0): SessionState {
  const started = transition(initialSessionState(routine), { command: 'start' }, atMs)[0];
  if (started.phase !== 'warm-up') return started;
  return transition(started, { command: 'confirm-warm-up' }, atMs)[0];
}
