import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpeakerEvent } from '../../../src/feedback/speaker';
import {
  CANCEL_SETTLE_MS,
  SpeechSpeaker,
  VOICE_LIST_WAIT_MS,
} from '../../../src/feedback/speechSpeaker';
import {
  FakeSpeechSynthesis,
  FakeUtterance,
  type FakeSynthOptions,
} from '../../fakes/fakeSpeechSynthesis';

function makeSpeaker(options: FakeSynthOptions) {
  const synth = new FakeSpeechSynthesis(options);
  const speaker = new SpeechSpeaker({
    synth,
    createUtterance: (text) => new FakeUtterance(text) as unknown as SpeechSynthesisUtterance,
    setTimer: (callback, ms) => setTimeout(callback, ms) as unknown as number,
    clearTimer: (handle) => clearTimeout(handle),
  });
  const events: SpeakerEvent[] = [];
  speaker.onEvent((e) => events.push(e));
  return { synth, speaker, events };
}

const line = (id: string, text: string, interrupt = false) => ({ id, text, interrupt });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SpeechSpeaker', () => {
  it('says queued lines one at a time, in order', async () => {
    const { synth, speaker, events } = makeSpeaker({ voices: ['Ann'] });
    await speaker.whenReady();
    speaker.say(line('a', 'Hinge from the hips'));
    speaker.say(line('b', 'Keep your back long'));
    expect(synth.speaking).toBe(true);
    await vi.runAllTimersAsync();
    expect(synth.spoken).toEqual(['Hinge from the hips', 'Keep your back long']);
    expect(events.map((e) => `${e.type}:${e.id}`)).toEqual([
      'start:a',
      'end:a',
      'start:b',
      'end:b',
    ]);
  });

  it('an interrupting line cuts the current one, drops the queue, and is still heard after Chrome’s slow cancel', async () => {
    const { synth, speaker, events } = makeSpeaker({
      voices: ['Ann'],
      cancelSettlesAfterMs: CANCEL_SETTLE_MS - 50,
    });
    await speaker.whenReady();
    speaker.say(line('a', 'A long encouraging sentence that takes a while to say'));
    speaker.say(line('b', 'Queued line'));
    await vi.advanceTimersByTimeAsync(100);
    speaker.say(line('stop', 'Stop now', true));
    await vi.runAllTimersAsync();
    expect(synth.spoken).toEqual(['Stop now']);
    expect(events).toContainEqual({ type: 'skipped', id: 'b', reason: 'interrupted' });
    expect(events).toContainEqual({ type: 'skipped', id: 'a', reason: 'interrupted' });
    expect(events.at(-1)).toEqual({ type: 'end', id: 'stop' });
  });

  it('moves on when the browser never reports the end of a line', async () => {
    const { synth, speaker, events } = makeSpeaker({
      voices: ['Ann'],
      loseEndEventFor: (text) => text === 'Lost',
    });
    await speaker.whenReady();
    speaker.say(line('lost', 'Lost'));
    speaker.say(line('next', 'Next line'));
    await vi.runAllTimersAsync();
    expect(events).toContainEqual({ type: 'skipped', id: 'lost', reason: 'error' });
    expect(synth.spoken).toContain('Next line');
  });

  it('waits for voices that arrive late', async () => {
    const { synth, speaker } = makeSpeaker({ voices: [] });
    speaker.say(line('early', 'Said once voices exist'));
    await vi.advanceTimersByTimeAsync(300);
    synth.announceVoices(['Ann']);
    expect(await speaker.whenReady()).toBe('available');
    await vi.runAllTimersAsync();
    expect(synth.spoken).toEqual(['Said once voices exist']);
  });

  it('reports no voice when the browser has none, skipping every line so captions carry it', async () => {
    const { speaker, events } = makeSpeaker({ voices: [] });
    speaker.say(line('a', 'Before the check finished'));
    await vi.advanceTimersByTimeAsync(VOICE_LIST_WAIT_MS + 10);
    expect(await speaker.whenReady()).toBe('no-voice');
    speaker.say(line('b', 'After'));
    expect(events).toEqual([
      { type: 'skipped', id: 'a', reason: 'no-voice' },
      { type: 'skipped', id: 'b', reason: 'no-voice' },
    ]);
  });

  it('uses the chosen voice, rate and volume, and muting silences at once', async () => {
    const { synth, speaker, events } = makeSpeaker({ voices: ['Ann', 'Bob'] });
    await speaker.whenReady();
    const created: FakeUtterance[] = [];
    const originalSpeak = synth.speak.bind(synth);
    synth.speak = (u) => {
      created.push(u as unknown as FakeUtterance);
      originalSpeak(u);
    };
    speaker.configure({ voiceId: 'urn:Bob', rate: 1.5, volume: 0.4, muted: false });
    speaker.say(line('a', 'Breathe out as you fold'));
    expect(created[0]?.voice?.name).toBe('Bob');
    expect(created[0]?.rate).toBe(1.5);
    expect(created[0]?.volume).toBe(0.4);
    speaker.configure({ voiceId: 'urn:Bob', rate: 1.5, volume: 0.4, muted: true });
    speaker.say(line('b', 'Not said'));
    await vi.runAllTimersAsync();
    expect(synth.spoken).toEqual([]);
    expect(events).toContainEqual({ type: 'skipped', id: 'a', reason: 'interrupted' });
    expect(events).toContainEqual({ type: 'skipped', id: 'b', reason: 'muted' });
  });
});
