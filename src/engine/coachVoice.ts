import type {
  Speaker,
  SpeakerAvailability,
  SpeakerEvent,
  SpeakerSettings,
  VoiceOption,
} from '../feedback/speaker';
import { DEFAULT_SPEAKER_SETTINGS } from '../feedback/speaker';
import type { ToneKind, TonePlayer } from '../feedback/tones';
import { createStore, type Store } from './store';

export type CaptionStatus = 'queued' | 'speaking' | 'spoken' | 'shown';

export interface Caption {
  readonly id: string;
  readonly text: string;
  /** Safety lines are announced assertively and styled to stand out. */
  readonly urgent: boolean;
  readonly status: CaptionStatus;
}

export interface CoachVoiceState {
  readonly availability: SpeakerAvailability;
  readonly voices: readonly VoiceOption[];
  readonly settings: SpeakerSettings;
  /** Most recent first; a short history so a missed line can be re-read. */
  readonly captions: readonly Caption[];
  /** Set the first time a line could not be spoken for lack of a voice; the UI says so once. */
  readonly noVoiceNotice: boolean;
  readonly tonesPlayed: number;
}

export interface CoachLine {
  readonly id: string;
  readonly text: string;
  readonly urgent?: boolean;
  /** Cut off the current line (safety, stop). */
  readonly interrupt?: boolean;
  /** Played with the line when there is no voice, or always for countdown ticks. */
  readonly tone?: ToneKind;
  /** Play the tone even when the line is spoken (countdowns, go, done). */
  readonly alwaysTone?: boolean;
  /** False: caption (and tone) only, e.g. the cue policy's lines while muted. Default true. */
  readonly speak?: boolean;
}

const CAPTION_HISTORY = 5;

/**
 * Everything the coach says goes through here: it is captioned at once, spoken when a voice is
 * available, and backed by a tone when it is not — so no line is ever lost.
 */
export class CoachVoice {
  readonly store: Store<CoachVoiceState>;
  /** Tones owed to lines whose fate (spoken or not) is not known yet. */
  private readonly pendingTones = new Map<string, ToneKind>();
  private readonly finishedListeners = new Set<(id: string) => void>();

  constructor(
    private readonly speaker: Speaker,
    private readonly tones: TonePlayer,
  ) {
    this.store = createStore<CoachVoiceState>({
      availability: speaker.availability,
      voices: [],
      settings: DEFAULT_SPEAKER_SETTINGS,
      captions: [],
      noVoiceNotice: false,
      tonesPlayed: 0,
    });
    speaker.onEvent((event) => this.onSpeakerEvent(event));
    void speaker
      .whenReady()
      .then((availability) =>
        this.store.update((s) => ({ ...s, availability, voices: speaker.voices() })),
      );
  }

  configure(settings: SpeakerSettings): void {
    this.speaker.configure(settings);
    this.tones.setVolume(settings.muted ? 0 : settings.volume);
    this.store.update((s) => ({ ...s, settings }));
  }

  /** Call from a user gesture (a click or key press) so audio may start. */
  unlockAudio(): Promise<void> {
    return this.tones.unlock();
  }

  say(line: CoachLine): void {
    const caption: Caption = {
      id: line.id,
      text: line.text,
      urgent: line.urgent ?? false,
      status: 'queued',
    };
    this.store.update((s) => ({
      ...s,
      captions: [caption, ...s.captions.filter((c) => c.id !== line.id)].slice(0, CAPTION_HISTORY),
    }));
    const speak = line.speak ?? true;
    if (line.tone !== undefined) {
      if (line.alwaysTone === true || !speak || !this.canSpeak()) this.playTone(line.tone);
      else this.pendingTones.set(line.id, line.tone);
    }
    if (!speak) {
      this.markCaption(line.id, 'shown');
      for (const listener of this.finishedListeners) listener(line.id);
      return;
    }
    this.speaker.say({ id: line.id, text: line.text, interrupt: line.interrupt ?? false });
  }

  /** Called with a line's id once it has been said, skipped or cut off. */
  onLineFinished(listener: (id: string) => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  silence(): void {
    this.speaker.cancelAll();
  }

  private canSpeak(): boolean {
    const { availability, settings } = this.store.getSnapshot();
    return !settings.muted && (availability === 'available' || availability === 'checking');
  }

  private playTone(kind: ToneKind): void {
    this.tones.play(kind);
    this.store.update((s) => ({ ...s, tonesPlayed: this.tones.played }));
  }

  private onSpeakerEvent(event: SpeakerEvent): void {
    const owedTone = this.pendingTones.get(event.id);
    if (event.type !== 'start') this.pendingTones.delete(event.id);
    if (owedTone !== undefined && event.type === 'skipped' && event.reason === 'no-voice') {
      this.playTone(owedTone);
    }
    const status: CaptionStatus =
      event.type === 'start' ? 'speaking' : event.type === 'end' ? 'spoken' : 'shown';
    this.store.update((s) => ({
      ...s,
      noVoiceNotice: s.noVoiceNotice || (event.type === 'skipped' && event.reason === 'no-voice'),
    }));
    this.markCaption(event.id, status);
    if (event.type !== 'start') for (const listener of this.finishedListeners) listener(event.id);
  }

  private markCaption(id: string, status: CaptionStatus): void {
    this.store.update((s) => ({
      ...s,
      captions: s.captions.map((c) => (c.id === id ? { ...c, status } : c)),
    }));
  }
}
