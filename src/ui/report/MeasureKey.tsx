import { DEFINITIONS, type MeasureDefinition } from '../../session/reportDefinitions';
import type { StretchReport } from '../../session/reportTypes';

/** The figures of one stretch's tables and charts, each defined: what angle, from where, 0. */
function definitionsFor(stretch: StretchReport): MeasureDefinition[] {
  if (stretch.kind === 'glide') return [DEFINITIONS.neckAnkleDeg];
  const depth =
    stretch.info?.depthMeasure === 'legRaiseDeg'
      ? DEFINITIONS.legRaiseDeg
      : DEFINITIONS.hipFlexionDeg;
  return [
    depth,
    DEFINITIONS.peak,
    DEFINITIONS.resolution,
    DEFINITIONS.kneeAngleDeg,
    DEFINITIONS.roundingIndex,
  ];
}

export function MeasureKey({ stretch }: { readonly stretch: StretchReport }) {
  return (
    <dl className="measure-key" data-testid="measure-key">
      {definitionsFor(stretch).map(({ term, definition }) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{definition}</dd>
        </div>
      ))}
    </dl>
  );
}
