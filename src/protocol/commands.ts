import type { BodyMeasures } from '../geometry/measures';
import type { SymptomAnswer } from './events';

/** What the user can tell the session (buttons, keys, voice). */
export type UserCommand =
  | { readonly command: 'start' }
  /** "I have warmed up", in answer to the warm-up reminder. */
  | { readonly command: 'confirm-warm-up' }
  | { readonly command: 'pause' }
  | { readonly command: 'resume' }
  /** End the current stretch at once; the session ends after the symptom check. */
  | { readonly command: 'stop' }
  /** Move on to the next stretch (or past the warm-up reminder or the symptom check). */
  | { readonly command: 'skip' }
  | { readonly command: 'answer-symptoms'; readonly answer: SymptomAnswer }
  /**
   * "I feel pain or tingling", pressed at any time: the session stops at once and records it
   * (seeds: stop immediately at tingling, numbness or sharp pain).
   */
  | { readonly command: 'report-symptom' }
  /** A hold that will not come: count it at a gentler target for the rest of this stretch. */
  | { readonly command: 'ease-target' }
  /** A hold that will not come: end this rep (not completed) and go on to the next. */
  | { readonly command: 'move-on' }
  /** Accept the nerve glide offered after symptoms. */
  | { readonly command: 'start-nerve-glide' };

/** Time passing without a frame (camera stalled): countdowns and rests still run. */
export interface TimeTick {
  readonly tick: true;
}

export const TIME_TICK: TimeTick = Object.freeze({ tick: true });

/** One input to `transition`: a frame's measures, a user command, or a tick of time. */
export type SessionInput = BodyMeasures | UserCommand | TimeTick;

export function isUserCommand(input: SessionInput): input is UserCommand {
  return 'command' in input;
}

export function isTimeTick(input: SessionInput): input is TimeTick {
  return 'tick' in input;
}
