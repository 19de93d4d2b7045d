import type { CoachEffect } from '../../coach/coachTypes';
import type { Pose } from '../../geometry/types';
import type { Utterance } from '../../feedback/cueTypes';
import type { SessionEndReason } from '../../protocol';
import type { SessionRecording } from '../../session/sessionRecording';
import type { CoachLine, CoachVoice } from '../coachVoice';

/**
 * Carries out the coaching step's effects (coach/coachTypes.ts) in the page: lines to the voice,
 * chunks to storage, poses to a clip being recorded, the end to the runner. Nothing is decided
 * here; every choice was made by the step.
 */

/** What of the coach's voice a session uses. */
export type SessionVoice = Pick<CoachVoice, 'say' | 'silence' | 'onLineFinished'>;

export interface EffectTargets {
  readonly voice: SessionVoice;
  /** Null when the session is not recorded (storage unavailable). */
  readonly recording: SessionRecording | null;
  readonly clipPose: (pose: Pose | null, timestampMs: number) => void;
  readonly ended: (reason: SessionEndReason) => void;
}

export function runEffect(effect: CoachEffect, to: EffectTargets): void {
  switch (effect.type) {
    case 'say':
      to.voice.say(coachLine(effect.utterance));
      break;
    case 'silence':
      to.voice.silence();
      break;
    case 'save-chunk':
      to.recording?.save(effect.meta, effect.chunk);
      break;
    case 'clip-pose':
      to.clipPose(effect.pose, effect.timestampMs);
      break;
    case 'session-ended':
      to.ended(effect.reason);
      break;
    case 'protocol-events':
      // Kept in the record through save-chunk; nothing else in the page needs them.
      break;
  }
}

/**
 * A policy line as the voice takes it. Its own tone (countdown tick, go, done, safety alert) is
 * always played; otherwise the generic cue tone stands in for a voice the browser does not have.
 */
export function coachLine(utterance: Utterance): CoachLine {
  return {
    id: utterance.id,
    text: utterance.text,
    urgent: utterance.priority === 'safety',
    interrupt: utterance.interrupt,
    speak: utterance.speak,
    ...(utterance.tone !== null
      ? { tone: utterance.tone, alwaysTone: true }
      : { tone: 'cue', alwaysTone: false }),
  };
}
