import type { Utterance } from '../../feedback/cueTypes';
import type { CoachLine } from '../coachVoice';

/**
 * The tone to play with a policy line: its own (countdown tick, go, done, safety alert) always;
 * otherwise the generic cue tone, only in place of a voice the browser does not have.
 */
export function toneForUtterance(utterance: Utterance): Pick<CoachLine, 'tone' | 'alwaysTone'> {
  return utterance.tone !== null
    ? { tone: utterance.tone, alwaysTone: true }
    : { tone: 'cue', alwaysTone: false };
}
