import type { CoachVoiceState } from '../engine/coachVoice';
import type { SpeakerSettings } from '../feedback/speaker';

interface Props {
  readonly state: CoachVoiceState;
  readonly onChange: (settings: SpeakerSettings) => void;
  readonly onTest: () => void;
}

/** Voice choice, speed, volume, mute and a test line. */
export function VoicePanel({ state, onChange, onTest }: Props) {
  const { settings, voices, availability } = state;
  const set = (change: Partial<SpeakerSettings>): void => onChange({ ...settings, ...change });
  return (
    <fieldset className="voice-panel">
      <legend>Voice and sound</legend>
      {availability === 'no-voice' || availability === 'unsupported' ? (
        <p className="hint" data-testid="no-voice-info">
          This browser has no voice to speak with. Every cue appears as a caption, with a short tone
          so you notice it.
        </p>
      ) : (
        <label>
          Voice{' '}
          <select
            value={settings.voiceId ?? ''}
            onChange={(e) => set({ voiceId: e.target.value === '' ? null : e.target.value })}
            disabled={availability !== 'available'}
          >
            <option value="">Browser default</option>
            {voices.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.lang})
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Speed{' '}
        <input
          type="range"
          min={0.6}
          max={1.6}
          step={0.1}
          value={settings.rate}
          onChange={(e) => set({ rate: Number(e.target.value) })}
        />{' '}
        <output>{settings.rate.toFixed(1)}×</output>
      </label>
      <label>
        Volume{' '}
        <input
          type="range"
          min={0}
          max={1}
          step={0.1}
          value={settings.volume}
          onChange={(e) => set({ volume: Number(e.target.value) })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.muted}
          onChange={(e) => set({ muted: e.target.checked })}
        />{' '}
        Mute (captions only)
      </label>
      <button type="button" onClick={onTest}>
        Test voice
      </button>
    </fieldset>
  );
}
