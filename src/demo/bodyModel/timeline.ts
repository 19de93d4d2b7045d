import type { KeypointName } from '../../geometry/types';
import type { ChannelName, Channels } from './postures';

/**
 * A timeline of what the body does, as changes to its channels over time (ms from the start of
 * the track). Build it with the helpers below, e.g.
 *   [hinge(80, { atMs: 0, overMs: 2_000 }), roundBack({ atMs: 12_000, forMs: 3_000 }),
 *    bounce({ atMs: 20_000, forMs: 3_000 })]
 */
export type Action =
  /** Move a channel to `to` over `overMs` (linear), staying there afterwards. */
  | {
      readonly kind: 'ramp';
      readonly channel: ChannelName;
      readonly to: number;
      readonly atMs: number;
      readonly overMs: number;
    }
  /** Hold a channel at `value` for `forMs`, easing in and out over `easeMs`, then return. */
  | {
      readonly kind: 'for-a-while';
      readonly channel: ChannelName;
      readonly value: number;
      readonly atMs: number;
      readonly forMs: number;
      readonly easeMs: number;
    }
  /** Add an oscillation of `ppDeg` peak to peak at `hz`. */
  | {
      readonly kind: 'wave';
      readonly channel: ChannelName;
      readonly ppDeg: number;
      readonly hz: number;
      readonly atMs: number;
      readonly forMs: number;
    }
  /** Nobody in the frame (the estimator finds no pose). */
  | { readonly kind: 'absent'; readonly atMs: number; readonly forMs: number }
  /** These keypoints are scored as unseen. */
  | {
      readonly kind: 'hide';
      readonly joints: readonly KeypointName[];
      readonly atMs: number;
      readonly forMs: number;
    };

export interface When {
  readonly atMs: number;
  readonly overMs?: number;
}

/** Hinge (or, lying, raise the leg) to `toDeg` of the stretch's hip measure. */
export function hinge(toDeg: number, when: When): Action {
  return {
    kind: 'ramp',
    channel: 'hipDeg',
    to: toDeg,
    atMs: when.atMs,
    overMs: when.overMs ?? 2_000,
  };
}

export function ramp(channel: ChannelName, to: number, when: When): Action {
  return { kind: 'ramp', channel, to, atMs: when.atMs, overMs: when.overMs ?? 500 };
}

/**
 * Round the back for a while: the spine curls so the hip -> shoulder chord shortens by `amount`
 * (0.25 by default, past geometry's 15% "rounded" line even after its calibration scatter).
 */
export function roundBack(when: {
  atMs: number;
  forMs: number;
  amount?: number;
  easeMs?: number;
}): Action {
  return {
    kind: 'for-a-while',
    channel: 'chordShortening',
    value: when.amount ?? 0.25,
    atMs: when.atMs,
    forMs: when.forMs,
    easeMs: when.easeMs ?? 200,
  };
}

/** Bounce in the stretch: the hip measure oscillates by `ppDeg` at `hz` (2 Hz, 8 degrees). */
export function bounce(when: { atMs: number; forMs: number; hz?: number; ppDeg?: number }): Action {
  return {
    kind: 'wave',
    channel: 'hipDeg',
    ppDeg: when.ppDeg ?? 8,
    hz: when.hz ?? 2,
    atMs: when.atMs,
    forMs: when.forMs,
  };
}

export function changeFor(
  channel: ChannelName,
  value: number,
  when: { atMs: number; forMs: number; easeMs?: number },
): Action {
  return {
    kind: 'for-a-while',
    channel,
    value,
    atMs: when.atMs,
    forMs: when.forMs,
    easeMs: when.easeMs ?? 200,
  };
}

export function absent(when: { atMs: number; forMs: number }): Action {
  return { kind: 'absent', ...when };
}

export function hide(
  joints: readonly KeypointName[],
  when: { atMs: number; forMs: number },
): Action {
  return { kind: 'hide', joints, ...when };
}

/**
 * Nerve-glide repetitions (seed 000): chin down with toes up, then chin up with toes pointed, each
 * half of a rep taking `repMs / 2`. `holdOn` adds a pause of `holdMs` at the chin-down end of
 * that rep (1-based), the fault the session must warn about.
 */
export function glideReps(options: {
  atMs: number;
  reps: number;
  repMs: number;
  holdOn?: number;
  holdMs?: number;
  neckDownDeg?: number;
  toesUpDeg?: number;
  toesPointedDeg?: number;
}): Action[] {
  const half = options.repMs / 2;
  const actions: Action[] = [];
  let t = options.atMs;
  for (let rep = 1; rep <= options.reps; rep++) {
    actions.push(ramp('neckDeg', options.neckDownDeg ?? 40, { atMs: t, overMs: half }));
    actions.push(ramp('workingAnkleDeg', options.toesUpDeg ?? 15, { atMs: t, overMs: half }));
    t += half + (rep === options.holdOn ? (options.holdMs ?? 0) : 0);
    actions.push(ramp('neckDeg', 0, { atMs: t, overMs: half }));
    actions.push(ramp('workingAnkleDeg', options.toesPointedDeg ?? -30, { atMs: t, overMs: half }));
    t += half;
  }
  return actions;
}

/** The end time of a timeline's last action. */
export function timelineEndMs(actions: readonly Action[]): number {
  return Math.max(
    0,
    ...actions.map((a) => a.atMs + ('overMs' in a ? a.overMs : 'forMs' in a ? a.forMs : 0)),
  );
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/** The channels at `tMs`: ramps in time order, then temporary holds, then waves. */
export function channelsAt(base: Channels, actions: readonly Action[], tMs: number): Channels {
  const values: Record<ChannelName, number> = { ...base };
  for (const a of actions)
    if (a.kind === 'ramp' && a.atMs <= tMs) {
      const start = values[a.channel];
      values[a.channel] = start + (a.to - start) * clamp01((tMs - a.atMs) / Math.max(a.overMs, 1));
    }
  for (const a of actions) {
    if (a.kind === 'for-a-while' && tMs >= a.atMs && tMs < a.atMs + a.forMs + a.easeMs) {
      const weight = Math.min(
        clamp01((tMs - a.atMs) / a.easeMs),
        clamp01((a.atMs + a.forMs + a.easeMs - tMs) / a.easeMs),
      );
      values[a.channel] += (a.value - values[a.channel]) * weight;
    } else if (a.kind === 'wave' && tMs >= a.atMs && tMs < a.atMs + a.forMs) {
      values[a.channel] += (a.ppDeg / 2) * Math.sin((2 * Math.PI * a.hz * (tMs - a.atMs)) / 1000);
    }
  }
  return values;
}

export function isAbsent(actions: readonly Action[], tMs: number): boolean {
  return actions.some((a) => a.kind === 'absent' && tMs >= a.atMs && tMs < a.atMs + a.forMs);
}

export function hiddenAt(actions: readonly Action[], tMs: number): ReadonlySet<KeypointName> {
  const hidden = new Set<KeypointName>();
  for (const a of actions)
    if (a.kind === 'hide' && tMs >= a.atMs && tMs < a.atMs + a.forMs)
      for (const j of a.joints) hidden.add(j);
  return hidden;
}
