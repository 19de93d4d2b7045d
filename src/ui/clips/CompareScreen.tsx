import { useCallback, useMemo } from 'react';
import type { ClipLibrary, ClipView } from '../../engine/clips/clipLibrary';
import { formatDuration } from '../../session/reportFormat';
import type { LegSummary } from '../../session';
import { formatDateTime } from '../report/saveFile';
import { routeHref } from '../router';
import { ClipPlayer } from './ClipPlayer';
import { PlayerModel } from './playerModel';
import { useClipQuery } from './useClipLibrary';

function degrees(value: number | null): string {
  return value === null ? '—' : `${Math.round(value)}°`;
}

/** Each worked leg's deepest and mean angle and held time: what two clips are compared by. */
function LegFigures({ legs }: { readonly legs: readonly LegSummary[] }) {
  if (legs.length === 0) return <p className="muted">No reps were measured in this clip.</p>;
  return (
    <table className="rep-table compare-figures">
      <caption className="visually-hidden">Figures per stretch and leg</caption>
      <thead>
        <tr>
          <th scope="col">Leg</th>
          <th scope="col">Deepest</th>
          <th scope="col">Mean</th>
          <th scope="col">Held in form</th>
          <th scope="col">Faults</th>
        </tr>
      </thead>
      <tbody>
        {legs.map((leg) => (
          <tr key={`${leg.stretchId}-${leg.leg}`}>
            <th scope="row">{leg.leg}</th>
            <td>{degrees(leg.peakDeg)}</td>
            <td>{degrees(leg.meanDeg)}</td>
            <td>{formatDuration(leg.heldInFormMs)}</td>
            <td>{leg.faultCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Side({
  view,
  player,
  label,
  testId,
}: {
  readonly view: ClipView;
  readonly player: PlayerModel;
  readonly label: string;
  readonly testId: string;
}) {
  const { meta } = view.clip;
  return (
    <section className="compare-side" aria-label={label}>
      <h2>
        <a href={routeHref({ name: 'clip', clipId: meta.id })}>{meta.title}</a>
      </h2>
      <p className="muted">
        {formatDateTime(meta.createdAtEpochMs)} · {formatDuration(meta.durationMs)}
      </p>
      <ClipPlayer
        clip={view.clip}
        player={player}
        label={label}
        faults={view.timeline.faults}
        notes={meta.notes}
        testId={testId}
      />
      <LegFigures legs={view.report.legs} />
    </section>
  );
}

function Compare({ left, right }: { readonly left: ClipView; readonly right: ClipView }) {
  const leftPlayer = useMemo(
    () => new PlayerModel(left.clip.track, left.clip.meta.durationMs),
    [left],
  );
  const rightPlayer = useMemo(
    () => new PlayerModel(right.clip.track, right.clip.meta.durationMs),
    [right],
  );
  const both = (run: (player: PlayerModel) => void) => () => {
    run(leftPlayer);
    run(rightPlayer);
  };
  return (
    <>
      <div className="compare-controls" role="group" aria-label="Both clips">
        <button type="button" onClick={both((p) => p.play())} data-testid="play-both">
          Play both
        </button>
        <button type="button" onClick={both((p) => p.pause())}>
          Pause both
        </button>
        <button
          type="button"
          onClick={both((p) => {
            p.pause();
            p.seek(0);
          })}
        >
          Both to the start
        </button>
      </div>
      <div className="compare-layout">
        <Side view={left} player={leftPlayer} label="Left clip" testId="left-player" />
        <Side view={right} player={rightPlayer} label="Right clip" testId="right-player" />
      </div>
    </>
  );
}

/** Two clips side by side — left leg against right, or this week against last. */
export function CompareScreen({
  leftId,
  rightId,
}: {
  readonly leftId: string;
  readonly rightId: string;
}) {
  const load = useCallback(
    (library: ClipLibrary) => Promise.all([library.view(leftId), library.view(rightId)]),
    [leftId, rightId],
  );
  const query = useClipQuery(load, false);
  return (
    <div className="compare">
      <p className="back-link">
        <a href={routeHref({ name: 'clips' })}>← Clips</a>
      </p>
      <h1>Compare clips</h1>
      {query.status === 'loading' && <p role="status">Loading the clips…</p>}
      {query.status === 'error' && (
        <div className="error" role="alert">
          <p>{query.message}</p>
        </div>
      )}
      {query.status === 'ready' &&
        (query.data[0] === null || query.data[1] === null ? (
          <p role="alert">
            One of these clips is no longer on this device.{' '}
            <a href={routeHref({ name: 'clips' })}>Choose two others</a>.
          </p>
        ) : (
          <Compare left={query.data[0]} right={query.data[1]} />
        ))}
    </div>
  );
}
