import type { BodyMeasures } from '../../../src/geometry/measures';
import type { CuePolicyOptions, Utterance } from '../../../src/feedback/cueTypes';
import type { CuePolicyState } from '../../../src/feedback/cuePolicy';
import type {
  ProtocolEvent,
  SessionState,
  StretchDefinition,
  UserCommand,
} from '../../../src/protocol';
import { HeadlessCoach } from '../../../src/coach/headlessCoach';

/**
 * Runs the coaching step (coach/coachStep.ts) on made-up measures and a fake clock: the session
 * machine and the cue policy together, as the engine runs them.
 */
export interface CoachRun {
  readonly session: SessionState;
  readonly policy: CuePolicyState;
  readonly said: readonly Utterance[];
  readonly events: readonly ProtocolEvent[];
  readonly endMs: number;
}

export interface CoachScript {
  readonly routine: readonly StretchDefinition[];
  readonly frameAt: (tMs: number, state: SessionState) => BodyMeasures;
  /** Stop when this is true (checked before each frame), or at `limitMs`. */
  readonly until?: (state: SessionState) => boolean;
  readonly limitMs?: number;
  readonly commands?: readonly { readonly atMs: number; readonly command: UserCommand }[];
  readonly options?: Partial<CuePolicyOptions>;
  readonly fps?: number;
  /**
   * When the user confirms the warm-up reminder (default 0: at once, cutting the reminder
   * short); null never.
   */
  readonly warmUpAtMs?: number | null;
}

export function coach(script: CoachScript): CoachRun {
  const run = new HeadlessCoach({
    routine: script.routine,
    ...(script.options === undefined ? {} : { settings: script.options }),
  });
  const commands: { atMs: number; command: UserCommand }[] = [
    { atMs: 0, command: { command: 'start' } },
    ...(script.commands ?? []),
  ];
  if (script.warmUpAtMs !== null)
    commands.push({ atMs: script.warmUpAtMs ?? 0, command: { command: 'confirm-warm-up' } });
  const pending = commands.sort((a, b) => a.atMs - b.atMs);
  const stepMs = 1000 / (script.fps ?? 30);
  const limitMs = script.limitMs ?? 600_000;
  let t = 0;
  for (let i = 0; t < limitMs; i++) {
    t = Math.round(i * stepMs);
    if (script.until?.(run.session) === true) break;
    while (pending.length > 0 && (pending[0]?.atMs ?? Infinity) <= t)
      run.command(pending.shift()!.command, t);
    // The driver's clock dates each frame, whatever the script put in it.
    run.measured({ ...script.frameAt(t, run.session), timestampMs: t });
  }
  return {
    session: run.session,
    policy: run.state.policy,
    said: run.said,
    events: run.events,
    endMs: t,
  };
}

/** The most lines in any rolling window of `windowMs`, optionally only some of them. */
export function maxInWindow(
  said: readonly Utterance[],
  windowMs = 60_000,
  keep: (u: Utterance) => boolean = () => true,
): number {
  const times = said.filter(keep).map((u) => u.atMs);
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[j] ?? Infinity) <= (times[i] ?? 0) - windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
