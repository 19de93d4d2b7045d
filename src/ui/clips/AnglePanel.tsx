import { useId, useState } from 'react';
import { keypointPoint, removeLastAnglePoint } from '../../review/angleTool';
import type { KeypointName, Pose } from '../../geometry/types';
import type { AngleTool } from '../../review/angleTool';

interface Props {
  readonly measuring: boolean;
  readonly onMeasuring: (on: boolean) => void;
  readonly tool: AngleTool;
  readonly onTool: (tool: AngleTool) => void;
  readonly angleDeg: number | null;
  /** The pose of the frame shown, for measuring between its joints. */
  readonly pose: Pose | null;
  readonly keypointNames: readonly KeypointName[];
}

const ORDINALS = ['first end', 'corner (the angle is here)', 'second end'];

function jointLabel(name: KeypointName): string {
  return name.replace(/_/g, ' ');
}

/**
 * The angle tool: with the video paused, click three points on the picture (two ends and the
 * corner between them), or — by keyboard — choose three joints of the frame's skeleton.
 */
export function AnglePanel({
  measuring,
  onMeasuring,
  tool,
  onTool,
  angleDeg,
  pose,
  keypointNames,
}: Props) {
  const ids = [useId(), useId(), useId()];
  const [joints, setJoints] = useState<readonly (KeypointName | '')[]>(['', '', '']);
  const seen = keypointNames.filter((name) => (pose?.keypoints[name]?.score ?? 0) >= 0.3);

  const measureJoints = (): void => {
    const points = joints.map((j) => (j === '' || pose === null ? null : keypointPoint(pose, j)));
    if (points.every((p) => p !== null)) onTool({ points });
  };

  return (
    <div className="angle-panel" data-testid="angle-panel">
      <button
        type="button"
        aria-pressed={measuring}
        onClick={() => onMeasuring(!measuring)}
        data-testid="angle-tool"
      >
        {measuring ? 'Stop measuring' : 'Measure an angle'}
      </button>
      {measuring && (
        <>
          <p className="hint">
            Click three points on the paused picture: one end, the corner, the other end. Points
            near a joint snap to it. Or choose three joints:
          </p>
          <div className="joint-pickers">
            {ORDINALS.map((ordinal, i) => (
              <span key={ordinal}>
                <label htmlFor={ids[i]}>{ordinal}</label>{' '}
                <select
                  id={ids[i]}
                  value={joints[i] ?? ''}
                  onChange={(e) =>
                    setJoints((js) =>
                      js.map((j, k) => (k === i ? (e.target.value as KeypointName | '') : j)),
                    )
                  }
                >
                  <option value="">—</option>
                  {seen.map((name) => (
                    <option key={name} value={name}>
                      {jointLabel(name)}
                    </option>
                  ))}
                </select>
              </span>
            ))}
            <button type="button" onClick={measureJoints} disabled={joints.includes('')}>
              Measure between these joints
            </button>
            <button
              type="button"
              onClick={() => onTool(removeLastAnglePoint(tool))}
              disabled={tool.points.length === 0}
            >
              Undo last point
            </button>
          </div>
        </>
      )}
      <p className="angle-readout" role="status" data-testid="angle-readout">
        {measuring
          ? angleDeg !== null
            ? `Angle${tool.points[1]?.joint ? ` at the ${jointLabel(tool.points[1].joint)}` : ''}: ${angleDeg.toFixed(0)}°`
            : `${tool.points.length} of 3 points placed.`
          : ''}
      </p>
    </div>
  );
}
