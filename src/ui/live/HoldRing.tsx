interface Props {
  /** Seconds held in good form so far. */
  readonly heldMs: number;
  readonly targetMs: number;
  /** False while the hold timer is paused by a break in form or position. */
  readonly counting: boolean;
}

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** A ring that fills as good-form seconds add up, with the seconds left in the middle. */
export function HoldRing({ heldMs, targetMs, counting }: Props) {
  const fraction = targetMs > 0 ? Math.min(1, heldMs / targetMs) : 0;
  const secondsLeft = Math.max(0, Math.ceil((targetMs - heldMs) / 1000));
  const label = counting
    ? `${secondsLeft} seconds left in this hold`
    : `Hold paused at ${secondsLeft} seconds left: get back into good form`;
  return (
    <figure
      className={counting ? 'hold-ring' : 'hold-ring hold-ring-paused'}
      data-testid="hold-ring"
    >
      <svg viewBox="0 0 120 120" role="img" aria-label={label}>
        <circle className="hold-ring-track" cx="60" cy="60" r={RADIUS} />
        <circle
          className="hold-ring-fill"
          cx="60"
          cy="60"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
          transform="rotate(-90 60 60)"
        />
        <text x="60" y="58" textAnchor="middle" className="hold-ring-seconds">
          {secondsLeft}
        </text>
        <text x="60" y="80" textAnchor="middle" className="hold-ring-unit">
          {counting ? 'seconds' : 'paused'}
        </text>
      </svg>
    </figure>
  );
}
