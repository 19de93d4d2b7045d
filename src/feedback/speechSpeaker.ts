import {
  DEFAULT_SPEAKER_SETTINGS,
  type Speaker,
  type SpeakerAvailability,
  type SpeakerEvent,
  type SpeakerSettings,
  type SpokenLine,
  type VoiceOption,
} from './speaker';

/** The parts of the Web Speech API this speaker uses; tests pass a fake with the same shape. */
export interface SpeechSynthesisLike {
  readonly speaking: boolean;
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

export interface SpeechSpeakerDependencies {
  readonly synth: SpeechSynthesisLike;
  readonly createUtterance: (text: string) => SpeechSynthesisUtterance;
  readonly setTimer: (callback: () => void, ms: number) => number;
  readonly clearTimer: (handle: number) => void;
}

/** Chrome fills the voice list asynchronously; after this long an empty list means none. */
export const VOICE_LIST_WAIT_MS = 1500;
/**
 * Chrome's cancel() finishes asynchronously: a speak() issued straight after it can be
 * cancelled too. Wait for the cancelled line's end event, or this long, before speaking again.
 */
export const CANCEL_SETTLE_MS = 250;
/**
 * Chrome sometimes never fires `end` (and stops speaking long lines after ~15 s). A line is
 * given up on after an estimate of its spoken length plus this margin.
 */
export const WATCHDOG_MARGIN_MS = 3000;
const MS_PER_CHARACTER_AT_RATE_1 = 90;

function voiceOption(voice: SpeechSynthesisVoice): VoiceOption {
  return { id: voice.voiceURI, name: voice.name, lang: voice.lang, isDefault: voice.default };
}

interface Speaking {
  readonly line: SpokenLine;
  /** Held so the browser does not garbage-collect it mid-line and drop its events. */
  readonly utterance: SpeechSynthesisUtterance;
  readonly watchdog: number;
}

/** Speaks lines one at a time through the Web Speech API. */
export class SpeechSpeaker implements Speaker {
  availability: SpeakerAvailability = 'checking';
  private settings: SpeakerSettings = DEFAULT_SPEAKER_SETTINGS;
  private readonly queue: SpokenLine[] = [];
  private current: Speaking | null = null;
  private settling = false;
  private readonly listeners = new Set<(event: SpeakerEvent) => void>();
  private readonly ready: Promise<SpeakerAvailability>;

  constructor(private readonly deps: SpeechSpeakerDependencies) {
    this.ready = this.waitForVoices();
  }

  whenReady(): Promise<SpeakerAvailability> {
    return this.ready;
  }

  voices(): readonly VoiceOption[] {
    return this.deps.synth.getVoices().map(voiceOption);
  }

  configure(settings: SpeakerSettings): void {
    const mutedNow = settings.muted && !this.settings.muted;
    this.settings = settings;
    if (mutedNow) this.cancelAll();
  }

  say(line: SpokenLine): void {
    if (this.settings.muted) return this.emit({ type: 'skipped', id: line.id, reason: 'muted' });
    if (this.availability === 'no-voice' || this.availability === 'unsupported') {
      return this.emit({ type: 'skipped', id: line.id, reason: 'no-voice' });
    }
    if (line.interrupt) this.interrupt();
    this.queue.push(line);
    this.pump();
  }

  cancelAll(): void {
    this.interrupt();
  }

  onEvent(listener: (event: SpeakerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async waitForVoices(): Promise<SpeakerAvailability> {
    const { synth, setTimer, clearTimer } = this.deps;
    if (synth.getVoices().length === 0) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          synth.removeEventListener('voiceschanged', onChange);
          clearTimer(timer);
          resolve();
        };
        const onChange = (): void => {
          if (synth.getVoices().length > 0) done();
        };
        const timer = setTimer(done, VOICE_LIST_WAIT_MS);
        synth.addEventListener('voiceschanged', onChange);
      });
    }
    this.availability = synth.getVoices().length > 0 ? 'available' : 'no-voice';
    if (this.availability === 'no-voice') {
      for (const line of this.queue.splice(0)) {
        this.emit({ type: 'skipped', id: line.id, reason: 'no-voice' });
      }
    } else {
      this.pump();
    }
    return this.availability;
  }

  private interrupt(): void {
    for (const line of this.queue.splice(0)) {
      this.emit({ type: 'skipped', id: line.id, reason: 'interrupted' });
    }
    const speaking = this.current;
    if (speaking === null) return;
    // The cancelled line's end/error event arrives later; until then nothing new is spoken.
    this.settling = true;
    this.finish(speaking, { type: 'skipped', id: speaking.line.id, reason: 'interrupted' });
    this.deps.synth.cancel();
    this.deps.setTimer(() => {
      this.settling = false;
      this.pump();
    }, CANCEL_SETTLE_MS);
  }

  private pump(): void {
    if (this.current !== null || this.settling || this.availability !== 'available') return;
    const line = this.queue.shift();
    if (line === undefined) return;
    const utterance = this.deps.createUtterance(line.text);
    const voice = this.deps.synth.getVoices().find((v) => v.voiceURI === this.settings.voiceId);
    if (voice !== undefined) utterance.voice = voice;
    utterance.rate = this.settings.rate;
    utterance.volume = this.settings.volume;
    const expectedMs = (line.text.length * MS_PER_CHARACTER_AT_RATE_1) / this.settings.rate;
    const speaking: Speaking = {
      line,
      utterance,
      watchdog: this.deps.setTimer(() => {
        if (this.current !== speaking) return;
        this.finish(speaking, { type: 'skipped', id: line.id, reason: 'error' });
        this.deps.synth.cancel();
        this.pump();
      }, expectedMs + WATCHDOG_MARGIN_MS),
    };
    utterance.onstart = () => {
      if (this.current === speaking) this.emit({ type: 'start', id: line.id });
    };
    utterance.onend = () => {
      if (this.current !== speaking) return;
      this.finish(speaking, { type: 'end', id: line.id });
      this.pump();
    };
    utterance.onerror = (event: SpeechSynthesisErrorEvent) => {
      if (this.current !== speaking) return;
      const reason =
        event.error === 'interrupted' || event.error === 'canceled' ? 'interrupted' : 'error';
      this.finish(speaking, { type: 'skipped', id: line.id, reason });
      this.pump();
    };
    this.current = speaking;
    this.deps.synth.speak(utterance);
  }

  private finish(speaking: Speaking, event: SpeakerEvent): void {
    this.deps.clearTimer(speaking.watchdog);
    this.current = null;
    this.emit(event);
  }

  private emit(event: SpeakerEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** The speaker for this browser, or one that reports 'unsupported'. */
export function createBrowserSpeaker(): Speaker {
  if (typeof speechSynthesis === 'undefined') return new UnsupportedSpeaker();
  return new SpeechSpeaker({
    synth: speechSynthesis,
    createUtterance: (text) => new SpeechSynthesisUtterance(text),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (handle) => window.clearTimeout(handle),
  });
}

/** For browsers without the Web Speech API: every line is skipped (captions carry it). */
class UnsupportedSpeaker implements Speaker {
  readonly availability = 'unsupported' as const;
  private readonly listeners = new Set<(event: SpeakerEvent) => void>();
  whenReady(): Promise<SpeakerAvailability> {
    return Promise.resolve('unsupported');
  }
  voices(): readonly VoiceOption[] {
    return [];
  }
  configure(): void {}
  say(line: SpokenLine): void {
    for (const listener of this.listeners)
      listener({ type: 'skipped', id: line.id, reason: 'no-voice' });
  }
  cancelAll(): void {}
  onEvent(listener: (event: SpeakerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
