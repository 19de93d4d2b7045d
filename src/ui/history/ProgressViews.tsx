import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { AsymmetrySeries, ProgressSeries, SymptomReport, WeekCount } from '../../session';
import { SESSIONS_PER_WEEK } from '../../session/reportHistory';
import { depthLabel, formatDegrees } from '../../session/reportFormat';
import { AXIS_STYLE, SERIES_COLOURS, UPlotChart } from '../report/UPlotChart';
import { formatDateTime, formatShortDate } from '../report/saveFile';
import { ShowOlder, useShownCount } from './ShowOlder';

const DAY_S = 86_400;

const BAND_WORDS = { below: 'below the aim', within: 'within the aim', above: 'above the aim' };

/**
 * At most this many week dates are written under the bars: more overlap on a phone. The others
 * stay in the list for screen readers.
 */
const MAX_WEEK_LABELS = 6;

/** Label every step-th week, counted back from the newest so this week always has its date. */
function labelledWeek(index: number, count: number): boolean {
  const step = Math.ceil(count / MAX_WEEK_LABELS);
  return (count - 1 - index) % step === 0;
}

/** Sessions per week as bars, with the 3-5 aim marked. A list, so it reads without the bars. */
export function WeekBars({ weeks }: { readonly weeks: readonly WeekCount[] }) {
  const top = Math.max(SESSIONS_PER_WEEK.max + 1, ...weeks.map((w) => w.count));
  const bandBottom = (SESSIONS_PER_WEEK.min / top) * 100;
  const bandHeight = ((SESSIONS_PER_WEEK.max - SESSIONS_PER_WEEK.min) / top) * 100;
  return (
    <section className="history-block" aria-labelledby="weeks-title">
      <h2 id="weeks-title">Sessions per week</h2>
      <p className="muted">
        The aim is {SESSIONS_PER_WEEK.min}-{SESSIONS_PER_WEEK.max} sessions a week (the shaded
        band).
      </p>
      <div className="week-chart" data-testid="week-chart">
        <div
          className="week-aim"
          style={{ bottom: `${bandBottom}%`, height: `${bandHeight}%` }}
          aria-hidden="true"
        />
        <ol className="week-bars">
          {weeks.map((week, index) => (
            <li
              key={week.weekStartEpochMs}
              data-band={week.band}
              data-current={week.current || undefined}
            >
              <span className="week-bar" style={{ height: `${(week.count / top) * 100}%` }}>
                <span className="week-count">{week.count}</span>
              </span>
              <span
                className={
                  labelledWeek(index, weeks.length) ? 'week-label' : 'week-label visually-hidden'
                }
              >
                {formatShortDate(week.weekStartEpochMs)}
              </span>
              <span className="visually-hidden">
                : {week.count} session{week.count === 1 ? '' : 's'}, {BAND_WORDS[week.band]}
                {week.current ? ' (this week, not over yet)' : ''}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

/** The deepest angle per session over time, one line per leg. */
function ProgressChart({ series }: { readonly series: ProgressSeries }) {
  const label = depthLabel(series.depthMeasure);
  const { data, options, description } = useMemo(() => {
    const times = [...new Set(series.legs.flatMap((l) => l.points.map((p) => p.epochMs)))].sort(
      (a, b) => a - b,
    );
    const columns = series.legs.map((l) =>
      times.map((t) => l.points.find((p) => p.epochMs === t)?.peakDeg ?? null),
    );
    const aligned: uPlot.AlignedData = [times.map((t) => t / 1000), ...columns];
    const opts: Omit<uPlot.Options, 'width' | 'height'> = {
      scales: {
        // A day either side, so one session is a point in a readable week, not a lone dot on a
        // scale of years.
        // (From the data, not uPlot's min/max, which it has already widened for a single point.)
        x: {
          time: true,
          range: () => [(times[0] ?? 0) / 1000 - DAY_S, (times.at(-1) ?? 0) / 1000 + DAY_S],
        },
        // At least 10 degrees of span, so a steady line does not fill the chart with noise.
        y: {
          range: (_u, min, max) => [
            Math.floor(Math.min(min, max - 10) / 5) * 5 - 5,
            Math.ceil(max / 5) * 5 + 5,
          ],
        },
      },
      series: [
        {
          label: 'Date',
          value: (_u, v: number | null) => (v === null ? '—' : formatShortDate(v * 1000)),
        },
        ...series.legs.map((l) => ({
          label: l.leg === 'both' ? 'Both legs' : `${l.leg === 'left' ? 'Left' : 'Right'} leg`,
          stroke: SERIES_COLOURS[l.leg === 'both' ? 'body' : l.leg],
          width: 2,
          spanGaps: true,
          points: { show: true, size: 7 },
          value: (_u: uPlot, v: number | null) => formatDegrees(v),
        })),
      ],
      axes: [
        { ...AXIS_STYLE },
        { ...AXIS_STYLE, size: 50, values: (_u, splits) => splits.map((v) => `${v}°`) },
      ],
    };
    const words = series.legs
      .map((l) => {
        const first = l.points[0];
        const last = l.points.at(-1);
        return `${l.leg === 'both' ? 'both legs' : `${l.leg} leg`} from ${formatDegrees(first?.peakDeg ?? null)} to ${formatDegrees(last?.peakDeg ?? null)} over ${l.points.length} sessions`;
      })
      .join('; ');
    return { data: aligned, options: opts, description: `Deepest ${label} per session: ${words}.` };
  }, [series, label]);
  const name = series.stretchName.charAt(0).toUpperCase() + series.stretchName.slice(1);
  return (
    <figure className="progress-chart" data-testid="progress-chart">
      <figcaption>
        {name}: deepest {label}
      </figcaption>
      <UPlotChart options={options} data={data} description={description} heightPx={200} />
      <details>
        <summary>Show the numbers</summary>
        <table className="rep-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              {series.legs.map((l) => (
                <th scope="col" key={l.leg}>
                  {l.leg === 'both' ? 'Both legs' : `${l.leg === 'left' ? 'Left' : 'Right'}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(data[0] as number[]).map((t, row) => (
              <tr key={t}>
                <th scope="row">{formatShortDate(t * 1000)}</th>
                {series.legs.map((l, col) => (
                  <td key={l.leg}>
                    {formatDegrees((data[col + 1] as (number | null)[])[row] ?? null)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

export function ProgressCharts({ progress }: { readonly progress: readonly ProgressSeries[] }) {
  if (progress.length === 0) return null;
  return (
    <section className="history-block" aria-labelledby="progress-title">
      <h2 id="progress-title">Flexibility per leg</h2>
      <div className="chart-grid">
        {progress.map((series) => (
          <ProgressChart key={series.stretchId} series={series} />
        ))}
      </div>
    </section>
  );
}

/** Left against right, latest sessions first. */
export function AsymmetryTable({ asymmetry }: { readonly asymmetry: readonly AsymmetrySeries[] }) {
  if (asymmetry.length === 0) return null;
  return (
    <section className="history-block" aria-labelledby="asymmetry-title">
      <h2 id="asymmetry-title">Left and right</h2>
      {asymmetry.map((series) => (
        <AsymmetrySeriesTable key={series.stretchId} series={series} />
      ))}
    </section>
  );
}

/** One stretch's left/right rows, newest first, a page at a time. */
function AsymmetrySeriesTable({ series }: { readonly series: AsymmetrySeries }) {
  const [shown, showMore] = useShownCount();
  const rows = [...series.rows].reverse();
  return (
    <>
      <div className="table-scroll">
        <table className="rep-table" data-testid="asymmetry-table">
          <caption>
            {series.stretchName.charAt(0).toUpperCase() + series.stretchName.slice(1)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Left peak</th>
              <th scope="col">Right peak</th>
              <th scope="col">Difference</th>
              <th scope="col">Tighter side</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((row) => (
              <tr key={row.sessionId}>
                <th scope="row">{formatShortDate(row.epochMs)}</th>
                <td>{formatDegrees(row.leftPeakDeg)}</td>
                <td>{formatDegrees(row.rightPeakDeg)}</td>
                <td>{formatDegrees(Math.abs(row.differenceDeg))}</td>
                <td>{row.tighterSide ?? 'about even'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ShowOlder
        shown={shown}
        total={rows.length}
        noun={`rows of the ${series.stretchName}`}
        onMore={showMore}
      />
    </>
  );
}

export function SymptomList({ symptoms }: { readonly symptoms: readonly SymptomReport[] }) {
  return (
    <section className="history-block" aria-labelledby="symptoms-title">
      <h2 id="symptoms-title">Symptom reports</h2>
      {symptoms.length === 0 ? (
        <p className="muted">No tingling, numbness or sharp pain has been reported.</p>
      ) : (
        <>
          <ul className="symptom-list" data-testid="symptom-list">
            {symptoms.map((s) => (
              <li key={`${s.sessionId}-${s.epochMs}`}>
                <a href={`#/report/${encodeURIComponent(s.sessionId)}`}>
                  {formatDateTime(s.epochMs)}
                </a>
                : {s.words} after the {s.stretchName}
              </li>
            ))}
          </ul>
          <p className="symptom-note">
            Tingling, numbness or sharp pain means stop that stretch. If it keeps happening, see a
            physiotherapist or doctor before carrying on.
          </p>
        </>
      )}
    </section>
  );
}
