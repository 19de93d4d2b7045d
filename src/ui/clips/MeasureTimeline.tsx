import type { ClipNote } from '../../review/annotations';
import type { FaultMarker, ReviewTimeline } from '../../review/reviewTimeline';
import { legLabel } from '../../session/reportFormat';
import type { PlayerModel } from './playerModel';
import { formatVideoTime } from './saveBlob';
import { TimelineChart } from './TimelineChart';

interface Props {
  readonly timeline: ReviewTimeline;
  readonly durationMs: number;
  readonly notes: readonly ClipNote[];
  readonly player: PlayerModel;
}

function faultWords(fault: FaultMarker): string {
  const leg = fault.leg === null ? '' : ` (${legLabel(fault.leg)})`;
  const length = Math.max(0.1, (fault.endMs - fault.startMs) / 1000).toFixed(1);
  return `${fault.label}${leg} for ${length} s${fault.gatesHold ? ', hold timer paused' : ''}`;
}

/**
 * The measures under the player, on the clip's own time line: a playhead follows the video, a
 * click on a chart moves the video there, and every fault and rep is a button that jumps to it.
 */
export function MeasureTimeline({ timeline, durationMs, notes, player }: Props) {
  const jump = (ms: number): void => {
    player.pause();
    player.seek(ms);
  };
  const noteTimes = notes.map((n) => n.atMs);
  return (
    <section className="measure-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Measures over the clip</h2>
      {timeline.charts.length === 0 ? (
        <p className="muted">Nothing was measured in this clip: nobody was seen clearly enough.</p>
      ) : (
        <>
          {timeline.charts.map((chart) => (
            <TimelineChart
              key={chart.id}
              chart={chart}
              xS={timeline.xS}
              durationMs={durationMs}
              faults={timeline.faults.filter((f) => f.chart === chart.id)}
              noteTimesMs={noteTimes}
              player={player}
            />
          ))}
          <p className="band-key">
            <span className="swatch swatch-gating" aria-hidden="true" /> fault that paused the hold
            timer <span className="swatch swatch-voiced" aria-hidden="true" /> fault only voiced{' '}
            <span className="swatch swatch-note" aria-hidden="true" /> note
          </p>
        </>
      )}
      <div className="jump-lists">
        <div>
          <h3>Faults ({timeline.faults.length})</h3>
          {timeline.faults.length === 0 ? (
            <p className="muted">No form fault in this clip.</p>
          ) : (
            <ol className="jump-list" data-testid="fault-list">
              {timeline.faults.map((fault) => (
                <li key={fault.id}>
                  <button
                    type="button"
                    onClick={() => jump(fault.startMs)}
                    data-testid="fault-jump"
                    data-start-ms={Math.round(fault.startMs)}
                  >
                    <time>{formatVideoTime(fault.startMs)}</time> {faultWords(fault)}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div>
          <h3>Reps ({timeline.reps.length})</h3>
          {timeline.reps.length === 0 ? (
            <p className="muted">No rep started in this clip.</p>
          ) : (
            <ol className="jump-list" data-testid="rep-list">
              {timeline.reps.map((rep) => (
                <li key={rep.id}>
                  <button type="button" onClick={() => jump(rep.startMs)}>
                    <time>{formatVideoTime(rep.startMs)}</time> {rep.label}, {rep.stretchName}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
