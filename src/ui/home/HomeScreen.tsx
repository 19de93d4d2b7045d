import { useCallback, useRef, useState } from 'react';
import { readClientName } from '../../session/clientName';
import type { SessionLibrary } from '../../engine/sessionLibrary';
import { InterruptedNotice } from '../history/InterruptedNotice';
import { useLibraryQuery } from '../history/useSessionLibrary';
import type { SourceChoice } from '../../engine/appEngine';
import { STRETCH_CHOICES } from '../../engine/appEngine';
import { CaptionBar } from '../CaptionBar';
import { useEngine } from '../EngineContext';
import { navigate, routeHref } from '../router';
import { useStore } from '../useStore';
import { ClientField } from './ClientField';
import { SettingsPanel } from './SettingsPanel';
import { SourcePicker } from './SourcePicker';
import { StretchPicker } from './StretchPicker';

/** Pick stretches, a picture source and settings, then start. */
export function HomeScreen() {
  const engine = useEngine();
  const settings = useStore(engine.settings);
  const voice = useStore(engine.voice.store);
  const autoChoice = useStore(engine.autoModel.choice);
  const [stretchIds, setStretchIds] = useState<readonly string[]>(STRETCH_CHOICES.map((s) => s.id));
  const [source, setSource] = useState<SourceChoice | null>(null);
  const onSource = useCallback((choice: SourceChoice | null) => setSource(choice), []);
  const [testLines, setTestLines] = useState(0);
  const interrupted = useLibraryQuery(loadInterrupted);
  const [clientText, setClientText] = useState(settings.settings.lastClient ?? '');
  const [clientError, setClientError] = useState<string | null>(null);
  const clientInput = useRef<HTMLInputElement>(null);

  // The demo shows the standing stretch: that is what the simulated person can do.
  const routine = source?.kind === 'demo' ? ['standing-hamstring'] : stretchIds;
  const canStart = source !== null && routine.length > 0;

  const start = (): void => {
    if (source === null) return;
    const client = readClientName(clientText);
    if (!client.ok) {
      setClientError(client.message);
      clientInput.current?.focus();
      return;
    }
    if (client.client !== settings.settings.lastClient)
      engine.updateSettings({ lastClient: client.client });
    void engine.voice.unlockAudio();
    engine.requestSession({ stretchIds: routine, source, client: client.client });
    navigate({ name: 'session' });
  };
  /** Carry on a cut-off session: its routine again, from the picture source chosen here. */
  const resume = (sessionId: string): void => {
    if (interrupted.status !== 'ready') return;
    const entry = interrupted.data.find((e) => e.meta.id === sessionId);
    if (entry === undefined) return;
    void engine.voice.unlockAudio();
    engine.requestSession({
      stretchIds: entry.meta.routine,
      source: source ?? { kind: 'camera', deviceId: null },
      resumeSessionId: sessionId,
    });
    navigate({ name: 'session' });
  };
  const changeClient = (text: string): void => {
    setClientText(text);
    // Say what is wrong as soon as it is fixed or made worse, not only on Start.
    if (clientError !== null) {
      const check = readClientName(text);
      setClientError(check.ok ? null : check.message);
    }
  };
  const clearClient = (): void => {
    setClientText('');
    setClientError(null);
    if (settings.settings.lastClient !== null) engine.updateSettings({ lastClient: null });
    clientInput.current?.focus();
  };
  const testVoice = (): void => {
    void engine.voice.unlockAudio();
    engine.voice.say({
      id: `test-${testLines}`,
      text: 'This is how your coach sounds.',
      tone: 'cue',
    });
    setTestLines((n) => n + 1);
  };

  return (
    <div className="home">
      <h1>Stretch your hamstrings, with a coach watching your form</h1>
      <p className="tagline">
        Stand side-on to your camera. StretchCheck times your holds, counts reps and tells you when
        your back rounds or your knee locks. Everything stays on this device.
      </p>
      {interrupted.status === 'ready' && (
        <InterruptedNotice entries={interrupted.data} onResume={resume} />
      )}
      {settings.problem !== null && (
        <p className="notice-inline" role="status">
          {settings.problem.message}
        </p>
      )}
      <div className="home-grid">
        <div>
          {source?.kind === 'demo' ? (
            <p className="hint">The demo shows the standing hamstring stretch on both legs.</p>
          ) : (
            <StretchPicker selected={stretchIds} onChange={setStretchIds} />
          )}
          <SourcePicker onChange={onSource} />
          <ClientField
            value={clientText}
            onChange={changeClient}
            onClear={clearClient}
            error={clientError}
            inputRef={clientInput}
          />
          <button
            type="button"
            className="primary start-button"
            onClick={start}
            disabled={!canStart}
            aria-describedby="start-hint"
          >
            Start
          </button>
          <p id="start-hint" className="hint">
            {source === null
              ? 'Choose a video file first.'
              : routine.length === 0
                ? 'Pick at least one stretch.'
                : 'Warm up first: five to ten minutes of brisk walking.'}
          </p>
          <p className="hint">
            Camera trouble? <a href={routeHref({ name: 'check' })}>Check the camera and model</a>.
          </p>
        </div>
        <div>
          <SettingsPanel
            state={settings}
            voice={voice}
            autoChoice={autoChoice}
            onRemeasure={() => engine.autoModel.forget()}
            onChange={(change) => engine.updateSettings(change)}
            onTestVoice={testVoice}
          />
          {voice.captions.length > 0 && (
            <CaptionBar captions={voice.captions} tonesPlayed={voice.tonesPlayed} />
          )}
        </div>
      </div>
    </div>
  );
}

const loadInterrupted = (library: SessionLibrary) => library.interrupted();
