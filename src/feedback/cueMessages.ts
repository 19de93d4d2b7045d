import type { Side } from '../geometry/measures';
import type { KeypointName } from '../geometry/types';

/**
 * Session-wide lines, in StretchCheck's own words. Lines that belong to one stretch (how to get
 * into it, its form corrections) live in that stretch's data file. Safety lines follow the seed
 * articles' rules: warm up first, mild tension never pain, no bouncing, stop at tingling,
 * numbness or sharp pain and get it looked at.
 */
export const MESSAGES = Object.freeze({
  warmUp:
    "Before we start: if you haven't warmed up, take five to ten minutes of brisk walking first. " +
    'Stretch to a mild pull, never to pain.',
  noPerson: "I can't see anyone. Step into view, side-on to the camera.",
  notWholeBody: 'Step back a little so I can see all of you, head to feet.',
  notSideOn: 'Turn side-on to the camera.',
  cannotSeeAnyone: "I've lost sight of you. Come back into view.",
  holdThere: 'Good, hold it there.',
  halfway: 'Halfway there.',
  tenLeft: 'Ten seconds left.',
  fiveLeft: 'Five more seconds.',
  steady: 'Nice and steady. Keep breathing.',
  genericFixed: "That's better.",
  bouncing: 'No bouncing. Ease in slowly and hold still.',
  setDone: 'That set is done. Rest a moment.',
  paused: 'Paused.',
  resumed: "Let's carry on.",
  stopped: 'Stopping now.',
  skipped: 'Moving on.',
  symptomCheck: 'Quick check: did you feel any tingling, numbness or sharp pain?',
  symptomNo: 'Good.',
  symptomStop:
    "Stopping now. Please don't stretch any more today. Tingling, numbness or sharp pain can " +
    'mean a nerve is irritated: have a physiotherapist or doctor look at it.',
  sessionDone: "That's the session done. Nice work.",
  go: 'Go.',
  reassureTakeTime: 'Take your time. Ease in only as far as feels like a mild pull.',
  reassureBreathe: 'No rush. Breathe out slowly and let your hips fold a little.',
  targetEased: "Okay, an easier target. Go to a mild pull and I'll count from there.",
  movedOn: "Okay, let's move on.",
});

/** A hold that will not come (protocol/holdStall.ts): kind, and a choice, said once per rep. */
export function stallLine(easeOffered: boolean): string {
  return easeOffered
    ? "This one isn't coming today, and that's fine. Shall we ease the target, or move on?"
    : "Still not quite there, and that's fine. Shall we move on?";
}

/** After a yes to the symptom check (seed 000: stop and consult a professional). */
export function symptomAdvice(nerveGlideOffered: boolean): string {
  const advice =
    'Please stop stretching for today. If the tingling, numbness or pain carries on, have a ' +
    'physiotherapist or doctor look at it.';
  return nerveGlideOffered
    ? `${advice} If you like, you can try the gentle nerve glide instead.`
    : advice;
}

export function restLine(restMs: number): string {
  return `Good. Relax for ${Math.round(restMs / 1000)} seconds.`;
}

export function switchLegLine(to: Side): string {
  return `That side is done. Now switch to your ${to} leg.`;
}

export function wrongLegLine(expected: Side): string {
  return `Use your ${expected} leg this time.`;
}

export function stretchDoneLine(stretchName: string): string {
  return `That's the ${stretchName} done.`;
}

export function glideCountLine(rep: number): string {
  return `${rep}.`;
}

/** "I can't see your knee": the body part of the first joint, in plain words. */
export function cannotSeeLine(joints: readonly KeypointName[]): string {
  const joint = joints[0];
  if (joint === undefined) return "I can't see you clearly. Check the light and the camera.";
  return `I can't see your ${bodyPart(joint)}. Move so the camera has a clear view of it.`;
}

function bodyPart(joint: KeypointName): string {
  if (joint.endsWith('knee')) return 'knee';
  if (joint.endsWith('hip')) return 'hip';
  if (joint.endsWith('ankle') || joint.endsWith('heel') || joint.endsWith('foot_index'))
    return 'foot';
  if (joint.endsWith('shoulder')) return 'shoulder';
  if (joint.endsWith('elbow') || joint.endsWith('wrist')) return 'arm';
  if (/pinky|_index|thumb/.test(joint)) return 'hand';
  return 'head';
}
