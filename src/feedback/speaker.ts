/**
 * The voice of the coach, as the rest of the app sees it. The Web Speech implementation is in
 * speechSpeaker.ts; tests use a fake. Every line is also shown as a caption by the caller, so a
 * line that cannot be spoken (muted, no voice) is reported as skipped, never lost.
 */

export interface SpokenLine {
  /** Identifies the line in events (e.g. a cue id plus a counter). */
  readonly id: string;
  readonly text: string;
  /** Cut off whatever is being said and drop the queue (e.g. "stop" for safety). */
  readonly interrupt: boolean;
}

export type SkipReason = 'muted' | 'no-voice' | 'interrupted' | 'error';

export type SpeakerEvent =
  | { readonly type: 'start'; readonly id: string }
  | { readonly type: 'end'; readonly id: string }
  | { readonly type: 'skipped'; readonly id: string; readonly reason: SkipReason };

export type SpeakerAvailability = 'checking' | 'available' | 'no-voice' | 'unsupported';

export interface VoiceOption {
  /** The voice's URI: stable across page loads, so it can be saved in settings. */
  readonly id: string;
  readonly name: string;
  readonly lang: string;
  readonly isDefault: boolean;
}

export interface SpeakerSettings {
  /** null: the browser's default voice for the page language. */
  readonly voiceId: string | null;
  /** 0.5..2, 1 = normal speed. */
  readonly rate: number;
  /** 0..1 */
  readonly volume: number;
  readonly muted: boolean;
}

export const DEFAULT_SPEAKER_SETTINGS: SpeakerSettings = {
  voiceId: null,
  rate: 1,
  volume: 1,
  muted: false,
};

export interface Speaker {
  readonly availability: SpeakerAvailability;
  /** Resolves once the browser has said which voices it has. */
  whenReady(): Promise<SpeakerAvailability>;
  voices(): readonly VoiceOption[];
  configure(settings: SpeakerSettings): void;
  /** Queues a line (or, with `interrupt`, says it at once). */
  say(line: SpokenLine): void;
  /** Silences everything now and forgets the queue. */
  cancelAll(): void;
  onEvent(listener: (event: SpeakerEvent) => void): () => void;
}
