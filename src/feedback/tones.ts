/**
 * Short tones that carry the session when there is no voice (and mark countdowns when there
 * is): a listener can tell a countdown tick, "go", a safety alert and "done" apart by pitch and
 * rhythm.
 */

import type { CueTone } from './cueTypes';

/** The cue policy's tones, plus `cue`: the tone that stands in for a line when there is no voice. */
export type ToneKind = CueTone | 'cue';

interface Note {
  readonly frequencyHz: number;
  readonly durationMs: number;
  /** Silence before this note. */
  readonly gapMs: number;
}

/** Gentle sine tones at a low volume: they should inform, not startle. */
export const TONE_NOTES: Readonly<Record<ToneKind, readonly Note[]>> = {
  cue: [{ frequencyHz: 660, durationMs: 120, gapMs: 0 }],
  tick: [{ frequencyHz: 880, durationMs: 80, gapMs: 0 }],
  go: [
    { frequencyHz: 660, durationMs: 110, gapMs: 0 },
    { frequencyHz: 990, durationMs: 160, gapMs: 40 },
  ],
  alert: [
    { frequencyHz: 330, durationMs: 150, gapMs: 0 },
    { frequencyHz: 330, durationMs: 150, gapMs: 90 },
  ],
  done: [
    { frequencyHz: 523, durationMs: 120, gapMs: 0 },
    { frequencyHz: 659, durationMs: 120, gapMs: 30 },
    { frequencyHz: 784, durationMs: 220, gapMs: 30 },
  ],
};

const PEAK_GAIN = 0.15;

export interface TonePlayer {
  play(kind: ToneKind): void;
  /** Browsers only start audio after a user gesture: call from a click or key handler. */
  unlock(): Promise<void>;
  setVolume(volume: number): void;
  /** Tones played so far (shown to tests and used to confirm the fallback works). */
  readonly played: number;
}

/** Plays tones through the Web Audio API; silent (but counting) where it is missing. */
export class WebAudioTonePlayer implements TonePlayer {
  private context: AudioContext | null = null;
  private volume = 1;
  played = 0;

  async unlock(): Promise<void> {
    const context = this.audio();
    if (context !== null && context.state === 'suspended') await context.resume();
  }

  setVolume(volume: number): void {
    this.volume = Math.max(0, Math.min(1, volume));
  }

  play(kind: ToneKind): void {
    this.played++;
    const context = this.audio();
    if (context === null || this.volume === 0) return;
    let startS = context.currentTime + 0.01;
    for (const note of TONE_NOTES[kind]) {
      startS += note.gapMs / 1000;
      const endS = startS + note.durationMs / 1000;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequencyHz;
      // Short ramps in and out avoid clicks.
      gain.gain.setValueAtTime(0, startS);
      gain.gain.linearRampToValueAtTime(PEAK_GAIN * this.volume, startS + 0.01);
      gain.gain.linearRampToValueAtTime(0, endS);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(startS);
      oscillator.stop(endS + 0.02);
      startS = endS;
    }
  }

  private audio(): AudioContext | null {
    if (this.context !== null) return this.context;
    if (typeof AudioContext === 'undefined') return null;
    this.context = new AudioContext();
    return this.context;
  }
}
