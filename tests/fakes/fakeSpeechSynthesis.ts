import type { SpeechSynthesisLike } from '../../src/feedback/speechSpeaker';

/** A stand-in for SpeechSynthesisUtterance that Node lacks. */
export class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  rate = 1;
  volume = 1;
  onstart: (() => void) | null = null;
  onend: (() => void) | null = null;
  onerror: ((event: { error: string }) => void) | null = null;
  constructor(readonly text: string) {}
}

export interface FakeSynthOptions {
  readonly voices: readonly string[];
  /** Milliseconds each character takes to say. */
  readonly msPerCharacter?: number;
  /** Chrome: cancel() settles later, and a speak() issued before it settles is dropped. */
  readonly cancelSettlesAfterMs?: number;
  /** Chrome's bug: some lines never fire `end`. */
  readonly loseEndEventFor?: (text: string) => boolean;
}

function voice(name: string): SpeechSynthesisVoice {
  return { voiceURI: `urn:${name}`, name, lang: 'en-GB', default: false, localService: true };
}

/**
 * Emulates Chrome's speechSynthesis on fake timers (vi.useFakeTimers), including the quirks
 * the real speaker must survive. `spoken` records what was actually heard, in order.
 */
export class FakeSpeechSynthesis implements SpeechSynthesisLike {
  readonly spoken: string[] = [];
  private current: FakeUtterance | null = null;
  private cancelledUntilMs = -1;
  private voiceList: SpeechSynthesisVoice[];
  private readonly voiceListeners = new Set<() => void>();

  constructor(private readonly options: FakeSynthOptions) {
    this.voiceList = options.voices.map(voice);
  }

  get speaking(): boolean {
    return this.current !== null;
  }

  getVoices(): SpeechSynthesisVoice[] {
    return this.voiceList;
  }

  /** Voices arriving late, as Chrome does after the first getVoices() call. */
  announceVoices(names: readonly string[]): void {
    this.voiceList = names.map(voice);
    for (const listener of this.voiceListeners) listener();
  }

  addEventListener(_type: 'voiceschanged', listener: () => void): void {
    this.voiceListeners.add(listener);
  }

  removeEventListener(_type: 'voiceschanged', listener: () => void): void {
    this.voiceListeners.delete(listener);
  }

  speak(utterance: SpeechSynthesisUtterance): void {
    const u = utterance as unknown as FakeUtterance;
    if (Date.now() < this.cancelledUntilMs) return; // swallowed by a cancel still settling
    this.current = u;
    setTimeout(() => u.onstart?.(), 5);
    const durationMs = (u.text.length * (this.options.msPerCharacter ?? 50)) / u.rate;
    setTimeout(() => {
      if (this.current !== u) return;
      this.spoken.push(u.text);
      this.current = null;
      if (!(this.options.loseEndEventFor?.(u.text) ?? false)) u.onend?.();
    }, durationMs);
  }

  cancel(): void {
    const u = this.current;
    this.current = null;
    const settleMs = this.options.cancelSettlesAfterMs ?? 0;
    this.cancelledUntilMs = Date.now() + settleMs;
    if (u !== null) setTimeout(() => u.onerror?.({ error: 'interrupted' }), settleMs);
  }
}
