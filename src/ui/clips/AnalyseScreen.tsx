import { CLIENT_NAME_MAX_LENGTH, readClientName } from '../../session/clientName';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { STRETCH_CHOICES } from '../../engine/appEngine';
import { createBrowserAnalysisRun } from '../../engine/clips/browserClips';
import type { AnalysisRunState, OfflineAnalysisRun } from '../../engine/clips/offlineAnalysisRun';
import { DEFAULT_SAMPLING, SAMPLING_CHOICES } from '../../review/samplingPlan';
import { describeTimeLeft } from '../../review/timeLeft';
import type { Pose } from '../../geometry/types';
import type { ModelSetting } from '../../session';
import { ModelSelect } from '../common/ModelSelect';
import { useEngine } from '../EngineContext';
import { ProgressBar } from '../ProgressBar';
import { routeHref } from '../router';
import { SkeletonOverlay } from '../SkeletonOverlay';
import { useStore } from '../useStore';
import { saveBlob } from './saveBlob';

const LOAD_LABELS: Record<string, string> = {
  measure: 'Finding the best pose model for this device',
  backend: 'Starting the pose engine',
  download: 'Loading the pose model',
  warmup: 'Preparing the pose model',
  ready: 'Pose model ready',
};

const DETECT = 'detect';
const DEFAULT_RATE_ID = SAMPLING_CHOICES.find((c) => c.rate === DEFAULT_SAMPLING)?.id ?? '10';
const BUSY_PHASES = new Set<AnalysisRunState['phase']>(['starting', 'analysing', 'saving']);

/** "13.2 s" */
function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

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

function Progress({ state }: { readonly state: AnalysisRunState }) {
  const { progress, loadProgress, phase } = state;
  if (phase === 'starting' || progress === null)
    return (
      <ProgressBar
        fraction={loadProgress?.fraction ?? 0}
        label={
          loadProgress === null
            ? 'Opening the video'
            : (LOAD_LABELS[loadProgress.stage] ?? 'Loading')
        }
      />
    );
  const label =
    phase === 'saving'
      ? 'Building the report and keeping the clip'
      : `Analysing, ${describeTimeLeft(progress.timeLeftMs)}`;
  return (
    <>
      <ProgressBar fraction={progress.fraction} label={label} />
      <p className="muted" data-testid="analysis-figures">
        {progress.framesAnalysed} frames analysed · {progress.framesPerSecond.toFixed(1)} frames a
        second
      </p>
    </>
  );
}

function Outcome({
  run,
  state,
}: {
  readonly run: OfflineAnalysisRun;
  readonly state: AnalysisRunState;
}) {
  const outcome = state.outcome;
  const [status, setStatus] = useState<string | null>(null);
  if (outcome === null) return null;
  const saveAsFile = (): void => {
    run.unsavedBundle().then(
      (bundle) => {
        if (bundle === null) return;
        saveBlob(bundle);
        setStatus(`Saved ${bundle.fileName}.`);
      },
      (error: unknown) => setStatus(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <section
      className="analysis-outcome"
      aria-labelledby="outcome-title"
      data-testid="analysis-done"
      data-frames={outcome.stats.framesAnalysed}
      data-analysed-fps={outcome.stats.analysedFramesPerSecond.toFixed(2)}
      data-worker-busy={
        outcome.stats.workerMs === null || outcome.stats.analysisMs <= 0
          ? undefined
          : (outcome.stats.workerMs / outcome.stats.analysisMs).toFixed(3)
      }
      data-slots-missed={outcome.stats.sampler.slotsMissed}
      data-method={outcome.stats.sampler.method}
      data-damaged-stretches={outcome.stats.sampler.damagedStretches}
      data-cut-short-at-ms={outcome.stats.sampler.cutShortAtMs ?? undefined}
    >
      <h2 id="outcome-title" tabIndex={-1}>
        Analysis finished
      </h2>
      <p>
        {outcome.stretchChoice === 'detected' ? 'Detected: ' : 'Analysed as: '}
        <strong>{outcome.stretchName}</strong>. {outcome.stats.framesAnalysed} frames analysed.
      </p>
      {outcome.explanation !== null && <p className="hint">{outcome.explanation}</p>}
      {outcome.stats.sampler.damagedStretches > 0 && (
        <p className="notice" data-testid="damaged-note">
          Part of the video is damaged: {(outcome.stats.sampler.damagedMs / 1000).toFixed(1)} s in{' '}
          {outcome.stats.sampler.damagedStretches === 1
            ? 'one place'
            : `${outcome.stats.sampler.damagedStretches} places`}{' '}
          could not be read and were skipped. The rest was analysed.
        </p>
      )}
      {outcome.stats.sampler.cutShortAtMs !== null && (
        <p className="notice" data-testid="cut-short-note">
          The file ends early: it was cut short {formatSeconds(outcome.stats.sampler.cutShortAtMs)}{' '}
          in, so only that part was analysed. The phone or camera that made it usually still has the
          whole video.
        </p>
      )}
      <ul className="report-summary-list">
        {outcome.summary.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      {outcome.saveError !== null && (
        <div className="notice" role="alert">
          <p>{outcome.saveError}</p>
          <button type="button" onClick={saveAsFile}>
            Save it as a review bundle file instead
          </button>
        </div>
      )}
      {outcome.historyError !== null && (
        <p className="error-inline" role="alert">
          It could not be added to your history: {outcome.historyError}
        </p>
      )}
      {outcome.keptInHistory && <p>The session is in your history too.</p>}
      {outcome.clipId !== null && (
        <p>
          <a
            className="button primary"
            href={routeHref({ name: 'clip', clipId: outcome.clipId })}
            data-testid="open-review"
          >
            Review the clip
          </a>
        </p>
      )}
      <p role="status">{status ?? ''}</p>
    </section>
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
