interface Props {
  /** 0..1 */
  readonly fraction: number;
  readonly label: string;
}

export function ProgressBar({ fraction, label }: Props) {
  const percent = Math.round(Math.max(0, Math.min(1, fraction)) * 100);
  return (
    <div className="progress">
      <div className="progress-label" id="progress-label">
        {label} — {percent}%
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-labelledby="progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
