import type { SettingsState } from '../../engine/appEngine';
import type { CoachVoiceState } from '../../engine/coachVoice';
import type { AutoModelChoice } from '../../engine/autoModel';
import { MODEL_CHOICES } from '../../engine/modelChoices';
import { ModelSelect } from '../common/ModelSelect';
import {
  HOLD_SECONDS_CHOICES,
  REPS_CHOICES,
  VERBOSITY_CHOICES,
} from '../../engine/settingsChoices';
import type { Settings } from '../../session/settingsStore';

interface Props {
  readonly state: SettingsState;
  readonly voice: CoachVoiceState;
  /** What the automatic model setting chose on this device, if it has. */
  readonly autoChoice: AutoModelChoice | null;
  readonly onChange: (change: Partial<Settings>) => void;
  readonly onTestVoice: () => void;
  readonly onRemeasure: () => void;
}

function modelLabel(id: string): string {
  return MODEL_CHOICES.find((m) => m.id === id)?.label ?? id;
}

/** "MoveNet Thunder 18, BlazePose full 9", frames a second from the bare-graph timings. */
function describeTimings(choice: AutoModelChoice): string {
  return MODEL_CHOICES.flatMap((m) => {
    const ms = choice.rawMsPerFrame[m.id];
    return ms === undefined
      ? []
      : [`${m.label.split(' (')[0] ?? m.label} ${Math.round(1000 / ms)}`];
  }).join(', ');
}

/** Everything a user may set; every change is saved at once. */
export function SettingsPanel({
  state,
  voice,
  autoChoice,
  onChange,
  onTestVoice,
  onRemeasure,
}: Props) {
  const { settings } = state;
  const noVoice = voice.availability === 'no-voice' || voice.availability === 'unsupported';
  return (
    <fieldset className="settings">
      <legend>Settings</legend>
      <label>
        Hold each stretch for{' '}
        <select
          value={settings.holdMs / 1000}
          onChange={(e) => onChange({ holdMs: Number(e.target.value) * 1000 })}
        >
          {HOLD_SECONDS_CHOICES.map((s) => (
            <option key={s} value={s}>
              {s} seconds
            </option>
          ))}
        </select>
      </label>
      <label>
        Repetitions per leg{' '}
        <select value={settings.reps} onChange={(e) => onChange({ reps: Number(e.target.value) })}>
          {REPS_CHOICES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={settings.voiceEnabled}
          onChange={(e) => onChange({ voiceEnabled: e.target.checked })}
        />{' '}
        Speak the cues (captions are always shown)
      </label>
      {noVoice ? (
        <p className="hint" data-testid="no-voice-info">
          This browser has no voice to speak with. Every cue appears as a caption, with a short tone
          so you notice it.
        </p>
      ) : (
        <label>
          Voice{' '}
          <select
            value={settings.voiceId ?? ''}
            disabled={voice.availability !== 'available'}
            onChange={(e) => onChange({ voiceId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">Browser default</option>
            {voice.voices.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.lang})
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Speaking rate{' '}
        <input
          type="range"
          min={0.6}
          max={1.6}
          step={0.1}
          value={settings.speechRate}
          onChange={(e) => onChange({ speechRate: Number(e.target.value) })}
        />{' '}
        <output>{settings.speechRate.toFixed(1)}×</output>
      </label>
      <button type="button" onClick={onTestVoice}>
        Test voice
      </button>
      <label>
        How much the coach says{' '}
        <select
          value={settings.verbosity}
          onChange={(e) => onChange({ verbosity: e.target.value as Settings['verbosity'] })}
        >
          {VERBOSITY_CHOICES.map((v) => (
            <option key={v.id} value={v.id}>
              {v.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Pose model <ModelSelect value={settings.model} onChange={(model) => onChange({ model })} />
      </label>
      {settings.model === 'auto' && (
        <p className="hint" data-testid="auto-model">
          {autoChoice === null
            ? 'The models are timed on this device when your first session starts (a few seconds).'
            : `Chosen on this device: ${modelLabel(autoChoice.model)}. Measured: ${describeTimings(autoChoice)} frames a second.`}{' '}
          {autoChoice !== null && (
            <button type="button" className="small" onClick={onRemeasure}>
              Measure again
            </button>
          )}
        </p>
      )}
      {state.saveError !== null && (
        <p className="error-inline" role="alert">
          Settings could not be saved: {state.saveError}
        </p>
      )}
    </fieldset>
  );
}
