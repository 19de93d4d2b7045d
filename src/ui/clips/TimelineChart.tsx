import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { FaultMarker, TimelineChart as ChartData } from '../../review/reviewTimeline';
import { AXIS_STYLE, SERIES_COLOURS } from '../report/UPlotChart';
import { formatVideoTime } from './saveBlob';
import type { PlayerModel } from './playerModel';

interface Props {
  readonly chart: ChartData;
  readonly xS: readonly number[];
  readonly durationMs: number;
  readonly faults: readonly FaultMarker[];
  readonly noteTimesMs: readonly number[];
  readonly player: PlayerModel;
}

const BAND_FILL = { gating: 'rgba(255, 110, 100, 0.28)', voiced: 'rgba(255, 200, 80, 0.2)' };
const PLAYHEAD = 'rgba(232, 238, 244, 0.9)';
const NOTE_MARK = 'rgba(138, 180, 255, 0.9)';
const HEIGHT_PX = 150;

function valueText(unit: ChartData['unit'], v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return unit === 'deg' ? `${v.toFixed(0)}°` : v.toFixed(2);
}

/**
 * One measure over the clip, with its faults shaded, the notes marked, and a playhead that
 * follows the player; a click on the chart moves the player there.
 */
export function TimelineChart({ chart, xS, durationMs, faults, noteTimesMs, player }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const data = useMemo<uPlot.AlignedData>(
    () => [[...xS], ...chart.series.map((s) => [...s.values])],
    [xS, chart],
  );

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const xAt = (plot: uPlot, seconds: number) => plot.valToPos(seconds, 'x', true);
    const draw = (plot: uPlot): void => {
      const { ctx, bbox } = plot;
      ctx.save();
      for (const fault of faults) {
        const from = Math.max(bbox.left, xAt(plot, fault.startMs / 1000));
        const to = Math.min(bbox.left + bbox.width, xAt(plot, fault.endMs / 1000));
        if (to < from) continue;
        ctx.fillStyle = fault.gatesHold ? BAND_FILL.gating : BAND_FILL.voiced;
        ctx.fillRect(from, bbox.top, Math.max(2, to - from), bbox.height);
      }
      ctx.strokeStyle = NOTE_MARK;
      ctx.setLineDash([4, 4]);
      ctx.lineWidth = 1;
      for (const ms of noteTimesMs) {
        const x = xAt(plot, ms / 1000);
        ctx.beginPath();
        ctx.moveTo(x, bbox.top);
        ctx.lineTo(x, bbox.top + bbox.height);
        ctx.stroke();
      }
      ctx.setLineDash([]);
      const x = xAt(plot, player.time.getSnapshot().ms / 1000);
      ctx.strokeStyle = PLAYHEAD;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
      ctx.restore();
    };
    const width = (): number => Math.max(280, Math.floor(element.clientWidth));
    const plot = new uPlot(
      {
        width: width(),
        height: HEIGHT_PX,
        scales: { x: { time: false, range: () => [0, Math.max(0.1, durationMs / 1000)] } },
        series: [
          {
            label: 'Time',
            value: (_u, v: number | null) => (v === null ? '—' : formatVideoTime(v * 1000)),
          },
          ...chart.series.map((s) => ({
            label: s.label,
            stroke: SERIES_COLOURS[s.role],
            width: 2,
            points: { show: false },
            value: (_u: uPlot, v: number | null) => valueText(chart.unit, v),
          })),
        ],
        axes: [
          { ...AXIS_STYLE, values: (_u, splits) => splits.map((s) => formatVideoTime(s * 1000)) },
          {
            ...AXIS_STYLE,
            size: 50,
            values: (_u, splits) =>
              splits.map((v) => (chart.unit === 'deg' ? `${v}°` : v.toFixed(1))),
          },
        ],
        hooks: { draw: [draw] },
        // A click moves the playhead; dragging must not zoom away from the clip's length.
        cursor: { drag: { x: false, y: false } },
        legend: { live: true },
      },
      data,
      element,
    );
    const seekTo = (event: globalThis.MouseEvent): void => {
      const seconds = plot.posToVal(event.offsetX, 'x');
      if (Number.isFinite(seconds)) player.seek(seconds * 1000);
    };
    plot.over.addEventListener('click', seekTo);
    let pending = 0;
    const unsubscribe = player.time.subscribe(() => {
      if (pending !== 0) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        plot.redraw(false);
      });
    });
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: HEIGHT_PX }));
    resize.observe(element);
    return () => {
      unsubscribe();
      cancelAnimationFrame(pending);
      resize.disconnect();
      plot.over.removeEventListener('click', seekTo);
      plot.destroy();
    };
  }, [chart, data, durationMs, faults, noteTimesMs, player]);

  const description =
    `${chart.title} over the clip` +
    (faults.length > 0
      ? `, with ${faults.length} fault ${faults.length === 1 ? 'period' : 'periods'} shaded`
      : '') +
    '. Use the fault list to jump to each one.';
  return (
    <figure className="timeline-chart" data-testid="timeline-chart">
      <figcaption>{chart.title}</figcaption>
      <div ref={host} className="uplot-host" role="img" aria-label={description} />
    </figure>
  );
}
