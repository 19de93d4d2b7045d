import { useMemo } from 'react';
import type uPlot from 'uplot';
import type { ChartBand, ChartData } from '../../session';
import { axisTicks } from '../../session/reportDefinitions';
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

/** One measure over session time, with the faults of that time shaded behind it. */
export function MeasureChart({ chart }: { readonly chart: ChartData }) {
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      // A fixed value axis: the same range for every session, so a breath does not look like a
      // wave and two reports read alike (reportDefinitions.ts).
      scales: { x: { time: false }, y: { range: [chart.axis.min, chart.axis.max] } },
      series: [
        { label: 'Time' },
        ...chart.series.map((s) => ({
          label: s.label,
          stroke: SERIES_COLOURS[s.role],
          width: 2,
          points: { show: false },
        })),
      ],
      axes: [
        {
          ...AXIS_STYLE,
          label: 'Session time (min:s)',
          labelSize: 22,
          values: (_u, splits) => splits.map((s) => formatClock(s * 1000)),
        },
        {
          ...AXIS_STYLE,
          size: 52,
          splits: () => axisTicks(chart.axis),
          values: (_u, splits) => splits.map((v) => `${v}${chart.axis.unit}`),
        },
      ],
      hooks: { drawClear: [(plot) => drawBands(plot, chart.bands)] },
      // A key of the lines only: values under the pointer would read "—" everywhere in print.
      legend: { live: false },
    }),
    [chart],
  );
  const data = useMemo<uPlot.AlignedData>(
    () => [[...chart.xS], ...chart.series.map((s) => [...s.values])],
    [chart],
  );
  return (
    <figure className="measure-chart" data-testid="measure-chart">
      <figcaption>
        {chart.title}
        {chart.unit === 'deg' ? ' (degrees)' : ' (0 = flat, 1 = rounded)'}
      </figcaption>
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
