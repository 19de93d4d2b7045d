import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { ChartBand, ChartData } from '../../session';
import { formatClock } from '../../session/reportFormat';
import { AXIS_STYLE, SERIES_COLOURS, UPlotChart } from './UPlotChart';

/** Faults that stopped the hold timer are shaded stronger than those only voiced. */
const BAND_FILL = { gating: 'rgba(255, 110, 100, 0.28)', voiced: 'rgba(255, 200, 80, 0.2)' };

function drawBands(plot: uPlot, bands: readonly ChartBand[]): void {
  const { ctx, bbox } = plot;
  ctx.save();
  for (const band of bands) {
    const left = plot.valToPos(band.startS, 'x', true);
    const right = plot.valToPos(band.endS, 'x', true);
    const from = Math.max(bbox.left, Math.min(left, right));
    const to = Math.min(bbox.left + bbox.width, Math.max(left, right));
    if (to <= from) continue;
    ctx.fillStyle = band.gatesHold ? BAND_FILL.gating : BAND_FILL.voiced;
    ctx.fillRect(from, bbox.top, Math.max(1, to - from), bbox.height);
  }
  ctx.restore();
}

function formatValue(unit: ChartData['unit'], value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return unit === 'deg' ? `${value.toFixed(0)}°` : value.toFixed(2);
}

/** One measure over session time, with the faults of that time shaded behind it. */
export function MeasureChart({ chart }: { readonly chart: ChartData }) {
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      scales: { x: { time: false } },
      series: [
        // uPlot passes null while the pointer is off the chart.
        {
          label: 'Time',
          value: (_u, v: number | null) => (v === null ? '—' : formatClock(v * 1000)),
        },
        ...chart.series.map((s) => ({
          label: s.label,
          stroke: SERIES_COLOURS[s.role],
          width: 2,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => formatValue(chart.unit, v),
        })),
      ],
      axes: [
        { ...AXIS_STYLE, values: (_u, splits) => splits.map((s) => formatClock(s * 1000)) },
        {
          ...AXIS_STYLE,
          size: 56,
          values: (_u, splits) =>
            splits.map((v) => (chart.unit === 'deg' ? `${v}°` : v.toFixed(1))),
        },
      ],
      hooks: { drawClear: [(plot) => drawBands(plot, chart.bands)] },
      legend: { live: true },
    }),
    [chart],
  );
  const data = useMemo<uPlot.AlignedData>(
    () => [[...chart.xS], ...chart.series.map((s) => [...s.values])],
    [chart],
  );
  return (
    <figure className="measure-chart" data-testid="measure-chart">
      <figcaption>{chart.title}</figcaption>
      <UPlotChart options={options} data={data} description={chart.description} />
      {chart.bands.length > 0 && (
        <p className="band-key">
          <span className="swatch swatch-gating" aria-hidden="true" /> fault that paused the hold
          timer <span className="swatch swatch-voiced" aria-hidden="true" /> fault the coach only
          mentioned
        </p>
      )}
    </figure>
  );
}
