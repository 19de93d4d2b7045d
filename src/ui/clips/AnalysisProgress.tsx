import { useState } from 'react';
import type { AnalysisRunState, OfflineAnalysisRun } from '../../engine/clips/offlineAnalysisRun';
import { describeTimeLeft } from '../../review/timeLeft';
import { ProgressBar } from '../ProgressBar';
import { routeHref } from '../router';
import { saveBlob } from './saveBlob';

/** What an analysis shows while it runs and when it ends (the Analyse screen's lower half). */

const LOAD_LABELS: Record<string, string> = {
  measure: 'Finding the best pose model for this device',
  backend: 'Starting the pose engine',
  download: 'Loading the pose model',
  warmup: 'Preparing the pose model',
  ready: 'Pose model ready',
};

/** "13.2 s" */
function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function Progress({ state }: { readonly state: AnalysisRunState }) {
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

export function Outcome({
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
