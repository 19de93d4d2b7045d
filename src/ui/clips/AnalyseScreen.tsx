import { CLIENT_NAME_MAX_LENGTH, readClientName } from '../../session/clientName';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { STRETCH_CHOICES } from '../../engine/appEngine';
import { createBrowserAnalysisRun } from '../../engine/clips/browserClips';
import type { AnalysisRunState } from '../../engine/clips/offlineAnalysisRun';
import { DEFAULT_SAMPLING, SAMPLING_CHOICES } from '../../review/samplingPlan';
import type { Pose } from '../../geometry/types';
import type { ModelSetting } from '../../session';
import { ModelSelect } from '../common/ModelSelect';
import { useEngine } from '../EngineContext';
import { routeHref } from '../router';
import { SkeletonOverlay } from '../SkeletonOverlay';
import { Outcome, Progress } from './AnalysisProgress';
import { useStore } from '../useStore';

const DETECT = 'detect';
const DEFAULT_RATE_ID = SAMPLING_CHOICES.find((c) => c.rate === DEFAULT_SAMPLING)?.id ?? '10';
const BUSY_PHASES = new Set<AnalysisRunState['phase']>(['starting', 'analysing', 'saving']);

const selectPose = (pose: Pose | null) => ({ pose });

interface FormValues {
  readonly file: File | null;
  readonly rateId: string;
  readonly stretchId: string;
  readonly model: ModelSetting;
  readonly keepInHistory: boolean;
  /** The client field's text; empty: no client. */
  readonly clientText: string;
}

function AnalysisForm({
  values,
  onChange,
  onStart,
  clientError,
}: {
  readonly values: FormValues;
  readonly onChange: (change: Partial<FormValues>) => void;
  readonly onStart: () => void;
  /** Why the client text cannot be used; null when it can. */
  readonly clientError: string | null;
}) {
  const id = useId();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (values.file !== null) onStart();
  };
  return (
    <form className="analyse-form" onSubmit={submit} aria-label="Analyse a video">
      <div className="field">
        <label htmlFor={`${id}-file`}>Video file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept="video/*"
          data-testid="video-input"
          onChange={(e) => onChange({ file: e.currentTarget.files?.[0] ?? null })}
        />
        <p className="muted">
          Any video this browser plays: phone clips (portrait or landscape) and screen recordings
          included. It is read on this device and never uploaded.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-stretch`}>Stretch in the video</label>
        <select
          id={`${id}-stretch`}
          value={values.stretchId}
          onChange={(e) => onChange({ stretchId: e.currentTarget.value })}
          data-testid="stretch-choice"
        >
          <option value={DETECT}>Work it out from the video</option>
          {STRETCH_CHOICES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name[0]?.toUpperCase() + s.name.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-rate`}>Frames to analyse</label>
        <select
          id={`${id}-rate`}
          value={values.rateId}
          onChange={(e) => onChange({ rateId: e.currentTarget.value })}
          data-testid="rate-choice"
        >
          {SAMPLING_CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-model`}>Pose model</label>
        <ModelSelect
          id={`${id}-model`}
          value={values.model}
          onChange={(model) => onChange({ model })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-client`}>Client (optional): name or initials</label>
        <input
          id={`${id}-client`}
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={CLIENT_NAME_MAX_LENGTH + 1}
          value={values.clientText}
          onChange={(e) => onChange({ clientText: e.currentTarget.value })}
          aria-invalid={clientError !== null}
          aria-describedby={clientError !== null ? `${id}-client-error` : undefined}
        />
        {clientError !== null && (
          <p id={`${id}-client-error`} className="error-inline" role="alert">
            {clientError}
          </p>
        )}
      </div>
      <div className="field checkbox-field">
        <input
          id={`${id}-history`}
          type="checkbox"
          checked={values.keepInHistory}
          onChange={(e) => onChange({ keepInHistory: e.currentTarget.checked })}
        />
        <label htmlFor={`${id}-history`}>
          Add the result to my history (leave it off for someone else’s video)
        </label>
      </div>
      <button type="submit" className="primary" disabled={values.file === null}>
        Analyse
      </button>
    </form>
  );
}

/**
 * Analysis of a video file: choose it and how to analyse it, watch the progress (with the
 * skeleton over the frames the model sees, and the time left), cancel at any point, then open
 * the review. The clip is kept with its pose track and report like a recorded one.
 */
export function AnalyseScreen() {
  const engine = useEngine();
  const run = useMemo(
    () =>
      createBrowserAnalysisRun(
        () => engine.settings.getSnapshot().settings,
        (setting, onProgress) => engine.resolveModel(setting, onProgress),
      ),
    [engine],
  );
  useEffect(() => () => run.dispose(), [run]);
  const state = useStore(run.store);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [previewCanvas, setPreviewCanvas] = useState<HTMLCanvasElement | null>(null);
  const [values, setValues] = useState<FormValues>(() => ({
    file: null,
    rateId: DEFAULT_RATE_ID,
    stretchId: DETECT,
    model: engine.settings.getSnapshot().settings.model,
    keepInHistory: false,
    clientText: engine.settings.getSnapshot().settings.lastClient ?? '',
  }));
  const [clientError, setClientError] = useState<string | null>(null);
  const busy = BUSY_PHASES.has(state.phase);

  // Leaving mid-analysis loses it: ask first.
  useEffect(() => {
    if (!busy) return undefined;
    const warn = (event: BeforeUnloadEvent): void => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [busy]);

  const start = (): void => {
    const { file } = values;
    if (file === null || video === null) return;
    const rate = SAMPLING_CHOICES.find((c) => c.id === values.rateId)?.rate ?? DEFAULT_SAMPLING;
    const client = readClientName(values.clientText);
    if (!client.ok) {
      setClientError(client.message);
      return;
    }
    setClientError(null);
    void run.start(
      { video, canvas: previewCanvas },
      {
        file,
        fileName: file.name,
        rate,
        stretchId: values.stretchId === DETECT ? null : values.stretchId,
        model: values.model,
        keepInHistory: values.keepInHistory,
        client: client.client,
      },
    );
  };

  return (
    <div className="analyse">
      <p className="back-link">
        <a href={routeHref({ name: 'clips' })}>← Clips</a>
      </p>
      <h1>Analyse a video</h1>
      {!busy && (
        <AnalysisForm
          values={values}
          onChange={(change) => setValues((v) => ({ ...v, ...change }))}
          onStart={start}
          clientError={clientError}
        />
      )}
      <div
        aria-live="polite"
        className="analysis-status"
        data-testid="analysis-status"
        data-phase={state.phase}
      >
        {busy && (
          <>
            <p>
              Analysing <strong>{state.fileName}</strong>. Keep this page open while the model reads
              the video{state.method === 'player' ? ' (it plays silently below)' : ''}.
            </p>
            <Progress state={state} />
            <button type="button" onClick={() => run.cancel()} data-testid="cancel-analysis">
              Cancel
            </button>
          </>
        )}
        {state.phase === 'cancelled' && <p>The analysis was cancelled. Nothing was kept.</p>}
        {state.phase === 'error' && state.error !== null && (
          <div className="error" role="alert" data-kind={state.error.kind}>
            <h2>{state.error.title}</h2>
            <p>{state.error.message}</p>
            <p>Nothing was kept. Choose another file, or try again.</p>
          </div>
        )}
      </div>
      {state.phase === 'done' && <Outcome run={run} state={state} />}
      <div className="stage analysis-preview" hidden={!busy} data-testid="analysis-preview">
        {/* Decoded frames are drawn on the canvas; a file the decoder cannot read plays instead. */}
        <video
          ref={setVideo}
          className="camera"
          muted
          playsInline
          hidden={state.method === 'decoder'}
          aria-label="The video being analysed"
        />
        <canvas
          ref={setPreviewCanvas}
          className="camera"
          hidden={state.method !== 'decoder'}
          role="img"
          aria-label="The frames being analysed"
        />
        <SkeletonOverlay
          store={run.pose}
          select={selectPose}
          video={state.method === 'decoder' ? null : video}
        />
      </div>
    </div>
  );
}
