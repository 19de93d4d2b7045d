import type { Verbosity } from '../feedback/cueTypes';
import { HOLD_MS_RANGE, HOLD_REPS_RANGE } from '../protocol/validateStretchDefinition';

/** Hold lengths offered, in seconds: the seeds' 20-30 s in steps of 5. */
export const HOLD_SECONDS_CHOICES: readonly number[] = range(
  HOLD_MS_RANGE.min / 1000,
  HOLD_MS_RANGE.max / 1000,
  5,
);

/** Reps per leg offered: the seeds' 2-3. */
export const REPS_CHOICES: readonly number[] = range(HOLD_REPS_RANGE.min, HOLD_REPS_RANGE.max, 1);

export const VERBOSITY_CHOICES: readonly { readonly id: Verbosity; readonly label: string }[] = [
  { id: 'minimal', label: 'Only what matters (safety, setup, form, countdowns)' },
  { id: 'normal', label: 'Normal (also confirmations, halfway, rests)' },
  { id: 'chatty', label: 'Chatty (also encouragement)' },
];

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}
