import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UPlotChartProps {
  /** uPlot options without the size, which follows the container's width. */
  readonly options: Omit<uPlot.Options, 'width' | 'height'>;
  readonly data: uPlot.AlignedData;
  readonly heightPx?: number;
  /** What the chart shows, in words (the canvas itself says nothing to a screen reader). */
  readonly description: string;
  readonly testId?: string;
}

/** A uPlot chart that fills its container's width. Pass stable (memoised) options and data. */
export function UPlotChart({
  options,
  data,
  heightPx = 220,
  description,
  testId,
}: UPlotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const width = (): number => Math.max(280, Math.floor(element.clientWidth));
    const plot = new uPlot({ ...options, width: width(), height: heightPx }, data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: heightPx }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [options, data, heightPx]);
  return (
    <div
      ref={host}
      className="uplot-host"
      role="img"
      aria-label={description}
      data-testid={testId}
    />
  );
}

/** Colours that read on the dark screen and on white paper alike. */
export const SERIES_COLOURS = {
  left: '#3d9bff',
  right: '#f08a24',
  body: '#2fbf83',
} as const;

export const AXIS_STYLE = {
  stroke: '#8796a5',
  grid: { stroke: 'rgba(135, 150, 165, 0.18)', width: 1 },
  ticks: { stroke: 'rgba(135, 150, 165, 0.3)', width: 1 },
} as const;
