import { useEffect, useState } from 'react';
import type { SourceChoice } from '../../engine/appEngine';
import type { CameraDevice } from '../../camera/webcamSource';
import { useEngine } from '../EngineContext';

type Mode = SourceChoice['kind'];

interface Props {
  /** Null while the choice cannot start a session (a video file not picked yet). */
  readonly onChange: (source: SourceChoice | null) => void;
  readonly initialMode?: Mode;
}

/** Camera (and which one), a video file played as the camera, or the bundled demo. */
export function SourcePicker({ onChange, initialMode = 'camera' }: Props) {
  const [mode, setMode] = useState<Mode>(initialMode);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [cameras, setCameras] = useState<readonly CameraDevice[]>([]);
  const engine = useEngine();

  useEffect(() => {
    void engine.listCameras().then(setCameras);
  }, [engine]);

  useEffect(() => {
    if (mode === 'camera') onChange({ kind: 'camera', deviceId });
    else if (mode === 'demo') onChange({ kind: 'demo' });
    else onChange(file === null ? null : { kind: 'file', file });
  }, [mode, deviceId, file, onChange]);

  const radio = (value: Mode, label: string) => (
    <label>
      <input
        type="radio"
        name="source"
        value={value}
        checked={mode === value}
        onChange={() => setMode(value)}
      />{' '}
      {label}
    </label>
  );

  return (
    <fieldset className="picker">
      <legend>Picture from</legend>
      {radio('camera', 'Camera')}
      {mode === 'camera' && cameras.length > 1 && (
        <label className="indent">
          Which camera{' '}
          <select
            value={deviceId ?? ''}
            onChange={(e) => setDeviceId(e.target.value === '' ? null : e.target.value)}
          >
            <option value="">Default camera</option>
            {cameras.map((c) => (
              <option key={c.deviceId} value={c.deviceId}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {radio('file', 'A video file, played as if it were the camera')}
      {mode === 'file' && (
        <label className="indent">
          Video file{' '}
          <input
            type="file"
            accept="video/*"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
      )}
      {radio('demo', 'Demo: watch a simulated person do the standing stretch (no camera needed)')}
    </fieldset>
  );
}
